package flow

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
)

var t0 = time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)

func newTestPoller(interval time.Duration) *Poller {
	p := NewPoller(interval, t0.Add(5*time.Minute))
	p.jitter = func() float64 { return 0 }
	return p
}

func TestIntervalIsSanitized(t *testing.T) {
	for in, want := range map[time.Duration]time.Duration{
		0: DefaultInterval, -time.Second: DefaultInterval, time.Second: time.Second, 10 * time.Minute: MaxInterval,
	} {
		if got := NewPoller(in, t0).Interval(); got != want {
			t.Errorf("NewPoller(%v).Interval() = %v, want %v", in, got, want)
		}
	}
}

func TestFirstPollWaitsOneStretchedInterval(t *testing.T) {
	d := newTestPoller(5 * time.Second).First(t0)
	if d.Action != ActionWait || d.Wait != 6*time.Second {
		t.Fatalf("First = %+v, want a 6s wait (5s x 1.2)", d)
	}
}

// Spacing, which the screens and plain mode state, is the wait the policy
// keeps while the answer is pending, and after a slow_down.
func TestSpacingIsThePendingWait(t *testing.T) {
	for _, interval := range []time.Duration{0, time.Second, 5 * time.Second, 10 * time.Minute} {
		p := newTestPoller(interval)
		for _, outcome := range []auth0.Outcome{auth0.OutcomePending, auth0.OutcomeSlowDown} {
			if d := p.Next(outcome, auth0.RateLimit{}, t0); d.Wait != p.Spacing() {
				t.Errorf("interval %v, %v: waits %v, Spacing says %v", interval, outcome, d.Wait, p.Spacing())
			}
		}
	}
}

func TestPendingKeepsTheSpacing(t *testing.T) {
	p := newTestPoller(5 * time.Second)
	for i := 0; i < 5; i++ {
		d := p.Next(auth0.OutcomePending, auth0.RateLimit{}, t0)
		if d.Action != ActionWait || d.Wait != 6*time.Second {
			t.Fatalf("pending #%d: %+v", i, d)
		}
	}
}

func TestSlowDownAddsFiveSecondsForGood(t *testing.T) {
	p := newTestPoller(5 * time.Second)
	d := p.Next(auth0.OutcomeSlowDown, auth0.RateLimit{}, t0)
	if d.Wait != 12*time.Second || p.Interval() != 10*time.Second || p.ClockSuspect() {
		t.Fatalf("after one slow_down: %+v interval %v", d, p.Interval())
	}
	d = p.Next(auth0.OutcomePending, auth0.RateLimit{}, t0)
	if d.Wait != 12*time.Second {
		t.Fatalf("the interval decreased after slow_down: %+v", d)
	}
	p.Next(auth0.OutcomeSlowDown, auth0.RateLimit{}, t0)
	if p.Interval() != 15*time.Second || !p.ClockSuspect() {
		t.Fatalf("after two slow_downs: interval %v, suspect %v", p.Interval(), p.ClockSuspect())
	}
}

func TestFinalAnswersStop(t *testing.T) {
	for outcome, want := range map[auth0.Outcome]Decision{
		auth0.OutcomeTokens:   {Action: ActionDone},
		auth0.OutcomeRejected: {Action: ActionStop, Reason: StopRejected},
		auth0.OutcomeExpired:  {Action: ActionStop, Reason: StopExpired},
		auth0.OutcomeFatal:    {Action: ActionStop, Reason: StopFailed},
	} {
		if got := newTestPoller(time.Second).Next(outcome, auth0.RateLimit{}, t0); got != want {
			t.Errorf("%v: %+v, want %+v", outcome, got, want)
		}
	}
}

func TestRateLimitWait(t *testing.T) {
	for name, tc := range map[string]struct {
		rl   auth0.RateLimit
		want time.Duration
	}{
		"no headers: the interval x1.25":     {auth0.RateLimit{}, 6250 * time.Millisecond},
		"reset equal to now: one interval+":  {auth0.RateLimit{Reset: t0, Present: true}, 6250 * time.Millisecond},
		"retry-after 8s":                     {auth0.RateLimit{RetryAfter: 8 * time.Second, Present: true}, 10 * time.Second},
		"reset in 20s beats retry-after 8s":  {auth0.RateLimit{RetryAfter: 8 * time.Second, Reset: t0.Add(20 * time.Second), Present: true}, 25 * time.Second},
		"an hour away is clamped to 60s":     {auth0.RateLimit{RetryAfter: time.Hour, Present: true}, MaxInterval},
		"a reset in the past: the interval+": {auth0.RateLimit{Reset: t0.Add(-time.Hour), Present: true}, 6250 * time.Millisecond},
	} {
		d := newTestPoller(5*time.Second).Next(auth0.OutcomeRateLimited, tc.rl, t0)
		if d.Action != ActionWait || d.Wait != tc.want {
			t.Errorf("%s: %+v, want wait %v", name, d, tc.want)
		}
	}
}

func TestRateLimitPastTheDeadlineStops(t *testing.T) {
	p := newTestPoller(5 * time.Second)
	d := p.Next(auth0.OutcomeRateLimited, auth0.RateLimit{RetryAfter: 30 * time.Second, Present: true}, t0.Add(4*time.Minute+40*time.Second))
	if d.Action != ActionStop || d.Reason != StopRateLimited {
		t.Fatalf("%+v", d)
	}
}

func TestTransientBacksOffDoublingToSixtySeconds(t *testing.T) {
	p := NewPoller(5*time.Second, t0.Add(time.Hour))
	p.jitter = func() float64 { return 0 }
	var waits []time.Duration
	for i := 0; i < 6; i++ {
		waits = append(waits, p.Next(auth0.OutcomeTransient, auth0.RateLimit{}, t0).Wait)
	}
	want := []time.Duration{6 * time.Second, 12 * time.Second, 24 * time.Second, 48 * time.Second, 60 * time.Second, 60 * time.Second}
	for i := range want {
		if waits[i] != want[i] {
			t.Fatalf("backoff = %v, want %v", waits, want)
		}
	}
	if p.Failures() != 6 {
		t.Errorf("failures = %d", p.Failures())
	}
	// An answer from the server ends the streak.
	if d := p.Next(auth0.OutcomePending, auth0.RateLimit{}, t0); d.Wait != 6*time.Second || p.Failures() != 0 {
		t.Errorf("after recovery: %+v failures %d", d, p.Failures())
	}
	p.jitter = func() float64 { return 1 }
	if d := p.Next(auth0.OutcomeTransient, auth0.RateLimit{}, t0); d.Wait <= 6*time.Second || d.Wait > 7200*time.Millisecond+time.Millisecond {
		t.Errorf("jittered wait %v outside (6s, 7.2s]", d.Wait)
	}
}

func TestDeadline(t *testing.T) {
	p := newTestPoller(5 * time.Second)
	near := t0.Add(5*time.Minute - 2*time.Second)
	if d := p.Next(auth0.OutcomePending, auth0.RateLimit{}, near); d.Action != ActionWait || d.Wait != 2*time.Second {
		t.Fatalf("a wait is not cut at the deadline: %+v", d)
	}
	if d := p.Due(t0.Add(5 * time.Minute)); d.Action != ActionStop || d.Reason != StopDeadline {
		t.Fatalf("Due at the deadline = %+v", d)
	}
	if d := p.Due(t0.Add(time.Minute)); d.Action != ActionWait {
		t.Fatalf("Due before the deadline = %+v", d)
	}
	if d := p.Next(auth0.OutcomePending, auth0.RateLimit{}, t0.Add(6*time.Minute)); d.Action != ActionStop || d.Reason != StopDeadline {
		t.Fatalf("pending after the deadline = %+v", d)
	}
}

// TestAbsurdRateLimitHeadersWaitTheCap gets 429s with absurd headers over
// HTTP, as the client parses them: the next poll waits the 60 s cap (or
// stops at the deadline), never a short wait.
func TestAbsurdRateLimitHeadersWaitTheCap(t *testing.T) {
	for name, header := range map[string][2]string{
		"retry-after 9.3e9 s":     {"Retry-After", "9300000000"},
		"retry-after past int64":  {"Retry-After", "99999999999999999999999"},
		"reset far in the future": {"X-Ratelimit-Reset", "99999999999999"},
		"reset past int64":        {"X-Ratelimit-Reset", "1e300"},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set(header[0], header[1])
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"error":"too_many_requests","error_description":"Too many requests"}`)
		}))
		client, err := auth0.New(auth0.Config{Domain: srv.URL, ClientID: "cid"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = client.VerifyOOB(context.Background(), "mfa-token", "oob-code", "")
		e, ok := auth0.AsError(err)
		client.CloseIdleConnections()
		srv.Close()
		if !ok || e.Outcome != auth0.OutcomeRateLimited {
			t.Fatalf("%s: %v", name, err)
		}
		d := newTestPoller(5*time.Second).Next(auth0.OutcomeRateLimited, e.RateLimit, t0)
		if d.Action != ActionWait || d.Wait != MaxInterval {
			t.Errorf("%s: %+v, want a wait of %v", name, d, MaxInterval)
		}
	}
}
