package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// The journey is the interface's state machine: which screen follows
// which, and which call to Auth0 each step makes. Screens ask (intents),
// calls answer (flow's messages); the journey alone decides what comes
// next, here, in one place:
//
//	home → sign-in ─┬─ enroll:  associate → QR code, wait for the phone → list (name it) → enrolled
//	                └─ challenge, manage: list → choose ─┬─ push: challenge → wait ─┐
//	                                                     └─ code: type it ──────────┴→ result
//	associate answers "already enrolled" → verify first → associate with the MFA-API token
//	delete without an MFA-API token      → verify first → delete → list again
//
// "Verify first" earns the MFA-API token that enrolling a second factor
// and deleting need: a sign-in for the MFA API's audience when the
// mfa_token was for another, the list of factors that can answer, a
// challenge of one of them; then the waiting action runs (afterMFA).
type journey struct {
	*common
	stage stage

	kind    Journey
	session flow.Session
	after   afterMFA
	listFor listPurpose
	// listViaAccess: the list was fetched with the MFA-API access token,
	// not the mfa_token.
	listViaAccess bool
	target        auth0.Authenticator // the authenticator challenged
	deleting      auth0.Authenticator // the authenticator a delete was sent for
	enrolledCodes []string            // the recovery codes of the enrollment being confirmed
	// summary is one line about what the run achieved (Model.Summary).
	summary string
	// plan is what the sign-in's mfa_requirements allow (journey_factors.go).
	plan flow.MFAPlan
	// resending: the challenge in flight asks for a new code, on the code's
	// screen.
	resending bool
	// enrolling is the factor being enrolled, enrollInput where its codes go.
	enrolling   *flow.Factor
	enrollInput flow.EnrollInput

	// The screens the journey returns to keep their state: the form its
	// values, the list its cursor and filter.
	home      *homeScreen
	signIn    *signInScreen
	list      *listScreen
	problem   *problemScreen
	enroll    *enrollScreen
	challenge *challengeScreen
	hd        helpdeskState       // the helpdesk console (journey_helpdesk.go)
	choice    *factorChoiceScreen // nil when push was the only choice
	confirm   *enrollCodeScreen
}

// stage is what the journey asks of the root model: the screen shown, and
// calls to Auth0 (call.go).
type stage interface {
	// show shows a screen and returns the command that focuses it.
	show(s screen) tea.Cmd
	// run starts a call on the working screen, which esc abandons.
	run(label string, start func(flow.Env) tea.Cmd) tea.Cmd
	// runInline starts a call without leaving the screen.
	runInline(start func(flow.Env) tea.Cmd) tea.Cmd
	// retry sends the last call again, from back; nil when there is none.
	retry(back screen) tea.Cmd
	// endCall abandons the call in flight.
	endCall()
	// note shows a short note under the body.
	note(text string) tea.Cmd
}

func newJourney(c *common, st stage) *journey {
	return &journey{common: c, stage: st, kind: c.opts.Start,
		home: newHomeScreen(c), signIn: newSignInScreen(c)}
}

// authenticatorList is the list screen, made when first shown: a bubbles
// list costs a millisecond to make, before the first frame, and most runs
// never show it.
func (j *journey) authenticatorList() *listScreen {
	if j.list == nil {
		j.list = newListScreen(j.common)
	}
	return j.list
}

// start shows the home screen, or the sign-in of the journey the command
// line chose.
func (j *journey) start() tea.Cmd {
	switch j.opts.Start {
	case JourneyHome:
		return j.stage.show(j.home)
	case JourneyHelpdesk:
		return j.openHelpdesk()
	}
	return j.openSignIn(j.opts.Start)
}

// handle carries out what the screen from asked for.
func (j *journey) handle(from screen, in intent) tea.Cmd {
	if cmd, ok := j.handleHelpdesk(from, in); ok {
		return cmd
	}
	switch in := in.(type) {
	case chooseJourney:
		if in.journey == JourneyHelpdesk {
			return j.openHelpdesk()
		}
		return j.openSignIn(in.journey)
	case signInWith:
		return j.signInWith(in.creds)
	case signInWithToken:
		return j.signInWithToken(in.token, in.username)
	case tryAgain:
		return j.tryAgain()
	case goHome:
		return j.goHome()
	case leave:
		return j.leave(from)
	case verifyFirst:
		j.after = afterMFA{action: afterEnroll}
		return j.verifyForAccess()
	case newCode:
		return j.newCode()
	case enrollFirst:
		// The user has no factor yet: the mfa_token can enroll the first.
		j.kind = JourneyEnroll
		return j.startEnrollment(j.enrollBearer())
	case refreshList:
		return j.fetchAuthenticators()
	case choose:
		return j.challengeAuthenticator(in.authenticator)
	case challengeAgain:
		return j.challengeAuthenticator(in.authenticator)
	case askDelete:
		return j.stage.show(newConfirmScreen(j.common, in.authenticator))
	case confirmDelete:
		return j.deleteAuthenticator(in.authenticator)
	case sendCode:
		token := j.session.MFAToken
		return j.stage.runInline(func(env flow.Env) tea.Cmd { return flow.VerifyCmd(env, token, in.answer) })
	case approved:
		if from == j.enroll {
			return j.enrolledWith(in.tokens, in.at, j.enroll.association.RecoveryCodes)
		}
		return j.approvedWith(in.tokens, in.at)
	case codesKept:
		if j.after.pending() {
			return j.completeAfter()
		}
		return j.showResult()
	case resendCode:
		return j.resendCode(in.authenticator)
	}
	return j.handleFactors(from, in)
}

// answer handles the answer of a call.
func (j *journey) answer(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case flow.SignedInMsg:
		return j.signedIn(msg)
	case flow.AssociatedMsg:
		return j.associated(msg)
	case flow.AuthenticatorsMsg:
		return j.listed(msg)
	case flow.ChallengedMsg:
		return j.challenged(msg)
	case flow.VerifiedMsg:
		return j.verified(msg)
	case flow.DeletedMsg:
		return j.deleted(msg)
	}
	return j.answerHelpdesk(msg)
}

// leave answers esc where it leaves a screen.
func (j *journey) leave(from screen) tea.Cmd {
	if cmd, ok := j.leaveHelpdesk(from); ok {
		return cmd
	}
	switch from.ID() {
	case screenSignIn:
		if j.opts.Start == JourneyHome {
			return j.stage.show(j.home)
		}
	case screenConfirmDelete:
		return j.stage.show(j.authenticatorList())
	case screenChallenge:
		return j.backToList()
	case screenEnrollAddress, screenEnroll, screenEnrollCode:
		// One step back: the choice of factor, while the session lasts
		// (choosing again sends a new associate); without one, start over.
		if j.choice != nil {
			j.stopWaits()
			return j.stage.show(j.choice)
		}
		return j.goHome()
	case screenList:
		return j.goHome()
	case screenResult:
		if j.kind == JourneyManage {
			return j.fetchAuthenticators()
		}
		return j.goHome()
	}
	return nil
}

// goHome starts over, forgetting the session: home, or the sign-in of the
// journey the command line chose.
func (j *journey) goHome() tea.Cmd {
	j.stopWaits()
	j.stage.endCall()
	j.enroll, j.challenge, j.choice, j.confirm, j.enrolling = nil, nil, nil, nil, nil
	j.session = flow.Session{}
	j.after = afterMFA{}
	return j.start()
}

// stopWaits cancels the approval waits: leaving a screen stops its polling.
func (j *journey) stopWaits() {
	j.resending = false
	if j.enroll != nil {
		j.enroll.stop()
	}
	if j.challenge != nil {
		j.challenge.stop()
	}
	if j.hd.verify != nil {
		j.hd.verify.stop()
	}
}

// showProblem explains a failure; trying again returns to back.
func (j *journey) showProblem(p flow.Problem, back screen) *problemScreen {
	j.problem = newProblemScreen(j.common, p, back)
	j.stage.show(j.problem)
	return j.problem
}

// tryAgain answers enter on a problem: what the problem says trying again
// means, or the failed call again when that may fix it, else back where
// the problem came from.
func (j *journey) tryAgain() tea.Cmd {
	p := j.problem
	if p.retry != nil {
		return p.retry()
	}
	if retryable(p.problem.Kind) {
		if cmd := j.stage.retry(p.back); cmd != nil {
			return cmd
		}
	}
	if p.back == j.signIn && p.problem.Kind == flow.ProblemWrongCredentials {
		j.signIn.retypePassword()
	}
	return j.stage.show(p.back)
}

// retryable reports whether sending the same call again may succeed: the
// tenant did not answer, failed, or limited the rate. Other problems (a
// wrong password, an expired token) need the user first.
func retryable(k flow.ProblemKind) bool {
	switch k {
	case flow.ProblemUnreachable, flow.ProblemServer, flow.ProblemRateLimited:
		return true
	}
	return false
}

// The sign-in.

// openSignIn shows the form for a journey, emptied, the username
// prefilled.
func (j *journey) openSignIn(kind Journey) tea.Cmd {
	if j.opts.NoMFAApp { // nothing to sign in with: say what to set
		j.showProblem(flow.Problem{Kind: flow.ProblemNoMFAApp}, j.home)
		return nil
	}
	j.kind = kind
	j.signIn.reset()
	return j.showSignIn()
}

// showSignIn shows the form, titled for what it signs in for.
func (j *journey) showSignIn() tea.Cmd {
	t := j.t.SignIn
	j.signIn.purpose = map[Journey]string{JourneyEnroll: t.ForEnroll, JourneyChallenge: t.ForChallenge, JourneyManage: t.ForManage}[j.kind]
	if j.after.pending() {
		j.signIn.purpose = t.ForVerify
	}
	return j.stage.show(j.signIn)
}

// loginFor is the sign-in the journey needs: its tokens serve the MFA API
// but in the challenge journey, whose tokens are what the user signs in
// for, and while an action waits for an MFA-API token.
func (j *journey) loginFor(creds flow.Credentials) auth0.PasswordLogin {
	return flow.Login(j.env, creds, j.kind != JourneyChallenge || j.after.pending(), j.opts.Audience)
}

func (j *journey) signInWith(creds flow.Credentials) tea.Cmd {
	login := j.loginFor(creds)
	j.session = flow.Begin(creds, login)
	return j.stage.run(j.t.SignIn.Working, func(env flow.Env) tea.Cmd { return flow.SignInCmd(env, login) })
}

// signInWithToken goes on with a pasted mfa_token.
func (j *journey) signInWithToken(token, username string) tea.Cmd {
	j.session = flow.Session{MFAToken: token, MFATokenAt: j.now()}
	j.session.Credentials.Username = username
	return j.haveMFAToken()
}

// signInAgain gets a fresh mfa_token with the password the user typed, or
// asks for the sign-in again when the session has no password.
func (j *journey) signInAgain() tea.Cmd {
	if !j.session.HasPassword() {
		j.showProblem(flow.Problem{Kind: flow.ProblemTokenExpired}, j.signIn)
		return nil
	}
	login := j.loginFor(j.session.Credentials)
	j.session.Audience, j.session.Scope = login.Audience, login.Scope
	return j.stage.run(j.t.Working.SigningInAgain, func(env flow.Env) tea.Cmd { return flow.SignInCmd(env, login) })
}

func (j *journey) signedIn(msg flow.SignedInMsg) tea.Cmd {
	if msg.Err != nil {
		j.showProblem(flow.Diagnose(msg.Err), j.signIn)
		return nil
	}
	j.session.SignedIn(msg.SignedIn)
	j.plan = msg.Plan
	if j.after.pending() {
		return j.verifyForAccess()
	}
	return j.haveMFAToken()
}

// haveMFAToken moves on once the session holds an mfa_token.
func (j *journey) haveMFAToken() tea.Cmd {
	if j.kind != JourneyEnroll && j.plan.Path == flow.PathEnroll {
		return j.mustEnroll()
	}
	if j.kind == JourneyEnroll {
		return j.startEnrollment(j.session.MFAToken)
	}
	return j.fetchAuthenticators()
}
