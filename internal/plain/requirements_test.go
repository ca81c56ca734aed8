package plain_test

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
)

// mfa_required's mfa_requirements choose the path: a user with factors is
// not sent to /mfa/associate with an mfa_token that cannot enroll, and a
// user without is not challenged.
func TestRequirementsChooseThePath(t *testing.T) {
	t.Run("enroll a user who has factors", func(t *testing.T) {
		w := newWorld(t, nil)
		report, _, errOut, status := runJSON(t, w.config(plain.CommandEnroll, "bob@example.com", "bob-password\n"))
		if status != plain.ExitError || report.Outcome != plain.OutcomeAlreadyEnrolled {
			t.Fatalf("exit %d, outcome %s\n%s", status, report.Outcome, errOut)
		}
		if n := len(w.srv.Requests("/mfa/associate")); n != 0 {
			t.Errorf("%d associate requests for a user who must verify first", n)
		}
		if want := "Auth0's mfa_requirements: challenge with push-notification, otp, recovery-code."; !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	})
	for _, c := range []struct {
		name  string
		stdin string
		otp   bool
	}{{"push", "alice-password\n", false}, {"otp", "alice-password\n123456\n", true}} {
		t.Run("challenge a user who must enroll, "+c.name, func(t *testing.T) {
			w := newWorld(t, nil)
			cfg := w.config(plain.CommandChallenge, "alice@example.com", c.stdin)
			cfg.OTPStdin = c.otp
			report, _, errOut, status := runJSON(t, cfg)
			if status != plain.ExitError || report.Error == nil || report.Error.Kind != "not_enrolled" {
				t.Fatalf("exit %d, report %+v\n%s", status, report.Error, errOut)
			}
			for _, path := range []string{"/mfa/authenticators", "/mfa/challenge"} {
				if n := len(w.srv.Requests(path)); n != 0 {
					t.Errorf("%d requests to %s for a user with nothing to challenge", n, path)
				}
			}
			if n := len(w.srv.TokenPolls()); n != 1 {
				t.Errorf("%d token requests, want the sign-in alone", n)
			}
			if want := "Auth0's mfa_requirements: enroll push-notification, otp, phone, email first."; !strings.Contains(errOut, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errOut)
			}
		})
	}
}

// An access token issued for no API audience is opaque, as on Auth0, and
// the result says why it cannot be decoded.
func TestChallengeSaysTheAccessTokenIsOpaque(t *testing.T) {
	w := newWorld(t, nil)
	r, status := challengeAnswered(t, w, w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"), approve)
	if status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, r.stderr)
	}
	want := "opaque: Auth0 issues opaque access tokens when no API audience is asked; it cannot be decoded"
	if out := r.stdout.String(); !strings.Contains(out, want) {
		t.Errorf("the output lacks %q:\n%s", want, out)
	}
}
