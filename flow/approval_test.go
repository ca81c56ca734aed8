package flow

import (
	"context"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
)

func TestEnrollmentWaitEndsWhenThePhoneScans(t *testing.T) {
	w := newWorld(t, sandbox.DefaultOptions(), 5*time.Second)
	mfaToken := w.signIn("alice@example.com")
	msg, err := Enroll(context.Background(), w.env, mfaToken, Push, EnrollInput{})
	if err != nil {
		t.Fatal(err)
	}
	a := NewApproval(w.env, ApprovalEnrollment, mfaToken, msg.Association.OOBCode, msg.At, msg.At.Add(EnrollmentLifetime))
	w.drive(a, func(polls int) {
		if polls == 2 {
			if _, err := w.srv.Phone.Scan(context.Background(), msg.Association.BarcodeURI, "Pixel 9"); err != nil {
				t.Fatal(err)
			}
		}
	})
	if a.State() != ApprovalApproved || a.Tokens() == nil || a.Tokens().AccessToken == "" {
		t.Fatalf("state %v, tokens %v, last error %v", a.State(), a.Tokens(), a.LastError())
	}
	polls := w.pollTimes()
	if len(polls) != 3 {
		t.Fatalf("%d polls, want 3 (pending, pending, tokens)", len(polls))
	}
	if first := polls[0].Sub(msg.At); first < 6*time.Second {
		t.Errorf("first poll %v after the associate answer, want one stretched interval (6s)", first)
	}
	assertSpacing(t, polls, 6*time.Second)
}

func TestApprovedChallenge(t *testing.T) {
	w := newWorld(t, sandbox.DefaultOptions(), 5*time.Second)
	a := w.pushChallenge(w.signIn("bob@example.com"))
	w.drive(a, func(polls int) {
		if polls == 1 {
			approveFirst(t, w)
		}
	})
	if a.State() != ApprovalApproved {
		t.Fatalf("state %v (%v)", a.State(), a.LastError())
	}
}

func TestRejectionStopsPollingAtOnce(t *testing.T) {
	w := newWorld(t, sandbox.DefaultOptions(), 5*time.Second)
	a := w.pushChallenge(w.signIn("bob@example.com"))
	w.drive(a, func(polls int) {
		if polls == 2 {
			notes := w.srv.Phone.Notifications()
			if err := w.srv.Phone.Reject(context.Background(), notes[0].ID, ""); err != nil {
				t.Fatal(err)
			}
		}
	})
	if a.State() != ApprovalRejected {
		t.Fatalf("state %v (%v)", a.State(), a.LastError())
	}
	if n := len(w.pollTimes()); n != 3 {
		t.Errorf("%d polls, want 3: none after the rejection", n)
	}
	if a.LastError() == nil || !a.LastError().Rejected() {
		t.Errorf("last error %v", a.LastError())
	}
}

func TestRejectionAsInvalidGrantAlsoStops(t *testing.T) {
	opts := sandbox.DefaultOptions()
	opts.RejectWithInvalidGrant = true
	w := newWorld(t, opts, 5*time.Second)
	a := w.pushChallenge(w.signIn("bob@example.com"))
	w.drive(a, func(polls int) {
		if polls == 1 {
			notes := w.srv.Phone.Notifications()
			w.srv.Phone.Reject(context.Background(), notes[0].ID, "")
		}
	})
	if a.State() != ApprovalRejected || a.LastError().Code != auth0.CodeInvalidGrant {
		t.Fatalf("state %v, error %v", a.State(), a.LastError())
	}
}

func TestSlowDownFromTheTenantWidensEveryLaterWait(t *testing.T) {
	opts := sandbox.DefaultOptions()
	opts.MinPollInterval = 10 * time.Second // the tenant wants more than we use
	w := newWorld(t, opts, 5*time.Second)
	a := w.pushChallenge(w.signIn("bob@example.com"))
	w.drive(a, func(polls int) {
		if polls == 5 {
			approveFirst(t, w)
		}
	})
	if a.State() != ApprovalApproved {
		t.Fatalf("state %v (%v)", a.State(), a.LastError())
	}
	polls := w.pollTimes()
	// 6s to the first poll (never slow_down); the second, 6s later, is too
	// fast: the interval becomes 10s, waits 12s, and never shrinks again.
	want := []time.Duration{6 * time.Second, 12 * time.Second, 12 * time.Second, 12 * time.Second}
	for i := 1; i < len(polls) && i <= len(want); i++ {
		if got := polls[i].Sub(polls[i-1]); got != want[i-1] {
			t.Errorf("gap %d = %v, want %v (all gaps %v)", i, got, want[i-1], gaps(polls))
		}
	}
	if a.Interval() != 10*time.Second {
		t.Errorf("interval %v, want 10s", a.Interval())
	}
}

func TestRateLimitedPollsWaitForTheReset(t *testing.T) {
	opts := sandbox.DefaultOptions()
	opts.PollsPerMinute = 2
	w := newWorld(t, opts, 5*time.Second)
	a := w.pushChallenge(w.signIn("bob@example.com"))
	var sawRateLimit bool
	w.drive(a, func(polls int) {
		if e := a.LastError(); e != nil && e.Outcome == auth0.OutcomeRateLimited {
			sawRateLimit = true
			if !e.RateLimit.Present || e.RateLimit.Limit != 2 {
				t.Errorf("rate limit headers %+v", e.RateLimit)
			}
		}
		if polls == 6 {
			approveFirst(t, w)
		}
	})
	if !sawRateLimit || a.State() != ApprovalApproved {
		t.Fatalf("saw 429: %v; state %v (%v)", sawRateLimit, a.State(), a.LastError())
	}
	assertSpacing(t, w.pollTimes(), 6*time.Second)
}

func TestDeadlineStopsWithoutAnotherRequest(t *testing.T) {
	opts := sandbox.DefaultOptions()
	opts.MFATokenLifetime = time.Hour // our deadline comes first
	w := newWorld(t, opts, 5*time.Second)
	mfaToken := w.signIn("bob@example.com")
	a := w.pushChallenge(mfaToken)
	w.drive(a, nil)
	if a.State() != ApprovalTimedOut {
		t.Fatalf("state %v (%v)", a.State(), a.LastError())
	}
	polls := w.pollTimes()
	if last := polls[len(polls)-1]; !last.Before(a.Deadline()) {
		t.Errorf("a poll at %v, at or after the deadline %v", last, a.Deadline())
	}
	if got := w.clock.Now(); got.Sub(a.Deadline()) != 0 {
		t.Errorf("the wait ended at %v, want the deadline %v", got, a.Deadline())
	}
}

func TestExpiredMFATokenStops(t *testing.T) {
	opts := sandbox.DefaultOptions()
	opts.MFATokenLifetime = 20 * time.Second
	w := newWorld(t, opts, 5*time.Second)
	a := w.pushChallenge(w.signIn("bob@example.com"))
	w.drive(a, nil)
	if a.State() != ApprovalExpired || a.LastError().Code != auth0.CodeExpiredToken {
		t.Fatalf("state %v (%v)", a.State(), a.LastError())
	}
}

func TestTransientFailuresBackOffAndRecover(t *testing.T) {
	w := newWorld(t, sandbox.DefaultOptions(), 5*time.Second)
	a := w.pushChallenge(w.signIn("bob@example.com"))
	a.poller.jitter = func() float64 { return 0 }
	if err := w.srv.Tenant.AddFault(sandbox.Fault{Path: "/oauth/token", Kind: "503", Count: 3}); err != nil {
		t.Fatal(err)
	}
	maxRetrying := 0
	w.drive(a, func(polls int) {
		maxRetrying = max(maxRetrying, a.Retrying())
		if polls == 4 {
			approveFirst(t, w)
		}
	})
	if a.State() != ApprovalApproved || maxRetrying != 3 {
		t.Fatalf("state %v, retries in a row %d", a.State(), maxRetrying)
	}
	got := gaps(w.pollTimes())
	want := []time.Duration{6 * time.Second, 12 * time.Second, 24 * time.Second, 6 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("gaps %v, want %v first", got, want)
		}
	}
}

func TestCancelAbortsThePollInFlight(t *testing.T) {
	w := newWorld(t, sandbox.DefaultOptions(), 5*time.Second)
	// A transport that says when a poll has left, so the cancel lands while
	// the request is in flight.
	sent := make(chan struct{}, 1)
	hc := *w.srv.Server.Client()
	hc.Transport = signalingTransport{next: hc.Transport, sent: sent}
	client, err := auth0.New(auth0.Config{Domain: w.srv.URL, ClientID: "sandbox-client", ClientSecret: "sandbox-secret", HTTPClient: &hc})
	if err != nil {
		t.Fatal(err)
	}
	w.client, w.env.Client = client, client
	a := w.pushChallenge(w.signIn("bob@example.com"))
	cmd, _ := a.Update(w.run(a.Start())) // the first wait ends: the poll is next
	if err := w.srv.Tenant.AddFault(sandbox.Fault{Path: "/oauth/token", Kind: "hang", Count: 1}); err != nil {
		t.Fatal(err)
	}
	for len(sent) > 0 {
		<-sent
	}
	done := make(chan any, 1)
	go func() { done <- cmd() }()
	<-sent
	a.Cancel()
	select {
	case got := <-done:
		if got != nil {
			t.Fatalf("a cancelled poll produced %T", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("cancelling did not abort the request in flight")
	}
	if a.State() != ApprovalCancelled {
		t.Fatalf("state %v", a.State())
	}
	before := len(w.srv.TokenPolls())
	if next, _ := a.Update(ApprovalDueMsg{ID: a.id}); next != nil {
		t.Fatal("a cancelled wait scheduled a poll")
	}
	if len(w.srv.TokenPolls()) != before {
		t.Fatal("a request went out after cancellation")
	}
}

type signalingTransport struct {
	next http.RoundTripper
	sent chan struct{}
}

func (s signalingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Path == "/oauth/token" {
		select {
		case s.sent <- struct{}{}:
		default:
		}
	}
	return s.next.RoundTrip(r)
}

func approveFirst(t *testing.T, w *world) {
	t.Helper()
	notes := w.srv.Phone.Notifications()
	if len(notes) == 0 {
		t.Fatal("no push reached the phone")
	}
	if err := w.srv.Phone.Approve(context.Background(), notes[0].ID); err != nil {
		t.Fatal(err)
	}
}

func gaps(times []time.Time) []time.Duration {
	var out []time.Duration
	for i := 1; i < len(times); i++ {
		out = append(out, times[i].Sub(times[i-1]))
	}
	return out
}

func assertSpacing(t *testing.T, polls []time.Time, atLeast time.Duration) {
	t.Helper()
	for i, g := range gaps(polls) {
		if g < atLeast {
			t.Errorf("polls %d and %d are %v apart, want at least %v", i, i+1, g, atLeast)
		}
	}
}

// TestOddExpiresInKeepsTheApproval: the phone approves, and the tenant's
// token answer carries an expires_in that cannot be believed. The oob_code
// is spent by then, so the tokens are kept and their expiry is unknown.
func TestOddExpiresInKeepsTheApproval(t *testing.T) {
	for _, odd := range []string{`-100`, `1e12`, `"soon"`, `null`, `{"s":1}`} {
		t.Run(odd, func(t *testing.T) {
			w := newWorld(t, sandbox.DefaultOptions(), 5*time.Second)
			w.env.Client = w.throughProxy(func(body []byte) []byte {
				return regexp.MustCompile(`"expires_in":\d+`).ReplaceAll(body, []byte(`"expires_in":`+odd))
			})
			a := w.pushChallenge(w.signIn("bob@example.com"))
			w.drive(a, func(polls int) {
				if polls == 1 {
					approveFirst(t, w)
				}
			})
			if a.State() != ApprovalApproved || a.Tokens() == nil || a.Tokens().AccessToken == "" {
				t.Fatalf("state %v, tokens %+v, error %v", a.State(), a.Tokens(), a.LastError())
			}
			if a.Tokens().ExpiresIn != 0 {
				t.Errorf("ExpiresIn = %v, want 0 (unknown)", a.Tokens().ExpiresIn)
			}
		})
	}
}
