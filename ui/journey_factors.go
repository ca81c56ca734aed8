package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// The journey's factors beside push (journey.go): what mfa_requirements
// allow, a new code sent by SMS, voice or email, and enrolling a factor of
// the user's choice.

// handleFactors carries out the intents of the factors' screens.
func (j *journey) handleFactors(_ screen, in intent) tea.Cmd {
	switch in := in.(type) {
	case chooseFactor:
		if in.factor.Needs != flow.NeedsNothing {
			return j.stage.show(newEnrollAddressScreen(j.common, in.factor))
		}
		return j.enrollFactor(j.enrollBearer(), in.factor, flow.EnrollInput{})
	case enrollWith:
		return j.enrollFactor(j.enrollBearer(), in.factor, in.input)
	case confirmEnrollment:
		token := j.session.MFAToken
		return j.stage.runInline(func(env flow.Env) tea.Cmd { return flow.VerifyCmd(env, token, in.answer) })
	}
	return nil
}

// confirmWithCode asks for the code that confirms an enrollment: the one
// sent by SMS, voice or email, or the app's first, after its QR code.
func (j *journey) confirmWithCode(f *flow.Factor, e flow.Enrollment) tea.Cmd {
	j.confirm = newEnrollCodeScreen(j.common, f, j.session.Credentials.Username, e.Association, j.enrollInput.Destination())
	if f == flow.OTP {
		j.phone.qrShown()
	}
	return j.stage.show(j.confirm)
}

// enrollmentConfirmed answers the code that confirms an enrollment: a
// wrong one stays on the code; the right one earns tokens, and the list
// names the authenticator enrolled.
func (j *journey) enrollmentConfirmed(msg flow.VerifiedMsg) tea.Cmd {
	c := j.confirm
	if msg.Err != nil {
		c.refused(flow.Diagnose(msg.Err))
		return nil
	}
	j.confirm = nil
	return j.enrolledWith(msg.Tokens, msg.At, c.association.RecoveryCodes)
}

// mustEnroll answers a challenge or a list when mfa_requirements say the
// user has no factor to answer with: nothing to challenge; trying again
// enrolls the first, as the requirements ask.
func (j *journey) mustEnroll() tea.Cmd {
	problem := j.showProblem(flow.Problem{Kind: flow.ProblemNotEnrolled, Text: flow.RequirementsText(j.t, j.plan)}, j.home)
	problem.retry = func() tea.Cmd {
		j.kind = JourneyEnroll
		return j.startEnrollment(j.enrollBearer())
	}
	return nil
}

// resendCode challenges the authenticator again, on the code's screen:
// the tenant sends a new code and the old one stops working.
func (j *journey) resendCode(a auth0.Authenticator) tea.Cmd {
	f, ok := flow.FactorOf(a)
	if !ok || j.challenge == nil {
		return nil
	}
	j.resending = true
	token := j.session.MFAToken
	return j.stage.runInline(func(env flow.Env) tea.Cmd { return flow.ChallengeCmd(env, token, f, a.ID) })
}

// codeResent hands the new challenge to the code's screen, or says why
// the tenant sent none (its limit on codes sent, most often).
func (j *journey) codeResent(msg flow.ChallengedMsg) tea.Cmd {
	j.resending = false
	c := j.challenge
	switch {
	case c == nil:
		return nil
	case msg.Err != nil:
		c.resendRefused(flow.Diagnose(msg.Err))
		return nil
	}
	c.codeResent(msg.OOBCode)
	return nil
}
