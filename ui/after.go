package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// afterAction is what waits for an MFA-API access token.
type afterAction uint8

const (
	afterNothing afterAction = iota
	afterEnroll              // enroll another factor ("User is already enrolled")
	afterDelete              // delete an authenticator
)

// afterMFA remembers an action that needs an access token for the MFA API:
// the user verifies with an existing factor first, then it runs.
type afterMFA struct {
	action afterAction
	target auth0.Authenticator
}

func (a afterMFA) pending() bool { return a.action != afterNothing }

// verifyForAccess starts the verification that earns an MFA-API token: a
// challenge of an existing factor, after signing in again for the MFA
// audience when the session's mfa_token was issued for another.
func (m *Model) verifyForAccess() tea.Cmd {
	mfaAudience := m.env.Client.MFAAudience()
	fresh := m.now().Before(m.session.MFATokenDeadline())
	if m.session.Audience == mfaAudience && fresh {
		m.listPurpose = listForVerify
		return m.run(m.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, m.session.MFAToken) })
	}
	if !m.session.HasPassword() {
		return m.showProblem(flow.Problem{Kind: flow.ProblemNoPassword}, screenSignIn)
	}
	return m.signInAgain()
}

// completeAfter runs the waiting action with the token just earned.
func (m *Model) completeAfter() tea.Cmd {
	after := m.after
	m.after = afterMFA{}
	switch after.action {
	case afterEnroll:
		return m.startEnrollment(m.enrollBearer())
	case afterDelete:
		return m.deleteWithAccess(after.target)
	}
	return nil
}
