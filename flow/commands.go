package flow

import (
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
)

// The steps as Bubble Tea commands, for the interface: each runs its step
// with env's context and answers with its message (messages.go).

// SignInCmd runs SignIn.
func SignInCmd(env Env, login auth0.PasswordLogin) tea.Cmd {
	return func() tea.Msg {
		v, err := SignIn(env.ctx(), env, login)
		return SignedInMsg{SignedIn: v, Err: err}
	}
}

// EnrollCmd runs Enroll.
func EnrollCmd(env Env, bearer string, f *Factor, in EnrollInput) tea.Cmd {
	return func() tea.Msg {
		v, err := Enroll(env.ctx(), env, bearer, f, in)
		return AssociatedMsg{Enrollment: v, Err: err}
	}
}

// AuthenticatorsCmd runs Authenticators.
func AuthenticatorsCmd(env Env, bearer string) tea.Cmd {
	return func() tea.Msg {
		list, err := Authenticators(env.ctx(), env, bearer)
		return AuthenticatorsMsg{Authenticators: list, Err: err}
	}
}

// ChallengeCmd runs Challenge.
func ChallengeCmd(env Env, mfaToken string, f *Factor, authenticatorID string) tea.Cmd {
	return func() tea.Msg {
		v, err := Challenge(env.ctx(), env, mfaToken, f, authenticatorID)
		return ChallengedMsg{AuthenticatorID: authenticatorID, Challenged: v, Err: err}
	}
}

// VerifyCmd runs Verify.
func VerifyCmd(env Env, mfaToken string, a Answer) tea.Cmd {
	return func() tea.Msg {
		v, err := Verify(env.ctx(), env, mfaToken, a)
		return VerifiedMsg{Factor: a.Factor, Verified: v, Err: err}
	}
}

// DeleteCmd runs Delete.
func DeleteCmd(env Env, accessToken, authenticatorID string) tea.Cmd {
	return func() tea.Msg {
		return DeletedMsg{AuthenticatorID: authenticatorID, Err: Delete(env.ctx(), env, accessToken, authenticatorID)}
	}
}
