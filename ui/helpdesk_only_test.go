package ui

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/audit"
	"github.com/mfapush/mfapush/internal/i18n"
)

// helpdeskOnly sets the fixture up as a tenant with the helpdesk's
// application alone: no MFA client, the console's own.
func helpdeskOnly(f *fixture) {
	h := flow.Helpdesk{Env: f.m.env, Audit: audit.At("/home/agent/.local/share/mfapush/helpdesk-audit.jsonl", f.clock)}
	f.m.opts.Helpdesk, f.m.opts.NoMFAApp = &h, true
	f.m.env.Client = nil
}

// With the helpdesk's application alone, the home screen's sign-in
// journeys say what to set, and choosing one explains it instead of
// starting; the console opens.
func TestHomeWithTheHelpdeskApplicationOnly(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34, realTenant: true})
	helpdeskOnly(f)
	screen := f.screen()
	if strings.Count(screen, "Needs the MFA application") != 3 || !strings.Contains(screen, "dev-abc123.us.auth0.com") {
		t.Fatalf("home:\n%s", screen)
	}
	for _, entry := range []string{"1", "2", "3"} {
		f.key(entry)
		screen = f.screen()
		if f.m.current.ID() != screenProblem || !strings.Contains(screen, "No MFA application is configured") || !strings.Contains(screen, "AUTH0_CLIENT_ID") {
			t.Fatalf("entry %s: screen %v:\n%s", entry, f.m.current.ID(), screen)
		}
		f.key("enter")
		if f.m.current.ID() != screenHome {
			t.Fatalf("enter after entry %s led to %v", entry, f.m.current.ID())
		}
	}
	f.key("4")
	if f.m.current.ID() != screenHelpdeskFind {
		t.Errorf("4 led to %v:\n%s", f.m.current.ID(), f.screen())
	}
}

func TestHomeWithTheHelpdeskApplicationOnlyInFrench(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34, realTenant: true, lang: i18n.French})
	helpdeskOnly(f)
	if screen := f.screen(); strings.Count(screen, "Demande l’application MFA") != 3 {
		t.Fatalf("home:\n%s", screen)
	}
	f.key("1")
	if screen := f.screen(); !strings.Contains(screen, "Aucune application MFA") {
		t.Errorf("entry 1:\n%s", screen)
	}
}
