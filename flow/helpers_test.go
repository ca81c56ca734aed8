package flow

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/internal/clock"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// world is a sandbox on a manual clock, a client for it, and the flow
// environment sharing that clock.
type world struct {
	t      *testing.T
	srv    *sandboxtest.Server
	client *auth0.Client
	clock  *clock.Manual
	env    Env
}

func newWorld(t *testing.T, opts sandbox.Options, interval time.Duration) *world {
	t.Helper()
	srv := sandboxtest.Start(t, opts)
	w := &world{t: t, srv: srv, client: srv.Client(t, auth0.Config{}), clock: srv.Clock}
	w.env = Env{Client: w.client, Clock: w.clock, Ctx: context.Background(), PollInterval: interval}
	return w
}

// signIn logs a demo user in for the MFA API and returns the mfa_token.
func (w *world) signIn(email string) string {
	w.t.Helper()
	password := map[string]string{"alice@example.com": "alice-password", "bob@example.com": "bob-password"}[email]
	res, err := w.client.LoginWithPassword(context.Background(), auth0.PasswordLogin{
		Username: email, Password: password, Audience: w.client.MFAAudience(), Scope: ScopeMFAAPI,
	})
	if err != nil || res.MFARequired == nil {
		w.t.Fatalf("sign in %s: %+v %v", email, res, err)
	}
	return res.MFARequired.MFAToken
}

// pushChallenge challenges bob's push authenticator.
func (w *world) pushChallenge(mfaToken string) *Approval {
	w.t.Helper()
	list, err := w.client.ListAuthenticators(context.Background(), mfaToken)
	if err != nil {
		w.t.Fatal(err)
	}
	pushes := Push.Answering(list)
	if len(pushes) == 0 {
		w.t.Fatal("no active push")
	}
	ch, err := Challenge(context.Background(), w.env, mfaToken, Push, pushes[0].ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return NewApproval(w.env, ApprovalChallenge, mfaToken, ch.OOBCode, ch.At, ch.At.Add(MFATokenLifetime))
}

// run runs one command to its message. When the command waits on the
// manual clock, the clock is moved to the end of that wait, so tests never
// sleep.
func (w *world) run(cmd tea.Cmd) tea.Msg {
	w.t.Helper()
	before := w.clock.Waiters()
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waiting := make(chan struct{}, 1)
	go func() {
		if w.clock.BlockUntilWaiters(ctx, before+1) == nil {
			waiting <- struct{}{}
		}
	}()
	select {
	case msg := <-done:
		return msg
	case <-waiting:
		if d, ok := w.clock.NextWait(); ok {
			w.clock.Advance(d)
		}
		return <-done
	case <-time.After(30 * time.Second):
		w.t.Fatal("a command neither answered nor waited on the clock")
		return nil
	}
}

// drive runs an approval until it ends, calling each after every answer.
func (w *world) drive(a *Approval, each func(polls int)) {
	w.t.Helper()
	cmd := a.Start()
	for cmd != nil {
		msg := w.run(cmd)
		if msg == nil {
			return
		}
		cmd, _ = a.Update(msg)
		if _, answered := msg.(ApprovalAnswerMsg); answered && each != nil {
			each(a.Polls())
		}
	}
}

// pollTimes are the times of the mfa-oob polls the tenant saw (a faulted
// request is answered before its body is read, so it counts too).
func (w *world) pollTimes() []time.Time {
	var out []time.Time
	for _, r := range w.srv.TokenPolls() {
		if r.Fault != "" || slices.Contains(r.Fields, "oob_code") {
			out = append(out, r.Time)
		}
	}
	return out
}

// throughProxy puts a proxy between the client and the sandbox that
// rewrites the body of every successful token answer, as a tenant (or
// something in between) sending odd fields would; the world's client then
// goes through it.
func (w *world) throughProxy(rewrite func([]byte) []byte) *auth0.Client {
	w.t.Helper()
	target, err := url.Parse(w.srv.URL)
	if err != nil {
		w.t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(resp *http.Response) error {
		if resp.Request.URL.Path != "/oauth/token" || resp.StatusCode != http.StatusOK {
			return nil
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		body = rewrite(body)
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
		resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
		return nil
	}
	front := httptest.NewServer(proxy)
	w.t.Cleanup(front.Close)
	client, err := auth0.New(auth0.Config{Domain: front.URL, ClientID: "sandbox-client", ClientSecret: "sandbox-secret", HTTPClient: front.Client()})
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(client.CloseIdleConnections)
	w.client = client
	return client
}
