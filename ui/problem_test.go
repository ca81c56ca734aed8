package ui

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/trace"
)

// A blocked account says how to lift the block where the user is: with
// Auth0's email or an administrator, or by restarting the sandbox.
func TestBlockedAccountSaysHowToUnblockIt(t *testing.T) {
	blocked := &auth0.Error{Op: "POST /oauth/token (password)", StatusCode: 429, Code: "too_many_attempts", Outcome: auth0.OutcomeRateLimited,
		Description: "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it."}
	for _, real := range []bool{false, true} {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, realTenant: real})
		f.m.j.openSignIn(JourneyChallenge)
		f.result(flow.SignedInMsg{Err: blocked})
		screen := strings.Join(strings.Fields(f.screen()), " ")
		if !strings.Contains(screen, "This account is blocked") {
			t.Fatalf("real tenant %v:\n%s", real, f.screen())
		}
		if sandbox := strings.Contains(screen, "restart the sandbox"); sandbox == real || strings.Contains(screen, "administrator") != real {
			t.Errorf("real tenant %v, the fix is for the other:\n%s", real, f.screen())
		}
	}
}

// The line that says what the last call meant does not call a block a
// wait: nothing is retried after too_many_attempts.
func TestTooManyAttemptsIsNotCalledAWait(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	got := f.m.meaning(auth0.Exchange{Method: "POST", StatusCode: 429, ErrorCode: "too_many_attempts", Outcome: auth0.OutcomeRateLimited, Grant: "password"}, trace.Line{})
	if got != f.m.t.Explain.TooManyAttempts || strings.Contains(got, "waiting") {
		t.Errorf("meaning %q", got)
	}
}
