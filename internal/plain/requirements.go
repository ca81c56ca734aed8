package plain

import "github.com/mfapush/mfapush/flow"

// sayRequirements tells what mfa_required's mfa_requirements list, when
// the answer had them.
func (r *run) sayRequirements() {
	if text := flow.RequirementsText(r.t, r.plan); text != "" {
		r.say("%s", text)
	}
}

// enrollRefusal is why the requirements rule out enrolling f with the
// mfa_token, or "" to go on: a user with factors verifies first; a tenant
// that lists what to enroll may leave f out.
func (r *run) enrollRefusal(f *flow.Factor) Outcome {
	switch {
	case r.plan.Path == flow.PathChallenge:
		return r.alreadyEnrolled()
	case !r.plan.CanEnroll(f.Requirement):
		return r.factorNotAllowed(f.Requirement)
	}
	return ""
}

// challengeRefusal is why the requirements rule out answering MFA with
// the factor, or "" to go on.
func (r *run) challengeRefusal(f *flow.Factor) Outcome {
	switch {
	case r.plan.Path == flow.PathEnroll:
		return r.fail(flow.Problem{Kind: flow.ProblemNotEnrolled})
	case !r.plan.CanChallenge(f.Requirement):
		return r.factorNotAllowed(f.Requirement)
	}
	return ""
}

func (r *run) factorNotAllowed(factor string) Outcome {
	return r.fail(flow.Problem{Kind: flow.ProblemFactorUnsupported, Text: flow.FactorNotAllowedText(r.t, r.plan, factor)})
}
