package plain_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/i18n/i18ntest"
	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/internal/sandboxphone"
)

// goDuration is a duration as time.Duration prints it: 5m0s, 1h2m3s;
// only after a space or a bracket: a token printed in full may hold such
// letters.
var goDuration = regexp.MustCompile(`(^|[\s(])(\d+h\d+m|\d+m\d+(\.\d+)?s)\b`)

// TestFrenchRunsShowNoEnglish runs an enrollment and a challenge in French,
// the sandbox's phone answering, and looks for English in all they print.
func TestFrenchRunsShowNoEnglish(t *testing.T) {
	finder := i18ntest.NewFinder(i18n.French)
	for _, c := range []struct {
		flow plain.Command
		user string
	}{
		{plain.CommandEnroll, "alice@example.com"},
		{plain.CommandChallenge, "bob@example.com"},
	} {
		w := newWorld(t, nil)
		cfg := w.config(c.flow, c.user, strings.TrimSuffix(c.user, "@example.com")+"-password\n")
		cfg.Catalog = i18n.For(i18n.French)
		cfg.ShowTokens = true
		cfg.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone), Delay: 0}
		out, errOut, status := runToEnd(t, cfg)
		if status != plain.ExitOK {
			t.Fatalf("%s: exit %d\n%s\n%s", c.flow, status, out, errOut)
		}
		// The sandbox names bob's phone in English unless told otherwise; the scopes are the protocol's.
		if english := finder.EnglishOn(out+errOut, "Bob's phone", "openid profile email"); len(english) > 0 {
			t.Errorf("%s: English in the French output: %q\n%s\n%s", c.flow, english, out, errOut)
		}
		if d := goDuration.FindString(out + errOut); d != "" {
			t.Errorf("%s: a duration as Go prints it, %q, in the French output:\n%s\n%s", c.flow, d, out, errOut)
		}
	}
}

// TestFrenchUserShowShowsNoEnglish: the helpdesk's user card in French,
// its headings punctuated the French way and the enrollment's status in
// French, not the Management API's word.
func TestFrenchUserShowShowsNoEnglish(t *testing.T) {
	_, cfg, _ := helpdeskConfig(t, plain.CommandUserShow, "bob@example.com", false)
	cfg.Catalog = i18n.For(i18n.French)
	out, errOut, status := runToEnd(t, cfg)
	if status != plain.ExitOK {
		t.Fatalf("exit %d\n%s\n%s", status, out, errOut)
	}
	finder := i18ntest.NewFinder(i18n.French)
	if english := finder.EnglishOn(out+errOut, "Bob's phone", "Username-Password-Authentication", "recovery-code"); len(english) > 0 {
		t.Errorf("English in the French output: %q\n%s", english, errOut)
	}
	for _, want := range []string{"Méthodes d’authentification :", "Inscriptions Guardian :", "confirmée  pn"} {
		if !strings.Contains(out+errOut, want) {
			t.Errorf("no %q in:\n%s", want, out+errOut)
		}
	}
}

// TestFrenchElidesBeforeAName: "Recherche d’alice@example.com…", not
// "Recherche de alice…"; bob's name keeps its "de".
func TestFrenchElidesBeforeAName(t *testing.T) {
	for email, want := range map[string]string{"alice@example.com": "Recherche d’alice@example.com…", "bob@example.com": "Recherche de bob@example.com…"} {
		_, cfg, _ := helpdeskConfig(t, plain.CommandUserShow, email, false)
		cfg.Catalog = i18n.For(i18n.French)
		out, errOut, _ := runToEnd(t, cfg)
		if !strings.Contains(out+errOut, want) {
			t.Errorf("no %q in:\n%s", want, out+errOut)
		}
	}
}
