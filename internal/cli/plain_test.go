package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/plain"
)

func TestPlainFlagsOnTheFlowCommands(t *testing.T) {
	root := newRootCommand(i18n.For(i18n.English))
	for use, want := range map[string][]string{
		"enroll":         {"password-stdin", "json", "show-tokens", "factor", "phone-number", "email", "code-stdin"},
		"challenge":      {"password-stdin", "json", "show-tokens", "authenticator", "otp-stdin", "recovery-code-stdin", "code-stdin"},
		"authenticators": {"password-stdin", "json"},
	} {
		cmd, _, err := root.Find([]string{use})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range want {
			if cmd.Flags().Lookup(name) == nil {
				t.Errorf("%s has no --%s", use, name)
			}
		}
		if use == "authenticators" && cmd.Flags().Lookup("show-tokens") != nil {
			t.Error("authenticators takes --show-tokens, but earns no tokens")
		}
		if plainOnlyFlagGiven(cmd) {
			t.Errorf("%s chooses the plain mode with no flag given", use)
		}
		for _, name := range want {
			fresh, _, _ := newRootCommand(i18n.For(i18n.English)).Find([]string{use})
			value := "true"
			switch name {
			case "authenticator":
				value = "push|dev_1"
			case "factor":
				value = "sms"
			case "phone-number":
				value = "+15555550100"
			case "email":
				value = "alice@example.com"
			}
			if err := fresh.Flags().Set(name, value); err != nil || !plainOnlyFlagGiven(fresh) {
				t.Errorf("%s --%s does not choose the plain mode (%v)", use, name, err)
			}
		}
	}
}

// TestRootCommandWithoutTerminal: the home screen has no plain form.
func TestRootCommandWithoutTerminal(t *testing.T) {
	env, _ := homeEnv(t)
	if _, stderr, status := runCLI(t, env); status != 1 || !strings.Contains(stderr, "with --plain") {
		t.Errorf("status %d, want 1\n%s", status, stderr)
	}
}

// TestJSONWhenTheRunCannotStart: --json prints its one document even when
// the settings stop the run before any request.
func TestJSONWhenTheRunCannotStart(t *testing.T) {
	env, _ := homeEnv(t)
	env["AUTH0_DOMAIN"] = "acme.auth0.com"
	stdout, stderr, status := runCLI(t, env, "challenge", "--json", "--username", "bob@example.com", "--password-stdin")
	var report plain.Report
	// Only the first document: without fang, cobra adds the usage after it.
	if err := json.NewDecoder(strings.NewReader(stdout)).Decode(&report); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if status != 1 || report.Outcome != plain.OutcomeError || report.Command != "challenge" || report.Error == nil || report.Error.Kind != "settings" {
		t.Errorf("status %d, report %+v, error %+v", status, report, report.Error)
	}
	if !strings.Contains(stderr, "client_id is missing") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// TestFactorFlagMistakes: a factor mfapush does not enroll, and
// --code-stdin beside another code on stdin, are mistakes on the command
// line (exit 1), said before anything runs.
func TestFactorFlagMistakes(t *testing.T) {
	env, _ := homeEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"enroll", "--factor", "fax"}, "--factor fax: mfapush enrolls push, otp, sms, voice or email"},
		{[]string{"enroll", "--factor", "recovery_code"}, "--factor recovery_code: mfapush enrolls"},
		{[]string{"challenge", "--code-stdin", "--otp-stdin"}, "--code-stdin and --otp-stdin cannot go together"},
	} {
		if _, stderr, status := runCLI(t, env, c.args...); status != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d\n%s", c.args, status, stderr)
		}
	}
}
