package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/audit"
	"github.com/mfapush/mfapush/internal/plain"
)

// helpdeskEnv is a home of its own (the audit log goes under it) and the
// built-in sandbox.
func helpdeskEnv(t *testing.T) (map[string]string, string) {
	env, _ := homeEnv(t)
	env["XDG_DATA_HOME"] = filepath.Join(env["HOME"], "data")
	return env, filepath.Join(env["XDG_DATA_HOME"], "mfapush", audit.FileName)
}

func reportOf(t *testing.T, stdout string) plain.Report {
	t.Helper()
	var r plain.Report
	if err := json.NewDecoder(strings.NewReader(stdout)).Decode(&r); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	return r
}

// Each helpdesk command on the built-in sandbox, its exit status and its
// JSON, then the audit log they left.
func TestHelpdeskCommandsOnTheSandbox(t *testing.T) {
	env, log := helpdeskEnv(t)
	stdout, stderr, status := runCLI(t, env, "user", "show", "carol@example.com", "--json")
	if r := reportOf(t, stdout); status != 1 || r.Error == nil || r.Error.Kind != "several_users" || len(r.Helpdesk.Users) != 2 {
		t.Fatalf("carol: status %d %+v\n%s", status, r.Error, stderr)
	}
	stdout, stderr, status = runCLI(t, env, "user", "show", "carol@example.com", "--connection", "google-oauth2", "--json")
	if r := reportOf(t, stdout); status != 0 || r.Helpdesk.User.Connection != "google-oauth2" {
		t.Fatalf("carol in google-oauth2: status %d\n%s", status, stderr)
	}
	stdout, stderr, status = runCLI(t, env, "verify", "bob@example.com", "--message", "Helpdesk-4821", "--json")
	if r := reportOf(t, stdout); status != 0 || r.Outcome != plain.OutcomeApproved || r.Helpdesk.Verification.BindingMessage != "Helpdesk-4821" {
		t.Fatalf("verify: status %d\n%s", status, stderr)
	}
	stdout, stderr, status = runCLI(t, env, "ticket", "alice@example.com", "--send-mail", "--locale", "fr", "--json")
	if r := reportOf(t, stdout); status != 0 || r.Helpdesk.Ticket == nil || !r.Helpdesk.Ticket.Mailed || !strings.Contains(r.Helpdesk.Ticket.URL, "ticket=") {
		t.Fatalf("ticket: status %d\n%s\n%s", status, stdout, stderr)
	}
	if _, stderr, status = runCLI(t, env, "reset", "bob@example.com", "--all"); status != 1 || !strings.Contains(stderr, "--yes") {
		t.Fatalf("reset without --yes: status %d\n%s", status, stderr)
	}
	if stdout, stderr, status = runCLI(t, env, "reset", "bob@example.com", "--all", "--yes"); status != 0 || !strings.Contains(stdout, "Deleted every authentication method") {
		t.Fatalf("reset: status %d\n%s\n%s", status, stdout, stderr)
	}
	if stdout, stderr, status = runCLI(t, env, "recovery-code", "bob@example.com"); status != 0 || !strings.Contains(stdout, "  Recovery code: ") {
		t.Fatalf("recovery code: status %d\n%s\n%s", status, stdout, stderr)
	}
	if _, stderr, status = runCLI(t, env, "verify"); status != 1 || !strings.Contains(stderr, "the user's email") {
		t.Errorf("no email: status %d\n%s", status, stderr)
	}

	info, err := os.Stat(log)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("audit log: %v %v", info, err)
	}
	stdout, _, status = runCLI(t, env, "helpdesk", "log")
	for _, want := range []string{"verify", "create_ticket", "reset_all", "recovery_code", "view_user"} {
		if status != 0 || !strings.Contains(stdout, want) {
			t.Errorf("the log lacks %s (status %d):\n%s", want, status, stdout)
		}
	}
	stdout, _, _ = runCLI(t, env, "helpdesk", "log", "--json")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	var last audit.Entry
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil || last.Action != audit.ActionRecoveryCode {
		t.Errorf("JSON lines: %v %+v", err, last)
	}
}

// A tenant without a helpdesk application says what to configure.
func TestHelpdeskNeedsItsApplication(t *testing.T) {
	env, _ := helpdeskEnv(t)
	env["AUTH0_DOMAIN"], env["AUTH0_CLIENT_ID"] = "acme.auth0.com", "AbC123"
	stdout, stderr, status := runCLI(t, env, "user", "show", "bob@example.com", "--json")
	if r := reportOf(t, stdout); status != 1 || r.Error == nil || !strings.Contains(stderr, "AUTH0_HELPDESK_CLIENT_ID") {
		t.Errorf("status %d %+v\n%s", status, r.Error, stderr)
	}
}

// TestHelpdeskCommandWithoutEmailSaysHow: a helpdesk command without its
// email fails with exit 1 and one line that shows how to type it. fang
// title-cases the first word and adds the period, so the message must not
// start with the program's name nor end with a period of its own.
func TestHelpdeskCommandWithoutEmailSaysHow(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "Give the user's email: mfapush recovery-code EMAIL."},
		{"fr", "Donnez l’e-mail de l’utilisateur : mfapush recovery-code EMAIL."},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCLIHelperProcess$", "--", "recovery-code", "--lang", c.lang)
		cmd.Env = append(os.Environ(), "MFAPUSH_CLI_HELPER=1")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		if statusOf(err) != 1 || !strings.Contains(stderr.String(), c.want) || strings.Contains(stderr.String(), "..") {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", c.lang, statusOf(err), stderr.String(), c.want)
		}
	}
}
