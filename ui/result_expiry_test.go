package ui

import (
	"strings"
	"testing"
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
