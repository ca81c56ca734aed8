package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
)

// loadResult is one server under load.
type loadResult struct {
	requests   int
	unexpected int // answers other than the pending one
	elapsed    time.Duration
	p50, p99   time.Duration
}

func (r loadResult) perSecond() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// throughputResult is the sandbox beside a bare handler.
type throughputResult struct {
	clients           int
	sandbox, baseline loadResult
}

// measureThroughput loads the sandbox's token endpoint with clients
// concurrent pollers of pending mfa-oob grants, then a bare net/http handler
// that answers the same bytes, for d each, in the same process and the
// same way.
func measureThroughput(clients int, d time.Duration) (*throughputResult, error) {
	opts := sandbox.DefaultOptions()
	opts.MinPollInterval = 0       // no slow_down: every poll is answered pending
	opts.PollsPerMinute = 1 << 30  // and never 429
	opts.PushesPerMinute = 1 << 20 // one push per client
	srv, err := sandbox.Start("", opts)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	bodies, err := pendingPolls(srv, clients)
	if err != nil {
		return nil, err
	}
	// The answer the bare handler copies, headers aside.
	status, ctype, want, err := post(srv.Client(), srv.URL+"/oauth/token", bodies[0])
	if err != nil {
		return nil, err
	}
	if status != http.StatusBadRequest {
		return nil, fmt.Errorf("a poll was answered %d %s, want 400 authorization_pending", status, want)
	}
	bare, err := startBare(status, ctype, want)
	if err != nil {
		return nil, err
	}
	defer bare.Close()
	res := &throughputResult{clients: clients}
	check := func(code int, body []byte) bool { return code == status && bytes.Equal(body, want) }
	res.baseline = load("http://"+bare.Addr().String()+"/oauth/token", bodies, d, check)
	res.sandbox = load(srv.URL+"/oauth/token", bodies, d, check)
	return res, nil
}

// pendingPolls signs bob in and sends one push per client, and returns the
// form of a poll for each push.
func pendingPolls(srv *sandbox.Server, n int) ([][]byte, error) {
	ctx := context.Background()
	client, err := auth0.New(auth0.Config{Domain: srv.URL, ClientID: "sandbox-client", ClientSecret: "sandbox-secret", HTTPClient: srv.Client()})
	if err != nil {
		return nil, err
	}
	login, err := client.LoginWithPassword(ctx, auth0.PasswordLogin{Username: "bob@example.com", Password: "bob-password",
		Audience: client.MFAAudience(), Scope: "openid enroll read:authenticators"})
	if err != nil || login.MFARequired == nil {
		return nil, fmt.Errorf("sign bob in: %v", err)
	}
	token := login.MFARequired.MFAToken
	var bodies [][]byte
	for range n {
		ch, err := client.Challenge(ctx, auth0.ChallengeRequest{MFAToken: token, ChallengeType: "oob"})
		if err != nil {
			return nil, fmt.Errorf("challenge bob: %w", err)
		}
		form := url.Values{"grant_type": {auth0.GrantMFAOOB}, "client_id": {"sandbox-client"},
			"client_secret": {"sandbox-secret"}, "mfa_token": {token}, "oob_code": {ch.OOBCode}}
		bodies = append(bodies, []byte(form.Encode()))
	}
	return bodies, nil
}

func post(hc *http.Client, u string, body []byte) (int, string, []byte, error) {
	resp, err := hc.Post(u, "application/x-www-form-urlencoded", bytes.NewReader(body))
	if err != nil {
		return 0, "", nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), b, err
}

// startBare serves the baseline: a handler that reads the form and writes
// the same answer, with nothing else.
func startBare(status int, ctype string, body []byte) (net.Listener, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(status)
		w.Write(body)
	})
	go (&http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
	return ln, nil
}

// load runs one poller per body against u for d, each with its own
// keep-alive connection, and collects every latency.
func load(u string, bodies [][]byte, d time.Duration, ok func(int, []byte) bool) loadResult {
	transport := &http.Transport{Proxy: nil, MaxIdleConnsPerHost: len(bodies), DisableCompression: true}
	defer transport.CloseIdleConnections()
	hc := &http.Client{Transport: transport}
	// Warm the connections up first.
	for _, b := range bodies {
		post(hc, u, b)
	}
	var wg sync.WaitGroup
	lat := make([][]time.Duration, len(bodies))
	bad := make([]int, len(bodies))
	start := time.Now()
	stop := start.Add(d)
	for i, body := range bodies {
		wg.Go(func() {
			buf := make([]byte, 4096)
			for time.Now().Before(stop) {
				t0 := time.Now()
				resp, err := hc.Post(u, "application/x-www-form-urlencoded", bytes.NewReader(body))
				if err != nil {
					bad[i]++
					continue
				}
				n, _ := io.ReadFull(resp.Body, buf)
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lat[i] = append(lat[i], time.Since(t0))
				if !ok(resp.StatusCode, buf[:n]) {
					bad[i]++
				}
			}
		})
	}
	wg.Wait()
	res := loadResult{elapsed: time.Since(start)}
	var all []time.Duration
	for i := range lat {
		all = append(all, lat[i]...)
		res.unexpected += bad[i]
	}
	res.requests = len(all)
	slices.Sort(all)
	res.p50, res.p99 = quantile(all, 0.50), quantile(all, 0.99)
	return res
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}
