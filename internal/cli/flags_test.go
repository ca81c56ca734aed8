package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/internal/i18n"
)

// TestEachCommandTakesTheFlagsThatApplyToIt: the settings of a tenant are
// flags of the commands that talk to one (and of config, which shows
// them); --lang is everywhere. sandbox, decode and version take no flag
// they would ignore, and their help lists none.
func TestEachCommandTakesTheFlagsThatApplyToIt(t *testing.T) {
	var tenant []string
	for _, o := range config.Options() {
		if o.Flag() != "lang" {
			tenant = append(tenant, o.Flag())
		}
	}
	root := newRootCommand(i18n.For(i18n.English))
	for _, path := range []string{"", "enroll", "challenge", "authenticators", "config", "sandbox", "decode", "version"} {
		cmd, _, err := root.Find(strings.Fields(path))
		if err != nil {
			t.Fatal(err)
		}
		takesTenant := path != "sandbox" && path != "decode" && path != "version"
		for _, name := range tenant {
			if takes(cmd, name) != takesTenant {
				t.Errorf("%q takes --%s: %v", path, name, takes(cmd, name))
			}
		}
		if !takes(cmd, "lang") {
			t.Errorf("%q does not take --lang", path)
		}
	}
	var out bytes.Buffer
	help := newRootCommand(i18n.For(i18n.English))
	help.SetArgs([]string{"sandbox", "--help"})
	help.SetOut(&out)
	if err := execute(context.Background(), help, i18n.For(i18n.English)); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"--username", "--invert-qr", "--theme", "--domain", "--plain"} {
		if strings.Contains(out.String(), flag) {
			t.Errorf("sandbox --help lists %s:\n%s", flag, out.String())
		}
	}
	if !strings.Contains(out.String(), "--lang") || !strings.Contains(out.String(), "--auto-approve") {
		t.Errorf("sandbox --help:\n%s", out.String())
	}
}

func takes(cmd *cobra.Command, name string) bool {
	return cmd.LocalFlags().Lookup(name) != nil || cmd.InheritedFlags().Lookup(name) != nil
}

// TestSettingFlagsGoBeforeOrAfterTheCommand: a setting flag may come
// before the command's name, as in the README's "mfapush --profile
// helpdesk-eu enroll"; a flag the command does not take is refused.
func TestSettingFlagsGoBeforeOrAfterTheCommand(t *testing.T) {
	env, _ := homeEnv(t)
	for _, args := range [][]string{
		{"--plain", "config"}, {"config", "--plain"}, {"--lang", "fr", "config"}, {"--poll-interval", "5s", "config"},
	} {
		if out, stderr, status := runCLI(t, env, args...); status != 0 {
			t.Errorf("%q: status %d\n%s\n%s", args, status, out, stderr)
		}
	}
	for _, args := range [][]string{{"sandbox", "--username", "bob@example.com", "--addr", "nowhere"}, {"--theme", "dark", "decode"}, {"version", "--plain"}} {
		if _, stderr, status := runCLI(t, env, args...); status != 1 || !strings.Contains(stderr, "Unknown flag: --") {
			t.Errorf("%q: status %d\n%s", args, status, stderr)
		}
	}
}

// TestVersionHasOneForm: the version command and the --version flag say
// the same thing.
func TestVersionHasOneForm(t *testing.T) {
	var lines []string
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		var out bytes.Buffer
		root := newRootCommand(i18n.For(i18n.English))
		root.SetArgs(args)
		root.SetOut(&out)
		if err := execute(context.Background(), root, i18n.For(i18n.English)); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		lines = append(lines, out.String())
	}
	want := "mfapush " + Version() + "\n"
	for i, l := range lines {
		if l != want {
			t.Errorf("form %d: %q, want %q", i, l, want)
		}
	}
}

// TestAuthenticatorFlagSaysEveryFactor: challenge --authenticator answers
// with any factor mfapush verifies, not only a push; its help says so.
func TestAuthenticatorFlagSaysEveryFactor(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		root := newRootCommand(i18n.For(lang))
		cmd, _, err := root.Find([]string{"challenge"})
		if err != nil {
			t.Fatal(err)
		}
		if usage := cmd.Flags().Lookup("authenticator").Usage; !strings.Contains(usage, "SMS") {
			t.Errorf("%s: --authenticator: %q", lang, usage)
		}
	}
}
