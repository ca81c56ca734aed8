package ui

import (
	"strings"
	"testing"
)

// TestResultSaysWhyAnOpaqueTokenCannotBeDecoded: Auth0 issues an opaque
// access token when no API audience is asked; the result says so instead
// of leaving the developer to wonder why the token does not decode.
func TestResultSaysWhyAnOpaqueTokenCannotBeDecoded(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	f.signedIn(JourneyChallenge, "bob@example.com")
	tokens := fixtureTokens()
	tokens.AccessToken = "jpjRGo6JKMeM2NueoFFspoACAhTS6I2T"
	f.m.j.session.Earn(tokens, fixtureTime)
	f.m.j.showResult()
	if screen := strings.Join(strings.Fields(f.screen()), " "); !strings.Contains(screen, strings.Join(strings.Fields(f.m.t.Result.OpaqueWhy), " ")) {
		t.Errorf("the result does not say why the access token cannot be decoded:\n%s", f.screen())
	}
}
