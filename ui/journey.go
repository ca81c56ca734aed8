package ui

import (
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// carry carries out what a screen asked for.
func (m *Model) carry(in intent) tea.Cmd {
	switch in := in.(type) {
	case nil:
		return nil
	case noteStatus:
		return m.setStatus(in.text)
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
	case signInWith:
		return m.signInWith(in.creds)
	case signInWithToken:
		return m.signInWithToken(in.token, in.username)
	case enrollFirst:
		// The user has no factor yet: the mfa_token can enroll the first.
		m.journey = JourneyEnroll
		return m.startEnrollment(m.enrollBearer())
	case choose:
		return m.challengeAuthenticator(in.authenticator)
	case askDelete:
		m.confirm = newConfirmScreen(m.common, in.authenticator)
		m.setScreen(screenConfirmDelete)
		return nil
	case refreshList:
		return m.fetchAuthenticators()
	case challengeAgain:
		return m.challengeAuthenticator(in.authenticator)
	case sendCode:
		token := m.session.MFAToken
		return m.runInline(func(env flow.Env) tea.Cmd { return flow.VerifyCmd(env, token, in.answer) })
	case approved:
		if m.screen == screenEnroll {
			return m.enrolledWith(in.tokens, in.at)
		}
		return m.approvedWith(in.tokens, in.at)
	case newCode:
		return m.newCode()
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
	case screenChallenge:
		return m.backToList()
	case screenList:
		if m.listPurpose == listForVerify {
			m.after = afterMFA{}
		}
		return m.goHome()
	case screenSignIn:
		if m.opts.Start == JourneyHome {
			m.setScreen(screenHome)
		}
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

// openSignIn shows the form for a journey, emptied, the username
// prefilled.
func (m *Model) openSignIn(j Journey) {
	m.journey = j
	m.signIn.reset()
	m.setScreen(screenSignIn)
}

// signInPurpose is what the sign-in is for, in its title.
func (m *Model) signInPurpose() string {
	t := m.t.SignIn
	if m.after.pending() {
		return t.ForVerify
	}
	return map[Journey]string{JourneyEnroll: t.ForEnroll, JourneyChallenge: t.ForChallenge, JourneyManage: t.ForManage}[m.journey]
}

// signInWith signs in with the form's password.
func (m *Model) signInWith(creds flow.Credentials) tea.Cmd {
	login := m.loginFor(m.journey, creds)
	m.session = flow.Begin(creds, login)
	return m.run(m.t.SignIn.Working, func(env flow.Env) tea.Cmd { return flow.SignInCmd(env, login) })
}

// signInWithToken goes on with a pasted mfa_token.
func (m *Model) signInWithToken(token, username string) tea.Cmd {
	m.session = flow.Session{MFAToken: token, MFATokenAt: m.now()}
	m.session.Credentials.Username = username
	return m.haveMFAToken()
}

// loginFor is the sign-in a journey needs: its tokens serve the MFA API
// but in the challenge journey, whose tokens are what the user signs in
// for, and while an action waits for an MFA-API token.
func (m *Model) loginFor(j Journey, creds flow.Credentials) auth0.PasswordLogin {
	return flow.Login(m.env, creds, j != JourneyChallenge || m.after.pending(), m.opts.Audience)
}

// signedIn handles the answer of a password sign-in.
func (m *Model) signedIn(msg flow.SignedInMsg) tea.Cmd {
	if msg.Err != nil {
		return m.showProblem(flow.Diagnose(msg.Err), screenSignIn)
	}
	m.session.SignedIn(msg.SignedIn)
	if m.after.pending() {
		return m.verifyForAccess()
	}
	return m.haveMFAToken()
}

// haveMFAToken moves on once the session holds an mfa_token.
func (m *Model) haveMFAToken() tea.Cmd {
	if m.journey == JourneyEnroll {
		return m.startEnrollment(m.session.MFAToken)
	}
	return m.fetchAuthenticators()
}

// listPurpose says why the authenticators were fetched.
type listPurpose uint8

const (
	listForSelection listPurpose = iota // choose one to challenge or delete
	listForEnrolled                     // name the device just enrolled
	listForVerify                       // choose a factor to earn an MFA-API token
)

// fetchAuthenticators lists the user's authenticators for selection.
func (m *Model) fetchAuthenticators() tea.Cmd {
	m.listPurpose = listForSelection
	bearer := m.session.MFAToken
	token, viaAccess := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeReadAuthenticators, m.now())
	if viaAccess {
		bearer = token
	}
	m.listViaAccess = viaAccess
	return m.run(m.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, bearer) })
}

// listed handles the authenticator list.
func (m *Model) listed(msg flow.AuthenticatorsMsg) tea.Cmd {
	if msg.Err != nil {
		return m.listFailed(msg.Err)
	}
	if m.listPurpose == listForEnrolled {
		return m.showEnrolled(msg.Authenticators)
	}
	shown := msg.Authenticators
	if m.listPurpose == listForVerify {
		// Only what can verify: an MFA-API token is earned by answering.
		shown = slices.DeleteFunc(slices.Clone(shown), func(a auth0.Authenticator) bool { return !flow.CanVerify(a) })
		if len(shown) == 0 {
			m.after = afterMFA{}
			return m.setStatusOn(screenList, m.t.List.NoVerifier)
		}
	}
	cmd := m.list.show(shown, m.listTitle(), m.listPurpose == listForVerify)
	m.setScreen(screenList)
	m.layout()
	return cmd
}

// listFailed explains a list that failed. Trying again after the access
// token was refused lists with the mfa_token instead; when the mfa_token
// expired while earning an access token, the password signs in again.
func (m *Model) listFailed(err error) tea.Cmd {
	if !m.listViaAccess || m.listPurpose != listForSelection {
		p := flow.Diagnose(err)
		if m.listPurpose == listForVerify && p.Kind == flow.ProblemTokenExpired && m.session.HasPassword() {
			return m.signInAgain()
		}
		return m.showProblem(p, screenHome)
	}
	p := flow.DiagnoseAccessToken(err)
	m.showProblem(p, screenHome)
	if p.Kind == flow.ProblemAccessExpired || p.Kind == flow.ProblemAccessRefused {
		m.problem.retry = func() tea.Cmd {
			m.session.Tokens = nil // never sent again
			return m.fetchAuthenticators()
		}
	}
	return nil
}

func (m *Model) listTitle() string {
	t := m.t.List
	switch {
	case m.listPurpose == listForVerify && m.after.action == afterDelete:
		return fmt.Sprintf(t.TitleVerify, fmt.Sprintf(t.ForDelete, m.describe(m.after.target)))
	case m.listPurpose == listForVerify:
		return fmt.Sprintf(t.TitleVerify, t.ForEnroll)
	case m.journey == JourneyManage:
		return t.TitleManage
	}
	return t.TitleChallenge
}

// deleteAuthenticator deletes a with the session's MFA-API access token,
// earning one first (a verification with an existing factor) when the
// session holds none.
func (m *Model) deleteAuthenticator(a auth0.Authenticator) tea.Cmd {
	if _, ok := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeRemoveAuthenticators, m.now()); ok {
		return m.deleteWithAccess(a)
	}
	m.after = afterMFA{action: afterDelete, target: a}
	return m.verifyForAccess()
}

// deleteWithAccess sends the DELETE with the access token just earned.
func (m *Model) deleteWithAccess(a auth0.Authenticator) tea.Cmd {
	token, ok := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeRemoveAuthenticators, m.now())
	if !ok {
		return m.showProblem(flow.Problem{Kind: flow.ProblemInsufficientScope}, screenList)
	}
	m.deleting = a
	return m.run(m.t.Working.Deleting, func(env flow.Env) tea.Cmd { return flow.DeleteCmd(env, token, a.ID) })
}

// deleted handles the answer of a delete: say so and refresh the list. A
// refused or expired access token is dropped, and trying again earns a new
// one and sends the DELETE again.
func (m *Model) deleted(msg flow.DeletedMsg) tea.Cmd {
	if msg.Err != nil {
		p := flow.DiagnoseAccessToken(msg.Err)
		m.showProblem(p, screenList)
		if p.Kind == flow.ProblemAccessExpired || p.Kind == flow.ProblemAccessRefused {
			a := m.deleting
			m.problem.retry = func() tea.Cmd {
				m.session.Tokens = nil // never sent again
				return m.deleteAuthenticator(a)
			}
		}
		return nil
	}
	m.summary = fmt.Sprintf(m.t.App.ExitDeleted, msg.AuthenticatorID)
	return tea.Batch(m.fetchAuthenticators(), m.setStatus(fmt.Sprintf(m.t.List.Deleted, msg.AuthenticatorID)))
}

// challengeAuthenticator answers enter on the list: a push is sent, a code
// is typed.
func (m *Model) challengeAuthenticator(a auth0.Authenticator) tea.Cmd {
	f, handled := flow.FactorOf(a)
	switch {
	case !a.Active:
		return m.setStatus(m.t.List.PendingHint)
	case !handled:
		return m.setStatus(fmt.Sprintf(m.t.List.Unsupported, m.kindName(a.Kind())))
	case !m.now().Before(m.session.MFATokenDeadline()):
		return m.signInAgain()
	}
	m.target = a
	if f.ChallengeType == "" { // a code of the app, a recovery code
		return m.openChallenge().enter(f, "")
	}
	token := m.session.MFAToken
	return m.run(m.t.Working.Challenging, func(env flow.Env) tea.Cmd { return flow.ChallengeCmd(env, token, f, a.ID) })
}

// openChallenge shows a new challenge screen for the target.
func (m *Model) openChallenge() *challengeScreen {
	m.stopWaits()
	m.challenge = newChallengeScreen(m.common, m.target, m.after.pending())
	m.setScreen(screenChallenge)
	return m.challenge
}

// challenged waits for the push just sent, or asks for the code sent.
func (m *Model) challenged(msg flow.ChallengedMsg) tea.Cmd {
	if msg.Err != nil {
		return m.showProblem(flow.Diagnose(msg.Err), screenList)
	}
	f, _ := flow.FactorOf(m.target)
	c := m.openChallenge()
	if f.VerifyBy == flow.ByPolling {
		return c.wait(flow.NewApproval(m.env, flow.ApprovalChallenge, m.session.MFAToken, msg.OOBCode,
			msg.At, m.session.MFATokenDeadline()))
	}
	return c.enter(f, msg.OOBCode)
}

// verified handles the answer of a typed code.
func (m *Model) verified(msg flow.VerifiedMsg) tea.Cmd {
	c := m.challenge
	if c == nil {
		return nil
	}
	if msg.Err != nil {
		c.refused(flow.Diagnose(msg.Err))
		return nil
	}
	c.stop()
	if msg.Factor == flow.RecoveryCode && msg.Tokens.RecoveryCode != "" {
		m.session.Earn(msg.Tokens, msg.At)
		m.recovery = newNewRecoveryScreen(m.common, m.session.Credentials.Username, msg.Tokens.RecoveryCode)
		m.setScreen(screenNewRecovery)
		return nil
	}
	return m.approvedWith(msg.Tokens, msg.At)
}

// approvedWith continues once MFA succeeded: the waiting action, or the
// result.
func (m *Model) approvedWith(tokens *auth0.Tokens, at time.Time) tea.Cmd {
	m.session.Earn(tokens, at)
	if m.after.pending() {
		return m.completeAfter()
	}
	return m.showResult()
}

// backToList leaves the challenge: the wait stops at once, and a push
// still waiting is swiped off the simulated phone.
func (m *Model) backToList() tea.Cmd {
	var dismiss tea.Cmd
	if c := m.challenge; m.opts.Phone != nil && c != nil && c.pushWaiting() {
		dismiss = flow.DismissOnPhone(m.env, m.opts.Phone, c.target.ID)
	}
	m.stopWaits()
	m.op.end()
	m.challenge = nil
	m.setScreen(screenList)
	return dismiss
}

// enrollBearer is the token that may enroll: an MFA-API access token with
// the enroll scope when the session has one, else the mfa_token.
func (m *Model) enrollBearer() string {
	if token, ok := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeEnroll, m.now()); ok {
		return token
	}
	return m.session.MFAToken
}

func (m *Model) startEnrollment(bearer string) tea.Cmd {
	m.stopWaits()
	return m.run(m.t.Working.Associating, func(env flow.Env) tea.Cmd { return flow.EnrollCmd(env, bearer, flow.Push, flow.EnrollInput{}) })
}

// associated handles the answer of /mfa/associate.
func (m *Model) associated(msg flow.AssociatedMsg) tea.Cmd {
	if msg.Err != nil {
		p := flow.Diagnose(msg.Err)
		if p.Kind == flow.ProblemAlreadyEnrolled {
			m.already = newAlreadyScreen(m.common)
			m.setScreen(screenAlreadyEnrolled)
			return nil
		}
		return m.showProblem(p, screenHome)
	}
	approval := flow.NewApproval(m.env, flow.ApprovalEnrollment, m.session.MFAToken,
		msg.OOBCode, msg.At, msg.At.Add(flow.EnrollmentLifetime))
	m.enroll = newEnrollScreen(m.common, m.session.Credentials.Username, msg.Enrollment, approval)
	m.setScreen(screenEnroll)
	m.phone.qrShown()
	return approval.Start()
}

// newCode starts a new enrollment once the old code can no longer serve.
func (m *Model) newCode() tea.Cmd {
	if m.now().Before(m.session.MFATokenDeadline()) || m.enrollBearer() != m.session.MFAToken {
		return m.startEnrollment(m.enrollBearer())
	}
	return m.signInAgain()
}

// signInAgain gets a fresh mfa_token with the password the user typed, or
// asks for the sign-in again when the session has no password.
func (m *Model) signInAgain() tea.Cmd {
	if !m.session.HasPassword() {
		return m.showProblem(flow.Problem{Kind: flow.ProblemTokenExpired}, screenSignIn)
	}
	login := m.loginFor(m.journey, m.session.Credentials)
	m.session.Audience, m.session.Scope = login.Audience, login.Scope
	return m.run(m.t.Working.SigningInAgain, func(env flow.Env) tea.Cmd { return flow.SignInCmd(env, login) })
}

// enrolledWith lists the authenticators once the phone enrolled, to name
// the device.
func (m *Model) enrolledWith(tokens *auth0.Tokens, at time.Time) tea.Cmd {
	m.session.Earn(tokens, at)
	m.enrolledCodes = m.enroll.association.RecoveryCodes
	m.listPurpose = listForEnrolled
	return m.run(m.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, m.session.MFAToken) })
}
