package ui

import (
	"strings"
	"testing"
	"time"
)

// The result screen scrolls when its lines do not fit.
func TestResultScrolls(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 80, height: 24})
	f.signedIn(JourneyChallenge, "bob@example.com")
	f.m.j.session.Earn(fixtureTokens(), fixtureTime)
	f.m.j.showResult()
	f.clock.Advance(90 * time.Second)
	top := f.screen()
	if !strings.Contains(top, "Signed in with MFA") || strings.Contains(top, "Access token, decoded") {
		t.Fatalf("the top of the result:\n%s", top)
	}
	for range 40 {
		f.key("j")
	}
	bottom := f.screen()
	if strings.Contains(bottom, "Signed in with MFA") || !strings.Contains(bottom, "Access token, decoded") {
		t.Fatalf("the bottom of the result:\n%s", bottom)
	}
	for range 3 {
		f.key("k")
	}
	if up := f.screen(); up == bottom {
		t.Fatal("k did not scroll back up")
	}
}
