package sandbox

import (
	"testing"
	"time"
)

func (s *sandbox) otpGrant(mfa, code string) answer {
	s.t.Helper()
	return s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": code}))
}

func (s *sandbox) recoveryGrant(mfa, code string) answer {
	s.t.Helper()
	return s.form("/oauth/token", client(map[string]string{"grant_type": grantMFARecoveryCode, "mfa_token": mfa, "recovery_code": code}))
}

// Auth0 accepts the current and the previous 30-second code: a device
// clock behind by up to a step still works, one ahead does not.
func TestOTPWindowIsThisStepAndThePrevious(t *testing.T) {
	s := startSandbox(t, Options{})
	dev := s.bobDevice().ID
	codeAt := func(d time.Duration) string {
		s.clock.Advance(d)
		code, _, err := s.Phone.OTP(dev)
		if err != nil {
			t.Fatal(err)
		}
		s.clock.Advance(-d)
		return code
	}
	mfa := s.login("bob@example.com")
	old, prev, next := codeAt(-60*time.Second), codeAt(-30*time.Second), codeAt(30*time.Second)
	wantError(t, s.otpGrant(mfa, old), 403, "invalid_grant", "Invalid otp_code.")
	wantError(t, s.otpGrant(mfa, next), 403, "invalid_grant", "Invalid otp_code.")
	if a := s.otpGrant(mfa, prev); a.status != 200 {
		t.Errorf("previous step: %d %s", a.status, a.raw)
	}
	wantError(t, s.otpGrant(mfa, prev), 403, "invalid_grant", "Invalid otp_code.") // used
	if a := s.otpGrant(mfa, codeAt(0)); a.status != 200 {
		t.Errorf("current step: %d %s", a.status, a.raw)
	}
	// Codes up to the last one accepted are spent: the current one now too.
	wantError(t, s.otpGrant(mfa, codeAt(0)), 403, "invalid_grant", "Invalid otp_code.")
	wantError(t, s.otpGrant(mfa, "12345"), 403, "invalid_grant", "Invalid otp_code.")
	wantError(t, s.otpGrant(mfa, "abcdef"), 403, "invalid_grant", "Invalid otp_code.")
	// A user with no OTP authenticator.
	wantError(t, s.otpGrant(s.login("alice@example.com"), codeAt(0)), 403, "invalid_grant", "Invalid otp_code.")
}

func TestRecoveryCodeRotates(t *testing.T) {
	s := startSandbox(t, Options{})
	first := s.Tenant.Users()[1].RecoveryCode
	mfa := s.login("bob@example.com", "openid")
	a := s.recoveryGrant(mfa, first)
	second := a.str("recovery_code")
	if a.status != 200 || a.str("access_token") == "" || a.str("id_token") == "" || len(second) != 24 || second == first {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	if got := s.Tenant.Users()[1].RecoveryCode; got != second {
		t.Errorf("GET /sandbox would show %q, want the new %q", got, second)
	}
	wantError(t, s.recoveryGrant(mfa, first), 403, "invalid_grant", "Invalid recovery_code.")
	// Typed with spaces, dashes and in lower case, it still works.
	typed := second[:4] + "-" + second[4:12] + " " + second[12:]
	if a := s.recoveryGrant(mfa, typed); a.status != 200 {
		t.Errorf("typed form: %d %s", a.status, a.raw)
	}
	wantError(t, s.recoveryGrant(s.login("alice@example.com"), second), 403, "invalid_grant", "Invalid recovery_code.")
}
