package plain_test

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
)

// bobsRecoveryCode is bob's current recovery code on the world's sandbox.
func bobsRecoveryCode(t *testing.T, w *world) string {
	t.Helper()
	for _, u := range w.srv.Tenant.Users() {
		if u.Email == "bob@example.com" {
			return u.RecoveryCode
		}
	}
	t.Fatal("no bob on the sandbox")
	return ""
}

// TestChallengeWithARecoveryCode: --recovery-code-stdin answers MFA with
// the code on the line after the password, typed any way (lower case,
// spaces), instead of a push; the new code the answer carries is printed
// once for the person, never in the JSON, and the used one nowhere.
func TestChallengeWithARecoveryCode(t *testing.T) {
	w := newWorld(t, nil)
	used := bobsRecoveryCode(t, w)
	typed := strings.ToLower(used[:4] + " " + used[4:])
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"+typed+"\n")
	cfg.RecoveryCodeStdin = true
	report, stdout, stderr, status := runJSON(t, cfg)
	if status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, stderr)
	}
	fresh := bobsRecoveryCode(t, w)
	if fresh == used {
		t.Fatal("the sandbox did not replace the code")
	}
	if !strings.Contains(stderr, "Your new recovery code: "+fresh) || !strings.Contains(stderr, "no longer works") || strings.Contains(stderr, used) {
		t.Errorf("the human output:\n%s", stderr)
	}
	if c := report.Challenge; c == nil || c.Method != "recovery_code" || c.RecoveryCodes != 1 || report.Outcome != plain.OutcomeApproved || report.Tokens == nil {
		t.Errorf("report %+v, challenge %+v", report, report.Challenge)
	}
	if strings.Contains(stdout, fresh) || strings.Contains(stdout, used) {
		t.Errorf("a recovery code in the JSON:\n%s", stdout)
	}
	if notes := w.srv.Phone.Notifications(); len(notes) != 0 {
		t.Errorf("a push was sent too: %v", notes)
	}
	w.secrets.check(t, "the JSON", stdout)
	w.secrets.check(t, "the human output", strings.ReplaceAll(stderr, fresh, ""))
}

// TestRecoveryCodeStdinRefusals: a wrong code is the tenant's answer (1,
// invalid_code); an empty line is refused before any request.
func TestRecoveryCodeStdinRefusals(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\nNOTACODE\n")
	cfg.RecoveryCodeStdin = true
	report, _, stderr, status := runJSON(t, cfg)
	if status != plain.ExitError || report.Error == nil || report.Error.Kind != "invalid_code" {
		t.Errorf("a wrong code: exit %d, error %+v\n%s", status, report.Error, stderr)
	}
	for _, stdin := range []string{"bob-password\n\n", "bob-password\n"} {
		cfg := w.config(plain.CommandChallenge, "bob@example.com", stdin)
		cfg.RecoveryCodeStdin = true
		report, _, stderr, status := runJSON(t, cfg)
		if status != plain.ExitError || report.Error == nil || report.Error.Kind != "input" || !strings.Contains(stderr, "--recovery-code-stdin") {
			t.Errorf("%q: exit %d, error %+v\n%s", stdin, status, report.Error, stderr)
		}
	}
}
