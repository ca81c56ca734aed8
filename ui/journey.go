package ui

import (
	"fmt"
	"slices"
	"time"

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

	// The screens the journey returns to keep their state: the form its
	// values, the list its cursor and filter.
	home      *homeScreen
	signIn    *signInScreen
	list      *listScreen
	problem   *problemScreen
	enroll    *enrollScreen
	challenge *challengeScreen
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
		home: newHomeScreen(c), signIn: newSignInScreen(c), list: newListScreen(c)}
}

// start shows the home screen, or the sign-in of the journey the command
// line chose.
func (j *journey) start() tea.Cmd {
	if j.opts.Start == JourneyHome {
		return j.stage.show(j.home)
	}
	return j.openSignIn(j.opts.Start)
}

// handle carries out what the screen from asked for.
func (j *journey) handle(from screen, in intent) tea.Cmd {
	switch in := in.(type) {
	case chooseJourney:
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
			return j.enrolledWith(in.tokens, in.at)
		}
		return j.approvedWith(in.tokens, in.at)
	case codesKept:
		if j.after.pending() {
			return j.completeAfter()
		}
		return j.showResult()
	}
	return nil
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
	return nil
}

// leave answers esc where it leaves a screen.
func (j *journey) leave(from screen) tea.Cmd {
	switch from.ID() {
	case screenSignIn:
		if j.opts.Start == JourneyHome {
			return j.stage.show(j.home)
		}
	case screenConfirmDelete:
		return j.stage.show(j.list)
	case screenChallenge:
		return j.backToList()
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
	j.enroll, j.challenge = nil, nil
	j.session = flow.Session{}
	j.after = afterMFA{}
	return j.start()
}

// stopWaits cancels the approval waits: leaving a screen stops its polling.
func (j *journey) stopWaits() {
	if j.enroll != nil {
		j.enroll.stop()
	}
	if j.challenge != nil {
		j.challenge.stop()
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
	if j.after.pending() {
		return j.verifyForAccess()
	}
	return j.haveMFAToken()
}

// haveMFAToken moves on once the session holds an mfa_token.
func (j *journey) haveMFAToken() tea.Cmd {
	if j.kind == JourneyEnroll {
		return j.startEnrollment(j.session.MFAToken)
	}
	return j.fetchAuthenticators()
}

// The enrollment.

// enrollBearer is the token that may enroll: an MFA-API access token with
// the enroll scope when the session has one, else the mfa_token.
func (j *journey) enrollBearer() string {
	if token, ok := j.session.MFAAccess(j.env.Client.MFAAudience(), auth0.ScopeEnroll, j.now()); ok {
		return token
	}
	return j.session.MFAToken
}

func (j *journey) startEnrollment(bearer string) tea.Cmd {
	j.stopWaits()
	return j.stage.run(j.t.Working.Associating, func(env flow.Env) tea.Cmd {
		return flow.EnrollCmd(env, bearer, flow.Push, flow.EnrollInput{})
	})
}

func (j *journey) associated(msg flow.AssociatedMsg) tea.Cmd {
	if msg.Err != nil {
		p := flow.Diagnose(msg.Err)
		if p.Kind == flow.ProblemAlreadyEnrolled {
			return j.stage.show(newAlreadyScreen(j.common))
		}
		j.showProblem(p, j.home)
		return nil
	}
	approval := flow.NewApproval(j.env, flow.ApprovalEnrollment, j.session.MFAToken,
		msg.OOBCode, msg.At, msg.At.Add(flow.EnrollmentLifetime))
	j.enroll = newEnrollScreen(j.common, j.session.Credentials.Username, msg.Enrollment, approval)
	j.phone.qrShown()
	return tea.Batch(j.stage.show(j.enroll), approval.Start())
}

// newCode starts a new enrollment once the old code can no longer serve.
func (j *journey) newCode() tea.Cmd {
	if j.now().Before(j.session.MFATokenDeadline()) || j.enrollBearer() != j.session.MFAToken {
		return j.startEnrollment(j.enrollBearer())
	}
	return j.signInAgain()
}

// enrolledWith lists the authenticators once the phone enrolled, to name
// the device.
func (j *journey) enrolledWith(tokens *auth0.Tokens, at time.Time) tea.Cmd {
	j.session.Earn(tokens, at)
	j.enrolledCodes = j.enroll.association.RecoveryCodes
	j.listFor = listForEnrolled
	token := j.session.MFAToken
	return j.stage.run(j.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, token) })
}

// showEnrolled names the device the enrollment confirmed: the newest
// active push of the list.
func (j *journey) showEnrolled(list []auth0.Authenticator) tea.Cmd {
	var a auth0.Authenticator
	if pushes := flow.Push.Answering(list); len(pushes) > 0 {
		a = pushes[len(pushes)-1]
	}
	user := j.session.Credentials.Username
	codes := j.enrolledCodes
	j.enrolledCodes = nil
	j.summary = fmt.Sprintf(j.t.App.ExitEnrolled, a.ID, j.deviceName(a), user)
	return j.stage.show(newEnrolledScreen(j.common, user, a, codes))
}

// The list.

// listPurpose says why the authenticators were fetched.
type listPurpose uint8

const (
	listForSelection listPurpose = iota // choose one to challenge or delete
	listForEnrolled                     // name the device just enrolled
	listForVerify                       // choose a factor to earn an MFA-API token
)

// fetchAuthenticators lists the user's authenticators for selection.
func (j *journey) fetchAuthenticators() tea.Cmd {
	j.listFor = listForSelection
	bearer := j.session.MFAToken
	token, viaAccess := j.session.MFAAccess(j.env.Client.MFAAudience(), auth0.ScopeReadAuthenticators, j.now())
	if viaAccess {
		bearer = token
	}
	j.listViaAccess = viaAccess
	return j.stage.run(j.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, bearer) })
}

func (j *journey) listed(msg flow.AuthenticatorsMsg) tea.Cmd {
	if msg.Err != nil {
		return j.listFailed(msg.Err)
	}
	if j.listFor == listForEnrolled {
		return j.showEnrolled(msg.Authenticators)
	}
	shown := msg.Authenticators
	if j.listFor == listForVerify {
		// Only what can verify: an MFA-API token is earned by answering.
		shown = slices.DeleteFunc(slices.Clone(shown), func(a auth0.Authenticator) bool { return !flow.CanVerify(a) })
		if len(shown) == 0 {
			j.after = afterMFA{}
			return tea.Batch(j.stage.show(j.list), j.stage.note(j.t.List.NoVerifier))
		}
	}
	cmd := j.list.show(shown, j.listTitle(), j.listFor == listForVerify)
	return tea.Batch(j.stage.show(j.list), cmd)
}

// listFailed explains a list that failed. Trying again after the access
// token was refused lists with the mfa_token instead; when the mfa_token
// expired while earning an access token, the password signs in again.
func (j *journey) listFailed(err error) tea.Cmd {
	if !j.listViaAccess || j.listFor != listForSelection {
		p := flow.Diagnose(err)
		if j.listFor == listForVerify && p.Kind == flow.ProblemTokenExpired && j.session.HasPassword() {
			return j.signInAgain()
		}
		j.showProblem(p, j.home)
		return nil
	}
	p := flow.DiagnoseAccessToken(err)
	problem := j.showProblem(p, j.home)
	if p.Kind == flow.ProblemAccessExpired || p.Kind == flow.ProblemAccessRefused {
		problem.retry = func() tea.Cmd {
			j.session.Tokens = nil // never sent again
			return j.fetchAuthenticators()
		}
	}
	return nil
}

func (j *journey) listTitle() string {
	t := j.t.List
	switch {
	case j.listFor == listForVerify && j.after.action == afterDelete:
		return fmt.Sprintf(t.TitleVerify, fmt.Sprintf(t.ForDelete, j.describe(j.after.target)))
	case j.listFor == listForVerify:
		return fmt.Sprintf(t.TitleVerify, t.ForEnroll)
	case j.kind == JourneyManage:
		return t.TitleManage
	}
	return t.TitleChallenge
}

// The challenge: a push and its wait, or a typed code.

// challengeAuthenticator answers enter on the list, as the chosen
// authenticator's factor says: a challenge and a wait (push), a challenge
// and a code (a code sent by SMS, voice or email), or a code at once (the
// app's one-time code, a recovery code).
func (j *journey) challengeAuthenticator(a auth0.Authenticator) tea.Cmd {
	f, handled := flow.FactorOf(a)
	switch {
	case !a.Active:
		return j.stage.note(j.t.List.PendingHint)
	case !handled:
		return j.stage.note(fmt.Sprintf(j.t.List.Unsupported, j.kindName(a.Kind())))
	case !j.now().Before(j.session.MFATokenDeadline()):
		return j.signInAgain()
	}
	j.target = a
	if f.ChallengeType == "" {
		c, show := j.openChallenge()
		return tea.Batch(show, c.enter(f, ""))
	}
	token := j.session.MFAToken
	return j.stage.run(j.t.Working.Challenging, func(env flow.Env) tea.Cmd { return flow.ChallengeCmd(env, token, f, a.ID) })
}

// openChallenge shows a new challenge screen for the target.
func (j *journey) openChallenge() (*challengeScreen, tea.Cmd) {
	j.stopWaits()
	j.challenge = newChallengeScreen(j.common, j.target, j.after.pending())
	return j.challenge, j.stage.show(j.challenge)
}

func (j *journey) challenged(msg flow.ChallengedMsg) tea.Cmd {
	if msg.Err != nil {
		j.showProblem(flow.Diagnose(msg.Err), j.list)
		return nil
	}
	f, _ := flow.FactorOf(j.target)
	c, show := j.openChallenge()
	if f.VerifyBy == flow.ByPolling {
		return tea.Batch(show, c.wait(flow.NewApproval(j.env, flow.ApprovalChallenge, j.session.MFAToken, msg.OOBCode,
			msg.At, j.session.MFATokenDeadline())))
	}
	return tea.Batch(show, c.enter(f, msg.OOBCode))
}

// verified handles the answer of a typed code: a wrong one stays on the
// code; a recovery code's answer carries the next one, to keep first.
func (j *journey) verified(msg flow.VerifiedMsg) tea.Cmd {
	c := j.challenge
	if c == nil {
		return nil
	}
	if msg.Err != nil {
		c.refused(flow.Diagnose(msg.Err))
		return nil
	}
	c.stop()
	if msg.Factor == flow.RecoveryCode && msg.Tokens.RecoveryCode != "" {
		j.session.Earn(msg.Tokens, msg.At)
		return j.stage.show(newNewRecoveryScreen(j.common, j.session.Credentials.Username, msg.Tokens.RecoveryCode))
	}
	return j.approvedWith(msg.Tokens, msg.At)
}

// approvedWith continues once MFA succeeded: the waiting action, or the
// result.
func (j *journey) approvedWith(tokens *auth0.Tokens, at time.Time) tea.Cmd {
	j.session.Earn(tokens, at)
	if j.after.pending() {
		return j.completeAfter()
	}
	return j.showResult()
}

func (j *journey) showResult() tea.Cmd {
	j.stopWaits()
	tokens := j.session.Tokens
	j.summary = fmt.Sprintf(j.t.App.ExitSignedIn, j.session.Credentials.Username, tokens.Scope)
	return j.stage.show(newResultScreen(j.common, tokens, j.session.TokensAt))
}

// backToList leaves the challenge: the wait stops at once, and a push
// still waiting is swiped off the simulated phone. Leaving a verification
// gives the waiting action up.
func (j *journey) backToList() tea.Cmd {
	var dismiss tea.Cmd
	if c := j.challenge; j.opts.Phone != nil && c != nil && c.pushWaiting() {
		dismiss = flow.DismissOnPhone(j.env, j.opts.Phone, c.target.ID)
	}
	j.stopWaits()
	j.stage.endCall()
	j.challenge = nil
	return tea.Batch(dismiss, j.stage.show(j.list))
}

// Deleting.

// deleteAuthenticator deletes a with the session's MFA-API access token,
// earning one first (a verification with an existing factor) when the
// session holds none.
func (j *journey) deleteAuthenticator(a auth0.Authenticator) tea.Cmd {
	if _, ok := j.session.MFAAccess(j.env.Client.MFAAudience(), auth0.ScopeRemoveAuthenticators, j.now()); ok {
		return j.deleteWithAccess(a)
	}
	j.after = afterMFA{action: afterDelete, target: a}
	return j.verifyForAccess()
}

// deleteWithAccess sends the DELETE with the access token earned.
func (j *journey) deleteWithAccess(a auth0.Authenticator) tea.Cmd {
	token, ok := j.session.MFAAccess(j.env.Client.MFAAudience(), auth0.ScopeRemoveAuthenticators, j.now())
	if !ok {
		j.showProblem(flow.Problem{Kind: flow.ProblemInsufficientScope}, j.list)
		return nil
	}
	j.deleting = a
	return j.stage.run(j.t.Working.Deleting, func(env flow.Env) tea.Cmd { return flow.DeleteCmd(env, token, a.ID) })
}

// deleted says so and refreshes the list. A refused or expired access
// token is dropped, and trying again earns a new one and sends the DELETE
// again.
func (j *journey) deleted(msg flow.DeletedMsg) tea.Cmd {
	if msg.Err != nil {
		p := flow.DiagnoseAccessToken(msg.Err)
		problem := j.showProblem(p, j.list)
		if p.Kind == flow.ProblemAccessExpired || p.Kind == flow.ProblemAccessRefused {
			a := j.deleting
			problem.retry = func() tea.Cmd {
				j.session.Tokens = nil // never sent again
				return j.deleteAuthenticator(a)
			}
		}
		return nil
	}
	j.summary = fmt.Sprintf(j.t.App.ExitDeleted, msg.AuthenticatorID)
	return tea.Batch(j.fetchAuthenticators(), j.stage.note(fmt.Sprintf(j.t.List.Deleted, msg.AuthenticatorID)))
}

// Verifying first, for an MFA-API token.

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
func (j *journey) verifyForAccess() tea.Cmd {
	fresh := j.now().Before(j.session.MFATokenDeadline())
	if j.session.Audience == j.env.Client.MFAAudience() && fresh {
		j.listFor = listForVerify
		token := j.session.MFAToken
		return j.stage.run(j.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, token) })
	}
	if !j.session.HasPassword() {
		j.showProblem(flow.Problem{Kind: flow.ProblemNoPassword}, j.signIn)
		return nil
	}
	return j.signInAgain()
}

// completeAfter runs the waiting action with the token just earned.
func (j *journey) completeAfter() tea.Cmd {
	after := j.after
	j.after = afterMFA{}
	switch after.action {
	case afterEnroll:
		return j.startEnrollment(j.enrollBearer())
	case afterDelete:
		return j.deleteWithAccess(after.target)
	}
	return nil
}
