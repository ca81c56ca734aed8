package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
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

// p at 80x24 hides the panel the phone folds from: its line says so in
// plain words, not "(phone hidden (p))" inside parentheses of its own.
func TestFoldedPhoneSaysThePanelIsHidden(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{
		i18n.English: "Bob's phone 492 039 17s · panel hidden: p shows it",
		i18n.French:  "Bob's phone 492 039 17 s · panneau masqué : p l’affiche",
	} {
		f := newFixture(t, fixtureOptions{width: 80, height: 24, lang: lang})
		f.key("p")
		if screen := f.screen(); !strings.Contains(screen, want) || strings.Contains(screen, "((") || strings.Contains(screen, "))") {
			t.Errorf("%s: the folded phone does not read %q:\n%s", lang, want, screen)
		}
	}
}

// At 80x24 the phone folds into a line; on a helpdesk's ticket, which
// stays on screen once scanned, that line says how the scan went instead
// of offering the scan again as if nothing had happened.
func TestFoldedPhoneSaysTheTicketWasScanned(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 80, height: 24})
	for _, sc := range helpdeskScenarios {
		if sc.name == "helpdesk_ticket" {
			sc.setup(f)
		}
	}
	if !strings.Contains(f.screen(), "phone · A QR code is on screen.") {
		t.Fatalf("not the ticket's QR code:\n%s", f.screen())
	}
	f.send(flow.PhoneScannedMsg{Device: flow.PhoneDevice{ID: "dev_new", Name: "Bob's phone"}})
	if screen := f.screen(); !strings.Contains(screen, "phone · Enrolled as Bob's phone.") {
		t.Errorf("the phone line does not say the scan worked:\n%s", screen)
	}
}
