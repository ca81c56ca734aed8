package plain

import (
	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// signIn gathers the input and signs in for an mfa_token: for the MFA API
// (enroll, list) or for the configured audience (a challenge), as the TUI
// does. It returns the code from stdin that answers instead of a push, if
// any, and "" to go on.
func (r *run) signIn(forMFAAPI bool) (code answerCode, o Outcome) {
	creds, code, o := r.input()
	r.report.User = auth0.CleanText(creds.Username)
	if o != "" {
		return code, o
	}
	login := flow.Login(r.Env, creds, forMFAAPI, r.Audience)
	r.session = flow.Begin(creds, login)
	r.say(r.t.Plain.SigningIn, r.user())
	signedIn, err := flow.SignIn(r.ctx, r.Env, login)
	if err != nil {
		return code, r.failed(err)
	}
	r.session.SignedIn(signedIn)
	r.plan = signedIn.Plan
	r.sayRequirements()
	return code, ""
}

// list fetches the user's authenticators with the mfa_token.
func (r *run) list() ([]auth0.Authenticator, Outcome) {
	list, err := flow.Authenticators(r.ctx, r.Env, r.session.MFAToken)
	if err != nil {
		return nil, r.failed(err)
	}
	r.report.Authenticators = authenticatorsOf(list)
	return list, ""
}
