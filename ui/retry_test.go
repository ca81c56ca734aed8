package ui

import (
	"strings"
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
	f.signedIn(JourneyChallenge, "bob@example.com")
	calls := 0
	f.m.run(f.m.t.Working.Listing, func(flow.Env) tea.Cmd {
		calls++
		return func() tea.Msg { return nil }
	})
	seq := f.m.op.seq
	f.send(callDoneMsg{seq: seq, msg: flow.AuthenticatorsMsg{Err: unavailable}})
	if f.m.current.ID() != screenProblem {
		t.Fatalf("screen %v, want the problem", f.m.current.ID())
	}
	f.key("enter")
	if f.m.current.ID() != screenWorking || f.m.op.label != f.m.t.Working.Listing || calls != 2 {
		t.Fatalf("enter: screen %v, operation %q, %d calls; want the list fetched again", f.m.current.ID(), f.m.op.label, calls)
	}
	f.key("esc") // and esc while it runs goes where the problem's enter used to
	if f.m.current.ID() != screenHome {
		t.Fatalf("esc went to %v", f.m.current.ID())
	}

	wrong := &auth0.Error{Op: "POST /oauth/token (password)", StatusCode: 403, Code: "invalid_grant", Description: "Wrong email or password."}
	f.m.j.openSignIn(JourneyChallenge)
	f.result(flow.SignedInMsg{Err: wrong})
	f.key("enter")
	if f.m.current.ID() != screenSignIn {
		t.Fatalf("after a wrong password, enter went to %v", f.m.current.ID())
	}
}

// After a wrong password, "try again" goes back to the form with the email
// kept, the wrong password gone and the focus on the password; the header
// names nobody, since nobody signed in. Once the sign-in succeeds, it names
// the user.
func TestTryAgainAfterAWrongPassword(t *testing.T) {
	f := newTestFixture(t)
	f.submitSignIn("bob@example.com", "not-the-password")
	f.result(flow.SignedInMsg{Err: &auth0.Error{Op: "POST /oauth/token (password)", StatusCode: 403, Code: "invalid_grant", Description: "Wrong email or password."}})
	header, _, _ := strings.Cut(f.screen(), "\n")
	if strings.Contains(header, "bob@example.com") || !strings.Contains(header, f.m.t.App.NotSignedIn) {
		t.Fatalf("after a failed sign-in the header reads %q", header)
	}
	f.key("enter")
	s := f.m.j.signIn
	if f.m.current.ID() != screenSignIn || s.fields[fieldEmail].Value() != "bob@example.com" || s.fields[fieldPassword].Value() != "" ||
		s.focus != fieldPassword || !s.fields[fieldPassword].Focused() {
		t.Fatalf("try again: screen %v, email %q, password %q, focus %d", f.m.current.ID(), s.fields[fieldEmail].Value(), s.fields[fieldPassword].Value(), s.focus)
	}
	f.typeText("bob-password")
	f.key("enter")
	f.result(flow.SignedInMsg{SignedIn: flow.SignedIn{MFAToken: "Fe26.2*fixture*mfa", At: fixtureTime}})
	if header, _, _ := strings.Cut(f.screen(), "\n"); !strings.Contains(header, "bob@example.com") {
		t.Fatalf("once signed in the header reads %q", header)
	}
}
