package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
)

// runAll runs a command and the commands of every batch it answers,
// dropping the messages.
func runAll(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			runAll(c)
		}
	}
}

// Esc on a push wait abandons it, and the phone panel's request for it
// goes too: left there, approving it would only say it expired.
func TestEscOnAPushWaitDismissesItsRequest(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	challengeFixture(f)
	runAll(f.key("esc"))
	if f.m.current.ID() != screenList {
		t.Fatalf("esc went to %v", f.m.current.ID())
	}
	if !slices.Equal(f.phone.dismissed, []string{"n1"}) {
		t.Errorf("dismissed %v, want the request of the abandoned push", f.phone.dismissed)
	}
}

// The folded phone line shows every account's code, newest first: after
// alice enrolled, bob's code is still there to type at 80x24.
func TestFoldedPhoneShowsEveryAccountsCode(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 80, height: 24})
	f.phone.devices = append(f.phone.devices, flow.PhoneDevice{ID: "dev_alice", UserID: "auth0|alice", Name: "Alice's phone"})
	f.send(flow.PhoneChangedMsg{})
	var line string
	for l := range strings.SplitSeq(f.screen(), "\n") {
		if strings.HasPrefix(l, " phone ·") {
			line = l
		}
	}
	if !strings.Contains(line, "Alice's phone 492 039 17s · Bob's phone 492 039") {
		t.Errorf("phone line %q", line)
	}
}
