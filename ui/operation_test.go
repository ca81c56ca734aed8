package ui

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/flow"
)

// TestEscDuringChainedCallsGoesBackWhereTheyStarted: the sign-in's answer
// starts the next call (the authenticators) without leaving the working
// screen; esc then returns at once to the sign-in form the calls started
// from, never to an empty spinner nor, under `mfapush challenge`, home.
func TestEscDuringChainedCallsGoesBackWhereTheyStarted(t *testing.T) {
	for _, start := range []Journey{JourneyHome, JourneyChallenge} {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, start: start})
		if start == JourneyHome {
			f.key("2")
		}
		f.typeText("bob@example.com")
		f.key("enter")
		f.typeText("bob-password")
		f.key("enter")
		f.send(callDoneMsg{seq: f.m.op.seq, msg: flow.SignedInMsg{SignedIn: flow.SignedIn{MFAToken: "Fe26.2*chained", At: fixtureTime}}})
		if f.m.current.ID() != screenWorking || f.m.op.label != f.m.t.Working.Listing {
			t.Fatalf("start %v: the list did not follow the sign-in: screen %v, op %q", start, f.m.current.ID(), f.m.op.label)
		}
		f.key("esc")
		if f.m.current.ID() != screenSignIn || !strings.Contains(f.screen(), "Password") {
			t.Fatalf("start %v: esc during the second call went to %v:\n%s", start, f.m.current.ID(), f.screen())
		}
	}
}
