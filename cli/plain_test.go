package cli

import (
	"strings"
	"testing"
)

func TestPlainFlagsOnTheFlowCommands(t *testing.T) {
	root := newRootCommand()
	for use, want := range map[string][]string{
		"enroll":         {"password-stdin", "json", "show-tokens"},
		"challenge":      {"password-stdin", "json", "show-tokens", "authenticator", "otp-stdin"},
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
	}
}

// TestRootCommandWithoutTerminal: the home screen has no plain form.
func TestRootCommandWithoutTerminal(t *testing.T) {
	env, _ := homeEnv(t)
	if _, stderr, status := runCLI(t, env); status != 1 || !strings.Contains(stderr, "with --plain") {
		t.Errorf("status %d, want 1\n%s", status, stderr)
	}
}
