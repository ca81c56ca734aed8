package auth0

import (
	"context"
	"net/url"
)

// VerifyOOB asks whether an out-of-band challenge or enrollment was
// answered (the mfa-oob grant). Poll it: the error's Outcome says whether to
// ask again (pending, slow_down), stop (rejected, expired, fatal) or back off
// (rate_limited, transient). bindingCode is empty for push.
func (c *Client) VerifyOOB(ctx context.Context, mfaToken, oobCode, bindingCode string) (*Tokens, error) {
	form := url.Values{}
	form.Set("mfa_token", mfaToken)
	form.Set("oob_code", oobCode)
	if bindingCode != "" {
		form.Set("binding_code", bindingCode)
	}
	return c.tokenCall(ctx, GrantMFAOOB, "mfa-oob", form)
}

// VerifyOTP completes MFA with a one-time password (the mfa-otp grant). It
// also confirms a pending OTP enrollment.
func (c *Client) VerifyOTP(ctx context.Context, mfaToken, otp string) (*Tokens, error) {
	form := url.Values{}
	form.Set("mfa_token", mfaToken)
	form.Set("otp", otp)
	return c.tokenCall(ctx, GrantMFAOTP, "mfa-otp", form)
}

// VerifyRecoveryCode completes MFA with a recovery code (the
// mfa-recovery-code grant). The answer's RecoveryCode replaces the one used.
func (c *Client) VerifyRecoveryCode(ctx context.Context, mfaToken, recoveryCode string) (*Tokens, error) {
	form := url.Values{}
	form.Set("mfa_token", mfaToken)
	form.Set("recovery_code", recoveryCode)
	return c.tokenCall(ctx, GrantMFARecoveryCode, "mfa-recovery-code", form)
}
