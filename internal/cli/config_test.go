package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
)

const cliSecret = "Qm7-cli-s3cr3t-never-printed-9f3c"

// runCLI runs mfapush with args in an environment of its own: HOME and
// XDG_CONFIG_HOME in a temporary directory, no Auth0 or mfapush variables.
func runCLI(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	for _, name := range []string{"AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET", "AUTH0_AUDIENCE", "AUTH0_REALM",
		"MFAPUSH_PROFILE", "MFAPUSH_POLL_INTERVAL", "MFAPUSH_THEME", "MFAPUSH_LANG", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(name, "")
	}
	t.Setenv("LANG", "C")
	for name, value := range env {
		t.Setenv(name, value)
	}
	catalog := earlyCatalog(args, os.Getenv)
	root := newRootCommand(catalog)
	root.SilenceUsage, root.SilenceErrors = true, true // as fang runs it
	root.SetArgs(args)
	root.SetIn(strings.NewReader("")) // no terminal to ask on
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	reportError(&errOut, err, catalog)
	return out.String(), errOut.String(), exitStatus(context.Background(), err)
}

// homeEnv makes a home directory and returns its environment and config path.
func homeEnv(t *testing.T) (map[string]string, string) {
	home := t.TempDir()
	xdg := filepath.Join(home, ".config")
	if err := os.MkdirAll(filepath.Join(xdg, "mfapush"), 0o700); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"HOME": home, "XDG_CONFIG_HOME": xdg}, filepath.Join(xdg, "mfapush", "config.toml")
}

func TestConfigCommandShowsSettingsAndHidesSecrets(t *testing.T) {
	env, path := homeEnv(t)
	file := `default_profile = "helpdesk-eu"

[profiles.helpdesk-eu]
domain = "acme-eu.eu.auth0.com"
client_id = "AbC123"
client_secret = "` + cliSecret + `"
realm = "Username-Password-Authentication"
lang = "fr"

[profiles.staging]
domain = "acme-staging.eu.auth0.com"
client_id = "Stg456"
`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, status := runCLI(t, env, "config")
	if status != 0 {
		t.Errorf("status %d, want 0\n%s", status, out)
	}
	for _, want := range []string{
		"Fichier de configuration", path + " (profil helpdesk-eu)", // the profile speaks French
		"helpdesk-eu, staging",
		"acme-eu.eu.auth0.com", "profil helpdesk-eu",
		"••••••••" + cliSecret[len(cliSecret)-4:],
		"Langue", "fr",
		"Aucun problème",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, cliSecret[:10]) {
		t.Errorf("output shows the client secret:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("output to a non-terminal carries escape sequences:\n%q", out)
	}
}

func TestConfigCommandReportsProblems(t *testing.T) {
	env, path := homeEnv(t)
	if err := os.WriteFile(path, []byte("[profiles.p]\nclient_secret = \""+cliSecret+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	env["AUTH0_DOMAIN"] = "acme.auth0.com"
	env["AUTH0_CLIENT_ID"] = "YOUR_CLIENT_ID"
	out, stderr, status := runCLI(t, env, "config", "--poll-interval", "5", "--client-secret", cliSecret)
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	for _, want := range []string{
		"Problems",
		`✗ client_id (env AUTH0_CLIENT_ID): "YOUR_CLIENT_ID" is a placeholder: set AUTH0_CLIENT_ID to`,
		"chmod 600 " + path,
		`✗ poll_interval (flag --poll-interval): "5" has no unit`,
		"Warnings", "shell history",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+stderr, cliSecret[:10]) {
		t.Errorf("output shows the client secret:\n%s\n%s", out, stderr)
	}
}

func TestConfigCommandOnTheSandbox(t *testing.T) {
	env, _ := homeEnv(t)
	out, _, status := runCLI(t, env, "config")
	if status != 0 || !strings.Contains(out, "built-in sandbox") || !strings.Contains(out, "(not found)") {
		t.Errorf("status %d\n%s", status, out)
	}
}

func TestConfigCommandPartialTenant(t *testing.T) {
	env, _ := homeEnv(t)
	env["AUTH0_DOMAIN"] = "acme.auth0.com"
	out, _, status := runCLI(t, env, "config")
	if status != 1 || !strings.Contains(out, "client_id is missing: set AUTH0_CLIENT_ID, pass --client-id") {
		t.Errorf("status %d\n%s", status, out)
	}
}

// TestSettingFlagsAreGiven: the setting flags given to a command, the
// persistent --lang among them, are the ones the settings are loaded with.
func TestSettingFlagsAreGiven(t *testing.T) {
	enroll, _, err := newRootCommand(i18n.For(i18n.English)).Find([]string{"enroll"})
	if err != nil {
		t.Fatal(err)
	}
	if err := enroll.ParseFlags([]string{"--plain", "--domain", "x.auth0.com", "--lang", "fr"}); err != nil {
		t.Fatal(err)
	}
	given := givenSettingFlags(enroll.Flags())
	if len(given) != 3 || given["plain"] != "true" || given["domain"] != "x.auth0.com" || given["lang"] != "fr" {
		t.Errorf("given = %v", given)
	}
}

// TestConfigRevealAsksFirstAgainstARealTenant: --reveal-secrets shows a real
// tenant's client secret only after a yes typed in a terminal, as the other
// commands do; with no terminal to ask on, nothing is shown.
func TestConfigRevealAsksFirstAgainstARealTenant(t *testing.T) {
	env, _ := homeEnv(t)
	env["AUTH0_DOMAIN"], env["AUTH0_CLIENT_ID"], env["AUTH0_CLIENT_SECRET"] = "acme.eu.auth0.com", "AbC123", cliSecret
	out, stderr, status := runCLI(t, env, "config", "--reveal-secrets")
	if status != 1 || strings.Contains(out+stderr, cliSecret) || !strings.Contains(stderr+out, "needs a yes typed in a terminal") {
		t.Errorf("status %d, want 1 and no secret\n%s\n%s", status, out, stderr)
	}
	// The sandbox's secrets are demo values: no question there.
	env, _ = homeEnv(t)
	if out, stderr, status := runCLI(t, env, "config", "--reveal-secrets"); status != 0 {
		t.Errorf("the sandbox: status %d\n%s\n%s", status, out, stderr)
	}
}
