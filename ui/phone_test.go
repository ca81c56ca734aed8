package ui

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"
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
