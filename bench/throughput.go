//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
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

// throughputResult is the sandbox beside a bare handler, round by round.
type throughputResult struct {
	clients           int
	sandbox, baseline []loadResult
}

// median is the round with the median value of f.
func medianRound(rounds []loadResult, f func(loadResult) float64) float64 {
	vs := make([]float64, len(rounds))
	for i, r := range rounds {
		vs[i] = f(r)
	}
	return median(vs)
}

// measureThroughput loads the sandbox's token endpoint with clients
// concurrent pollers of pending mfa-oob grants, then a bare net/http handler
// that answers the same bytes, for d each, in the same process and the
// same way, rounds times in turn.
func measureThroughput(clients, rounds int, d time.Duration) (*throughputResult, error) {
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
	for range rounds {
		b, err := load(bare.Addr().String(), bodies, d, check)
		if err != nil {
			return nil, fmt.Errorf("the bare handler: %w", err)
		}
		sb, err := load(strings.TrimPrefix(srv.URL, "http://"), bodies, d, check)
		if err != nil {
			return nil, fmt.Errorf("the sandbox: %w", err)
		}
		res.baseline, res.sandbox = append(res.baseline, b), append(res.sandbox, sb)
	}
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

// load runs one poller per body against addr for d, each on its own
// keep-alive connection, and collects every latency. The pollers speak
// HTTP/1.1 on raw connections, a request written from ready bytes and the
// answer read by its Content-Length: net/http's client costs as much CPU
// as the server it loads, on the same cores.
func load(addr string, bodies [][]byte, d time.Duration, ok func(int, []byte) bool) (loadResult, error) {
	conns := make([]*pollConn, len(bodies))
	for i, body := range bodies {
		c, err := dialPoller(addr, body)
		if err != nil {
			return loadResult{}, err
		}
		defer c.conn.Close()
		if _, _, err := c.poll(); err != nil { // warm up
			return loadResult{}, err
		}
		conns[i] = c
	}
	var wg sync.WaitGroup
	lat := make([][]time.Duration, len(bodies))
	bad := make([]int, len(bodies))
	for i := range lat {
		lat[i] = make([]time.Duration, 0, 1<<14)
	}
	runtime.GC() // what the figures before left behind is not this round's to collect
	start := time.Now()
	stop := start.Add(d)
	for i, c := range conns {
		wg.Go(func() {
			for time.Now().Before(stop) {
				t0 := time.Now()
				status, body, err := c.poll()
				if err != nil {
					bad[i]++
					return
				}
				lat[i] = append(lat[i], time.Since(t0))
				if !ok(status, body) {
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
	return res, nil
}

// pollConn is one poller's connection and its request, ready to write.
type pollConn struct {
	conn    net.Conn
	r       *bufio.Reader
	request []byte
	body    []byte
}

func dialPoller(addr string, form []byte) (*pollConn, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	req := fmt.Sprintf("POST /oauth/token HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s",
		addr, len(form), form)
	return &pollConn{conn: conn, r: bufio.NewReaderSize(conn, 4096), request: []byte(req)}, nil
}

// poll sends the request and reads the answer's status and body.
func (c *pollConn) poll() (int, []byte, error) {
	if _, err := c.conn.Write(c.request); err != nil {
		return 0, nil, err
	}
	line, err := c.r.ReadSlice('\n')
	if err != nil {
		return 0, nil, err
	}
	// "HTTP/1.1 400 Bad Request"
	if len(line) < 12 {
		return 0, nil, fmt.Errorf("status line %q", line)
	}
	status, err := strconv.Atoi(string(line[9:12]))
	if err != nil {
		return 0, nil, fmt.Errorf("status line %q", line)
	}
	length := -1
	for {
		h, err := c.r.ReadSlice('\n')
		if err != nil {
			return 0, nil, err
		}
		h = bytes.TrimRight(h, "\r\n")
		if len(h) == 0 {
			break
		}
		if k, v, ok := bytes.Cut(h, []byte(":")); ok && bytes.EqualFold(k, []byte("Content-Length")) {
			if length, err = strconv.Atoi(string(bytes.TrimSpace(v))); err != nil {
				return 0, nil, fmt.Errorf("content-length %q", v)
			}
		}
	}
	if length < 0 {
		return 0, nil, errors.New("an answer without Content-Length")
	}
	if cap(c.body) < length {
		c.body = make([]byte, length)
	}
	c.body = c.body[:length]
	_, err = io.ReadFull(c.r, c.body)
	return status, c.body, err
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}
