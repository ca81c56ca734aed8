package cli

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"charm.land/fang/v2"

	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/i18n/i18ntest"
)

// TestHelpInFrench reads --help of every command, drawn by fang as a user
// sees it (fang's own headings reworded as Main does), for English words.
func TestHelpInFrench(t *testing.T) {
	finder := i18ntest.NewFinder(i18n.French)
	t.Setenv("__FANG_TEST_WIDTH", "100")
	for _, args := range [][]string{
		{}, {"enroll"}, {"challenge"}, {"authenticators"}, {"sandbox"}, {"config"}, {"decode"}, {"version"},
		{"help"}, {"completion"}, {"completion", "bash"},
	} {
		args := append(args, "--help", "--lang", "fr")
		catalog := earlyCatalog(args, func(string) string { return "" })
		root := newRootCommand(catalog)
		root.SetArgs(args)
		var out bytes.Buffer
		root.SetOut(helpWords(&out, catalog))
		root.SetErr(&out)
		if err := fang.Execute(context.Background(), root); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		if english := finder.EnglishOn(out.String()); len(english) > 0 {
			t.Errorf("%q: English in the French help: %q\n%s", args, english, out.String())
		}
	}
}

// TestConfigInFrench reads mfapush config's report of bad settings in
// French for English words.
func TestConfigInFrench(t *testing.T) {
	finder := i18ntest.NewFinder(i18n.French)
	env, path := homeEnv(t)
	if err := os.WriteFile(path, []byte("[profiles.p]\nclient_secret = \""+cliSecret+"\"\nclientId = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	env["MFAPUSH_LANG"] = "fr"
	env["AUTH0_DOMAIN"] = "http://acme.auth0.com"
	env["AUTH0_CLIENT_ID"] = "YOUR_CLIENT_ID"
	out, stderr, status := runCLI(t, env, "config", "--poll-interval", "5", "--client-secret", cliSecret, "--theme", "pink")
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	data := []string{path, "http://acme.auth0.com", "acme.auth0.com", "YOUR_CLIENT_ID", "clientId", "pink", "auto, light", "dark"}
	if english := finder.EnglishOn(out+stderr, data...); len(english) > 0 {
		t.Errorf("English in the French report: %q\n%s\n%s", english, out, stderr)
	}
}

// TestCompletionRefusesArgumentsInFrench: cobra's own completion commands
// refuse an extra argument in the user's language too.
func TestCompletionRefusesArgumentsInFrench(t *testing.T) {
	env, _ := homeEnv(t)
	if _, stderr, status := runCLI(t, env, "completion", "bash", "extra", "--lang", "fr"); status != 1 || !strings.Contains(stderr, "Commande inconnue « extra »") {
		t.Errorf("status %d\n%s", status, stderr)
	}
}
