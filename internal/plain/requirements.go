package plain

import (
	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// sayRequirements tells what mfa_required's mfa_requirements list, when
// the answer had them.
func (r *run) sayRequirements() {
	if text := flow.RequirementsText(r.t, r.plan); text != "" {
		r.say("%s", text)
	}
}

// enrollRefusal is why the requirements rule out enrolling push with the
// mfa_token, or "" to go on: a user with factors verifies first; a tenant
// that lists what to enroll may leave push out.
func (r *run) enrollRefusal() Outcome {
	switch {
	case r.plan.Path == flow.PathChallenge:
		return r.alreadyEnrolled()
	case !r.plan.CanEnroll(auth0.FactorPushNotification):
		return r.factorNotAllowed(auth0.FactorPushNotification)
	}
	return ""
}

// challengeRefusal is why the requirements rule out answering MFA with
// method (push, otp or recovery_code), or "" to go on.
func (r *run) challengeRefusal(method string) Outcome {
	factor := map[string]string{
		methodPush: auth0.FactorPushNotification, methodOTP: auth0.FactorOTP, methodRecoveryCode: auth0.FactorRecoveryCode,
	}[method]
	switch {
	case r.plan.Path == flow.PathEnroll:
		return r.fail(flow.Problem{Kind: flow.ProblemNotEnrolled})
	case !r.plan.CanChallenge(factor):
		return r.factorNotAllowed(factor)
	}
	return ""
}

func (r *run) factorNotAllowed(factor string) Outcome {
	return r.fail(flow.Problem{Kind: flow.ProblemFactorUnsupported, Text: flow.FactorNotAllowedText(r.t, r.plan, factor)})
}
