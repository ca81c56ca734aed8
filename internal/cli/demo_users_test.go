package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/internal/clock"
	"github.com/mfapush/mfapush/internal/i18n"
)

// noteOf is a demo user's note on the home screen, as drawn now.
func noteOf(t *testing.T, tn *tenant, c *i18n.Catalog, masked bool, email string) string {
	t.Helper()
	for _, u := range demoUsers(tn, c, masked) {
		if u.Email == email {
			return u.Note
		}
	}
	t.Fatalf("no demo user %s", email)
	return ""
}

// The home screen's notes say the factors each demo user has now: a
// helpdesk's deletions and a new recovery code show at the next drawing.
func TestDemoUserNotesFollowTheirFactors(t *testing.T) {
	tn, err := openTenant(config.Settings{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tn.Close)
	en, fr := i18n.For(i18n.English), i18n.For(i18n.French)
	bob := tn.sandbox.Tenant.Users()[1]
	if bob.Email != "bob@example.com" {
		t.Fatalf("second demo user: %s", bob.Email)
	}
	if got, want := noteOf(t, tn, en, false, bob.Email), "enrolled: push, OTP and recovery code "+bob.RecoveryCode; got != want {
		t.Errorf("bob: %q, want %q", got, want)
	}
	if got, want := noteOf(t, tn, fr, false, bob.Email), "inscrit : Push, OTP et code de récupération "+bob.RecoveryCode; got != want {
		t.Errorf("bob in French: %q, want %q", got, want)
	}
	if got := noteOf(t, tn, en, true, bob.Email); strings.Contains(got, bob.RecoveryCode) || !strings.Contains(got, "recovery code ••••") {
		t.Errorf("presenter mode shows %q", got)
	}
	if got := noteOf(t, tn, en, false, "alice@example.com"); got != en.Home.DemoNotEnrolled {
		t.Errorf("alice: %q", got)
	}

	helpdesk, err := auth0.New(auth0.Config{Domain: tn.sandbox.URL, ClientID: sandbox.HelpdeskClientID,
		ClientSecret: sandbox.HelpdeskClientSecret, HTTPClient: tn.sandbox.Client()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(helpdesk.CloseIdleConnections)
	m := management.New(helpdesk, clock.Real)
	ctx := context.Background()
	methods, err := m.AuthenticationMethods(ctx, bob.UserID)
	if err != nil {
		t.Fatal(err)
	}
	for _, method := range methods {
		if method.Type == "push" {
			if err := m.DeleteAuthenticationMethod(ctx, bob.UserID, method.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, want := noteOf(t, tn, en, false, bob.Email), "enrolled: recovery code "+bob.RecoveryCode; got != want {
		t.Errorf("bob without his push: %q, want %q", got, want)
	}
	code, err := m.RegenerateRecoveryCode(ctx, bob.UserID)
	if err != nil {
		t.Fatal(err)
	}
	if got := noteOf(t, tn, en, false, bob.Email); !strings.HasSuffix(got, " "+code) {
		t.Errorf("bob's new recovery code %s: %q", code, got)
	}
}

// The helpdesk's search lists every user of the built-in sandbox, carol
// (two accounts, one email) too, as the sandbox has them.
func TestSandboxEmailsAreTheSandboxsUsers(t *testing.T) {
	tn, err := openTenant(config.Settings{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tn.Close)
	got := strings.Join(sandboxEmails(tn), ", ")
	if want := "alice@example.com, bob@example.com, carol@example.com"; got != want {
		t.Errorf("sandbox emails %q, want %q", got, want)
	}
}

// The README says the built-in sandbox's ids and codes are new at every
// run, so that an id copied from an earlier run is not expected to work:
// two sandboxes share no user id and no recovery code.
func TestSandboxIDsAreNewEachRun(t *testing.T) {
	if !strings.Contains(strings.Join(strings.Fields(readmeSection(t, "## Use it")), " "), "The built-in sandbox starts afresh at every run") {
		t.Error("the README does not say the sandbox's ids change at every run")
	}
	seen := map[string]bool{}
	for range 2 {
		tn, err := openTenant(config.Settings{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(tn.Close)
		for _, u := range tn.sandbox.Tenant.Directory() {
			for _, id := range []string{u.UserID, u.RecoveryCode} {
				if id != "" && seen[id] {
					t.Errorf("%s has %q again in a second sandbox", u.Email, id)
				}
				seen[id] = true
			}
		}
	}
}
