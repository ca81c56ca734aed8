package ui

import (
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// The journey's list (journey.go), and what is done from it: challenging
// an authenticator, deleting one.

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
			return tea.Batch(j.stage.show(j.authenticatorList()), j.stage.note(j.t.List.NoVerifier))
		}
	}
	cmd := j.authenticatorList().show(shown, j.listTitle(), j.listFor == listForVerify)
	return tea.Batch(j.stage.show(j.authenticatorList()), cmd)
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
	case !j.plan.CanChallenge(f.Requirement):
		return j.stage.note(flow.FactorNotAllowedText(j.t, j.plan, f.Requirement))
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
	if j.resending {
		return j.codeResent(msg)
	}
	if msg.Err != nil {
		j.showProblem(flow.Diagnose(msg.Err), j.authenticatorList())
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
	if j.confirm != nil {
		return j.enrollmentConfirmed(msg)
	}
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
	return tea.Batch(dismiss, j.stage.show(j.authenticatorList()))
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
		j.showProblem(flow.Problem{Kind: flow.ProblemInsufficientScope}, j.authenticatorList())
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
		problem := j.showProblem(p, j.authenticatorList())
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
