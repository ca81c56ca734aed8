package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// An answer without a believable expires_in still signs in: the result
// says the expiry is unknown rather than leaving it out.
func TestResultSaysWhenTheExpiryIsUnknown(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	f.signedIn(JourneyChallenge, "bob@example.com")
	tokens := fixtureTokens()
	tokens.ExpiresIn = 0
	f.m.j.session.Earn(tokens, fixtureTime)
	f.m.j.showResult()
	if screen := f.screen(); !strings.Contains(screen, "Expires") || !strings.Contains(screen, "unknown") {
		t.Fatalf("the result does not say the expiry is unknown:\n%s", screen)
	}
}

// A token's expiry is said so that it cannot be misread: within the hour
// as a clock beside the time; further off in hours and minutes, with the
// day once the instant is not today (a time of day alone reads as
// today's). The fixture's clock is 09:00 UTC on 2026-03-01.
func TestResultSaysAFarExpiryWithItsDate(t *testing.T) {
	cases := []struct {
		lang      i18n.Lang
		expiresIn time.Duration
		want      string
	}{
		{i18n.English, 10 * time.Minute, "in 10:00 (at 09:10:00)"},
		{i18n.English, 2*time.Hour + 5*time.Minute, "in 2h 5m (at 11:05)"},
		{i18n.English, 15 * time.Hour, "in 15h (tomorrow at 00:00)"},
		{i18n.English, 24 * time.Hour, "in 1d (tomorrow at 09:00)"},
		{i18n.English, 40 * time.Hour, "in 1d 16h (on 2026-03-03 at 01:00)"},
		{i18n.French, 10 * time.Minute, "dans 10:00 (à 09:10:00)"},
		{i18n.French, 2*time.Hour + 5*time.Minute, "dans 2 h 5 min (à 11:05)"},
		{i18n.French, 24 * time.Hour, "dans 1 j (demain à 09:00)"},
		{i18n.French, 40 * time.Hour, "dans 1 j 16 h (le 2026-03-03 à 01:00)"},
	}
	for _, c := range cases {
		t.Run(string(c.lang)+"/"+c.expiresIn.String(), func(t *testing.T) {
			f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: c.lang})
			f.signedIn(JourneyChallenge, "bob@example.com")
			tokens := fixtureTokens()
			tokens.ExpiresIn = c.expiresIn
			f.m.j.session.Earn(tokens, fixtureTime)
			f.m.j.showResult()
			if screen := f.screen(); !strings.Contains(screen, c.want) {
				t.Fatalf("the expiry does not read %q:\n%s", c.want, screen)
			}
		})
	}
}
