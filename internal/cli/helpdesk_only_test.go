package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0/sandbox"
)

// A tenant configured with the domain and the helpdesk's application
// alone: the helpdesk's commands run against it, the MFA flows say what
// to set, and mfapush config calls it valid.
func TestHelpdeskOnlyConfigurationFromTheEnvironment(t *testing.T) {
	srv := sandboxFor(t, 0)
	env, _ := helpdeskEnv(t)
	env["AUTH0_DOMAIN"] = srv.URL
	env["AUTH0_HELPDESK_CLIENT_ID"], env["AUTH0_HELPDESK_CLIENT_SECRET"] = sandbox.HelpdeskClientID, sandbox.HelpdeskClientSecret

	stdout, stderr, status := runCLI(t, env, "user", "show", "bob@example.com", "--json")
	if r := reportOf(t, stdout); status != 0 || r.Error != nil || r.Helpdesk.User.Email != "bob@example.com" {
		t.Fatalf("user show: status %d %+v\n%s", status, r.Error, stderr)
	}
	if stdout, stderr, status = runCLI(t, env, "ticket", "alice@example.com"); status != 0 {
		t.Errorf("ticket: status %d\n%s\n%s", status, stdout, stderr)
	}

	for _, command := range []string{"enroll", "challenge", "authenticators"} {
		_, stderr, status = runCLI(t, env, command, "--username", "bob@example.com", "--password-stdin")
		if status == 0 || !strings.Contains(stderr, "AUTH0_CLIENT_ID") || !strings.Contains(stderr, "Only the helpdesk's application") {
			t.Errorf("%s: status %d\n%s", command, status, stderr)
		}
	}
	stdout, _, _ = runCLI(t, env, "enroll", "--json")
	if r := reportOf(t, stdout); r.Error == nil || !strings.Contains(r.Error.Title, "client_id") {
		t.Errorf("enroll --json: %+v", r.Error)
	}
	_, stderr, _ = runCLI(t, env, "challenge", "--plain", "--lang", "fr")
	if !strings.Contains(stderr, "Seule l’application de support") {
		t.Errorf("French:\n%s", stderr)
	}

	stdout, stderr, status = runCLI(t, env, "config")
	if status != 0 || !strings.Contains(stdout, "No problems found") || !strings.Contains(stdout, "Only the helpdesk's application is configured") ||
		!strings.Contains(stdout, "no MFA application") || strings.Contains(stdout, "Native") {
		t.Errorf("config: status %d\n%s\n%s", status, stdout, stderr)
	}
}

// The same from a profile: its secret in a file, and the MFA flows name
// the profile to add client_id to.
func TestHelpdeskOnlyConfigurationFromAProfile(t *testing.T) {
	srv := sandboxFor(t, 0)
	env, _ := helpdeskEnv(t)
	dir := filepath.Join(env["XDG_CONFIG_HOME"], "mfapush")
	if err := os.WriteFile(filepath.Join(dir, "hd.secret"), []byte(sandbox.HelpdeskClientSecret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	config := "[profiles.desk]\ndomain = \"" + srv.URL + "\"\nhelpdesk_client_id = \"" + sandbox.HelpdeskClientID + "\"\nhelpdesk_client_secret_file = \"hd.secret\"\n"
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, status := runCLI(t, env, "--profile", "desk", "user", "show", "bob@example.com", "--json")
	if r := reportOf(t, stdout); status != 0 || r.Error != nil {
		t.Fatalf("user show: status %d %+v\n%s", status, r.Error, stderr)
	}
	_, stderr, status = runCLI(t, env, "--profile", "desk", "enroll", "--plain")
	if status == 0 || !strings.Contains(stderr, `profile "desk"`) || strings.Contains(stderr, "half configured") {
		t.Errorf("enroll: status %d\n%s", status, stderr)
	}
}
