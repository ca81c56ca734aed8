package ui

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
)

// An empty code field says what to type, in the user's language, and
// never shows a sample code that reads as one already typed.
func TestCodeFieldsHintWhatToType(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		auth auth0.Authenticator
		want string
	}{
		{i18n.English, fixtureAuthenticators[1], "6 digits"},
		{i18n.English, fixtureAuthenticators[2], "24 letters and digits"},
		{i18n.French, fixtureAuthenticators[1], "6 chiffres"},
		{i18n.French, fixtureAuthenticators[2], "24 lettres et chiffres"},
	} {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: c.lang})
		f.signedIn(JourneyChallenge, "bob@example.com")
		f.result(flow.AuthenticatorsMsg{Authenticators: []auth0.Authenticator{c.auth}})
		f.key("enter")
		screen := f.screen()
		if f.m.current.ID() != screenChallenge || !strings.Contains(screen, "> "+c.want) || strings.Contains(screen, "123456") || strings.Contains(screen, "XXXX") {
			t.Errorf("%s %s: screen %v:\n%s", c.lang, c.auth.ID, f.m.current.ID(), screen)
		}
	}
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	for _, factor := range []*flow.Factor{flow.OTP, flow.SMS, flow.Voice, flow.Email} {
		s := newEnrollCodeScreen(f.m.common, factor, "alice@example.com", &auth0.Association{}, "+15555550100")
		if view := stripANSI(s.View(100, 30)); !strings.Contains(view, "6 digits") || s.input.Value() != "" {
			t.Errorf("%s enrollment:\n%s", factor.ID, view)
		}
	}
}

// Every factor answered with a typed code has a hint that fits its field.
func TestEveryCodeRuleHasAHint(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		for _, f := range flow.Factors {
			if f.VerifyBy == flow.ByPolling {
				continue
			}
			hint := f.Code.Hint(i18n.For(lang))
			if hint == "" || strings.Contains(hint, "%") || len([]rune(hint)) > 30 || strings.Contains(hint, "0 ") {
				t.Errorf("%s %s: hint %q", lang, f.ID, hint)
			}
		}
	}
}
