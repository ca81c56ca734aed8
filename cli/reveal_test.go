package cli

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/i18n"
)

func TestRevealNeedsAYesAgainstARealTenant(t *testing.T) {
	en := i18n.For(i18n.English)
	if err := confirmReveal(true, true, "127.0.0.1:8484", en, os.Stdin, &bytes.Buffer{}); err != nil {
		t.Errorf("the sandbox asked: %v", err)
	}
	if err := confirmReveal(false, false, "dev.auth0.com", en, os.Stdin, &bytes.Buffer{}); err != nil {
		t.Errorf("asked without --reveal-secrets: %v", err)
	}
	devNull, _ := os.Open(os.DevNull)
	defer devNull.Close()
	if err := confirmReveal(true, false, "dev.auth0.com", en, devNull, &bytes.Buffer{}); exitStatus(context.Background(), err) != 1 {
		t.Errorf("no terminal: %v", err)
	}
	var prompt bytes.Buffer
	if err := askReveal(strings.NewReader("yes\n"), &prompt, "dev.auth0.com", en); err != nil || !strings.Contains(prompt.String(), "dev.auth0.com") {
		t.Errorf("yes: %v; prompt %q", err, prompt.String())
	}
	if err := askReveal(strings.NewReader("\n"), &prompt, "dev.auth0.com", en); exitStatus(context.Background(), err) != 2 {
		t.Errorf("an empty answer revealed: %v", err)
	}
}

func TestFrenchHelpHasNoEnglishHeadings(t *testing.T) {
	var out bytes.Buffer
	w := helpWords(&out, i18n.For(i18n.French))
	w.Write([]byte("  USAGE  \n    mfapush enroll [--flags]\n  EXAMPLES\n  FLAGS\n"))
	for _, english := range []string{"USAGE", "EXAMPLES", "FLAGS", "--flags"} {
		if strings.Contains(out.String(), english) {
			t.Errorf("French help still says %q:\n%s", english, out.String())
		}
	}
	var en bytes.Buffer
	if w := helpWords(&en, i18n.For(i18n.English)); w != &en {
		t.Error("English help goes through a rewriting writer")
	}
	if !wantsHelp([]string{"enroll", "-h"}) || !wantsHelp([]string{"help", "enroll"}) || wantsHelp([]string{"enroll"}) {
		t.Error("wantsHelp")
	}
}
