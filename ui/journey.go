package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// carry carries out what a screen asked for.
func (m *Model) carry(in intent) tea.Cmd {
	switch in := in.(type) {
	case nil:
		return nil
	case chooseJourney:
		m.openSignIn(in.journey)
		return m.signIn.focusCmd()
	case goHome:
		return m.goHome()
	case tryAgain:
		return m.tryAgain()
	case verifyFirst:
		m.after = afterMFA{action: afterEnroll}
		return m.verifyForAccess()
	case confirmDelete:
		return m.deleteAuthenticator(in.authenticator)
	case leave:
		return m.leave()
	case codesKept:
		if m.after.pending() {
			return m.completeAfter()
		}
		return m.showResult()
	}
	return nil
}

// showProblem replaces the screen with an explanation; trying again
// returns to back.
func (m *Model) showProblem(p flow.Problem, back screenID) tea.Cmd {
	m.problem = newProblemScreen(m.common, p, back)
	m.setScreen(screenProblem)
	return nil
}

// showResult shows what MFA earned.
func (m *Model) showResult() tea.Cmd {
	m.stopWaits()
	tokens := m.session.Tokens
	m.result = newResultScreen(m.common, tokens, m.session.TokensAt)
	m.setScreen(screenResult)
	m.summary = fmt.Sprintf(m.t.App.ExitSignedIn, m.session.Credentials.Username, tokens.Scope)
	return nil
}

// tryAgain answers enter on a problem: the failed call again when trying
// again may fix it, else back where the problem came from.
func (m *Model) tryAgain() tea.Cmd {
	if cmd := m.retryFailedCall(); cmd != nil {
		return cmd
	}
	m.setScreen(m.problem.back)
	if m.screen == screenSignIn {
		if m.problem.problem.Kind == flow.ProblemWrongCredentials {
			m.signIn.retypePassword()
		}
		return m.signIn.focusCmd()
	}
	return nil
}

// leave answers esc where it leaves the screen.
func (m *Model) leave() tea.Cmd {
	switch m.screen {
	case screenConfirmDelete:
		m.setScreen(screenList)
	case screenResult:
		if m.journey == JourneyManage {
			return m.fetchAuthenticators()
		}
		return m.goHome()
	}
	return nil
}

// showEnrolled names the device the enrollment confirmed: the newest
// active push of the list.
func (m *Model) showEnrolled(list []auth0.Authenticator) tea.Cmd {
	var a auth0.Authenticator
	if pushes := flow.Push.Answering(list); len(pushes) > 0 {
		a = pushes[len(pushes)-1]
	}
	user := m.session.Credentials.Username
	m.enrolled = newEnrolledScreen(m.common, user, a, m.enrolledCodes)
	m.enrolledCodes = nil
	m.setScreen(screenEnrolled)
	m.summary = fmt.Sprintf(m.t.App.ExitEnrolled, a.ID, m.deviceName(a), user)
	return nil
}
