package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// The journey's enrollment (journey.go): associate, the QR code and its
// wait, the list that names the device; and verifying first, for the
// MFA-API token a second factor needs.

// enrollBearer is the token that may enroll: an MFA-API access token with
// the enroll scope when the session has one, else the mfa_token.
func (j *journey) enrollBearer() string {
	if token, ok := j.session.MFAAccess(j.env.Client.MFAAudience(), auth0.ScopeEnroll, j.now()); ok {
		return token
	}
	return j.session.MFAToken
}

// startEnrollment enrolls a factor: the one of the user's choice when
// the tenant offers more than push (journey_factors.go), else push. A user
// who has factors (mfa_requirements say challenge) and only the mfa_token
// goes straight to the associate, whose "User is already enrolled" leads
// to verifying first; the choice comes with the access token earned.
func (j *journey) startEnrollment(bearer string) tea.Cmd {
	j.stopWaits()
	firstOnly := j.plan.Path == flow.PathChallenge && bearer == j.session.MFAToken
	if choices := j.plan.Enrollable(); len(choices) > 1 && !firstOnly {
		j.choice = newFactorChoiceScreen(j.common, choices)
		return j.stage.show(j.choice)
	}
	j.choice = nil
	return j.enrollFactor(bearer, flow.Push, flow.EnrollInput{})
}

// enrollFactor sends the enrollment of f.
func (j *journey) enrollFactor(bearer string, f *flow.Factor, in flow.EnrollInput) tea.Cmd {
	j.stopWaits()
	j.enrolling, j.enrollInput = f, in
	return j.stage.run(j.t.Working.Associating, func(env flow.Env) tea.Cmd {
		return flow.EnrollCmd(env, bearer, f, in)
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
	if f := j.enrolling; f != nil && f != flow.Push {
		return j.confirmWithCode(f, msg.Enrollment)
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
		return j.enrollFactor(j.enrollBearer(), flow.Push, flow.EnrollInput{})
	}
	return j.signInAgain()
}

// enrolledWith lists the authenticators once the phone enrolled, to name
// the device.
func (j *journey) enrolledWith(tokens *auth0.Tokens, at time.Time, codes []string) tea.Cmd {
	j.session.Earn(tokens, at)
	j.enrolledCodes = codes
	j.listFor = listForEnrolled
	token := j.session.MFAToken
	return j.stage.run(j.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, token) })
}

// showEnrolled names the authenticator the enrollment confirmed: the
// newest active one of the factor enrolled.
func (j *journey) showEnrolled(list []auth0.Authenticator) tea.Cmd {
	f := j.enrolling
	if f == nil {
		f = flow.Push
	}
	var a auth0.Authenticator
	if active := f.Answering(list); len(active) > 0 {
		a = active[len(active)-1]
	}
	user := j.session.Credentials.Username
	codes := j.enrolledCodes
	j.enrolledCodes = nil
	j.summary = fmt.Sprintf(j.t.App.ExitEnrolled, a.ID, j.deviceName(a), user)
	return j.stage.show(newEnrolledScreen(j.common, user, a, codes))
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
