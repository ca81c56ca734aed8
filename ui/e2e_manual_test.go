package ui

import (
	"context"
	"slices"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
)

// Helpers for e2e tests on the manual clock (e2eOptions.manual): the test
// moves time only when the program waits on it, so every spacing is exact
// and no test sleeps through a poll interval.

// advance waits until the program waits on the clock (the approval's timer),
// then moves the clock to the end of that wait and returns its length.
func (e *e2e) advance() time.Duration {
	e.t.Helper()
	e.waitForWaiter()
	d, _ := e.srv.Clock.NextWait()
	e.srv.Clock.Advance(d)
	return d
}

// pollOnce lets one poll go out and waits until its answer was handled.
func (e *e2e) pollOnce() {
	e.t.Helper()
	e.advance()
	e.waitForWaiter()
}

// waitForWaiter returns once something waits on the clock: after a poll,
// that means its answer was handled and the next wait is set.
func (e *e2e) waitForWaiter() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := e.srv.Clock.BlockUntilWaiters(ctx, 1); err != nil {
		e.t.Fatalf("nothing waits on the clock; the screen shows:\n%s", e.screen())
	}
}

// polls are the mfa-oob polls the tenant saw (a faulted request is answered
// before its body is read, so it counts too), from index from of the log on.
func (e *e2e) polls(from int) []sandbox.RequestRecord {
	var out []sandbox.RequestRecord
	for _, r := range e.srv.Requests("")[from:] {
		if r.Path == "/oauth/token" && (r.Fault != "" || slices.Contains(r.Fields, "oob_code") || slices.Contains(r.Fields, "auth_req_id")) {
			out = append(out, r)
		}
	}
	return out
}

// faulted counts the requests from index from of the log on that got a fault.
func (e *e2e) faulted(from int) int {
	n := 0
	for _, r := range e.srv.Requests("")[from:] {
		if r.Fault != "" {
			n++
		}
	}
	return n
}

// waitUntilFaulted waits until n requests since from got their fault.
func (e *e2e) waitUntilFaulted(from, n int) {
	e.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for e.faulted(from) < n {
		if time.Now().After(deadline) {
			e.t.Fatalf("%d of %d faults served; the screen shows:\n%s", e.faulted(from), n, e.screen())
		}
		time.Sleep(time.Millisecond)
	}
}

// answerPush approves or rejects the push waiting on the phone, as its
// owner would.
func (e *e2e) answerPush(approve bool) {
	e.t.Helper()
	notes := e.srv.Phone.Notifications()
	if len(notes) == 0 {
		e.t.Fatal("no push reached the phone")
	}
	answer := func() error { return e.srv.Phone.Reject(context.Background(), notes[0].ID, "") }
	if approve {
		answer = func() error { return e.srv.Phone.Approve(context.Background(), notes[0].ID) }
	}
	if err := answer(); err != nil {
		e.t.Fatal(err)
	}
}

// gaps are the times between consecutive requests.
func gapsOf(rs []sandbox.RequestRecord) []time.Duration {
	var out []time.Duration
	for i := 1; i < len(rs); i++ {
		out = append(out, rs[i].Time.Sub(rs[i-1].Time))
	}
	return out
}
