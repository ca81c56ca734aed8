package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// After a failure that trying again can fix (no answer, a server error, a
// rate limit), enter on the problem screen sends the same call again; after
// one the user must fix (a wrong password), it goes back to where they can.
func TestTryAgainRetriesTheFailedCall(t *testing.T) {
	unavailable := &auth0.Error{Op: "GET /mfa/authenticators", StatusCode: 503, Code: "temporarily_unavailable", Outcome: auth0.OutcomeTransient}
	f := newTestFixture(t)
	f.signedIn(FlowChallenge, "bob@example.com")
	calls := 0
	f.m.run(f.m.t.Working.Listing, func(flow.Env) tea.Cmd {
		calls++
		return func() tea.Msg { return nil }
	})
	seq := f.m.op.seq
	f.send(opDoneMsg{seq: seq, msg: flow.AuthenticatorsMsg{Err: unavailable}})
	if f.m.screen != screenProblem {
		t.Fatalf("screen %v, want the problem", f.m.screen)
	}
	f.key("enter")
	if f.m.screen != screenWorking || f.m.op.label != f.m.t.Working.Listing || calls != 2 {
		t.Fatalf("enter: screen %v, operation %q, %d calls; want the list fetched again", f.m.screen, f.m.op.label, calls)
	}
	f.key("esc") // and esc while it runs goes where the problem's enter used to
	if f.m.screen != screenHome {
		t.Fatalf("esc went to %v", f.m.screen)
	}

	wrong := &auth0.Error{Op: "POST /oauth/token (password)", StatusCode: 403, Code: "invalid_grant", Description: "Wrong email or password."}
	f.m.openSignIn(FlowChallenge)
	f.result(flow.SignedInMsg{Err: wrong})
	f.key("enter")
	if f.m.screen != screenSignIn {
		t.Fatalf("after a wrong password, enter went to %v", f.m.screen)
	}
}
