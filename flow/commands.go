package flow

import (
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
)

// SignIn logs a user in with a password; the usual answer is mfa_required.
func SignIn(env Env, login auth0.PasswordLogin) tea.Cmd {
	return func() tea.Msg {
		res, err := env.Client.LoginWithPassword(env.ctx(), login)
		return SignedInMsg{Result: res, Err: err, At: env.now()}
	}
}

// AssociatePush starts a Guardian push enrollment. bearer is the mfa_token,
// or an MFA-API access token when the user already has a factor.
func AssociatePush(env Env, bearer string) tea.Cmd {
	return func() tea.Msg {
		as, err := env.Client.Associate(env.ctx(), bearer, auth0.PushEnrollment())
		return AssociatedMsg{Association: as, Err: err, At: env.now()}
	}
}

// ListAuthenticators fetches the user's authenticators.
func ListAuthenticators(env Env, bearer string) tea.Cmd {
	return func() tea.Msg {
		list, err := env.Client.ListAuthenticators(env.ctx(), bearer)
		return AuthenticatorsMsg{Authenticators: list, Err: err}
	}
}

// Challenge challenges one authenticator (or lets Auth0 choose when id is
// empty). challengeType is "oob" for push, "otp" for a code.
func Challenge(env Env, mfaToken, authenticatorID, challengeType string) tea.Cmd {
	return func() tea.Msg {
		ch, err := env.Client.Challenge(env.ctx(), auth0.ChallengeRequest{
			MFAToken: mfaToken, ChallengeType: challengeType, AuthenticatorID: authenticatorID,
		})
		return ChallengedMsg{AuthenticatorID: authenticatorID, Challenge: ch, Err: err, At: env.now()}
	}
}

// VerifyWithOTP answers MFA with a 6-digit code.
func VerifyWithOTP(env Env, mfaToken, otp string) tea.Cmd {
	return func() tea.Msg {
		tokens, err := env.Client.VerifyOTP(env.ctx(), mfaToken, otp)
		return VerifiedMsg{Method: VerifyOTP, Tokens: tokens, Err: err, At: env.now()}
	}
}

// VerifyWithRecoveryCode answers MFA with a recovery code; the answer
// carries the new code.
func VerifyWithRecoveryCode(env Env, mfaToken, code string) tea.Cmd {
	return func() tea.Msg {
		tokens, err := env.Client.VerifyRecoveryCode(env.ctx(), mfaToken, code)
		return VerifiedMsg{Method: VerifyRecoveryCode, Tokens: tokens, Err: err, At: env.now()}
	}
}

// DeleteAuthenticator removes an authenticator with an MFA-API access token.
func DeleteAuthenticator(env Env, accessToken, id string) tea.Cmd {
	return func() tea.Msg {
		return DeletedMsg{AuthenticatorID: id, Err: env.Client.DeleteAuthenticator(env.ctx(), accessToken, id)}
	}
}
