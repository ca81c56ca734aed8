package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
)

func TestRevealNeedsAYesAgainstARealTenant(t *testing.T) {
	en, ctx := i18n.For(i18n.English), context.Background()
	if err := confirmReveal(ctx, true, true, "127.0.0.1:8484", en, os.Stdin, &bytes.Buffer{}); err != nil {
		t.Errorf("the sandbox asked: %v", err)
	}
	if err := confirmReveal(ctx, false, false, "dev.auth0.com", en, os.Stdin, &bytes.Buffer{}); err != nil {
		t.Errorf("asked without --reveal-secrets: %v", err)
	}
	devNull, _ := os.Open(os.DevNull)
	defer devNull.Close()
	for _, in := range []io.Reader{devNull, strings.NewReader("yes\n")} {
		if err := confirmReveal(ctx, true, false, "dev.auth0.com", en, in, &bytes.Buffer{}); exitStatus(ctx, err) != 1 {
			t.Errorf("no terminal: %v", err)
		}
	}
	for answer, want := range map[string]int{"yes": 0, "YES ": 0, "": 2, "no": 2, "y": 2} {
		tty := &answering{lines: []string{answer}}
		if err := askReveal(ctx, tty, "dev.auth0.com", en); exitStatus(ctx, err) != want || !strings.Contains(tty.prompts, "dev.auth0.com") {
			t.Errorf("%q: %v, want status %d; prompt %q", answer, err, want, tty.prompts)
		}
	}
	if err := askReveal(ctx, &answering{}, "dev.auth0.com", en); exitStatus(ctx, err) != 2 {
		t.Errorf("end of input: %v", err)
	}
}

// answering is a terminal that answers each question with the next line,
// then with the end of the input.
type answering struct {
	lines   []string
	prompts string
}

func (a *answering) ReadLine(_ context.Context, prompt string) (string, error) {
	a.prompts += prompt
	if len(a.lines) == 0 {
		return "", io.EOF
	}
	line := a.lines[0]
	a.lines = a.lines[1:]
	return line, nil
}

func (a *answering) ReadPassword(ctx context.Context, prompt string) (string, error) {
	return a.ReadLine(ctx, prompt)
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
