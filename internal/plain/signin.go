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
	creds, o := r.input()
	r.report.User = auth0.CleanText(creds.username)
	if o != "" {
		return code, o
	}
	login := auth0.PasswordLogin{Username: creds.username, Password: creds.password, Realm: r.Realm}
	if forMFAAPI {
		login.Audience, login.Scope = r.Env.Client.MFAAudience(), flow.ScopeMFAAPI
	} else {
		login.Audience, login.Scope = r.Audience, flow.ScopeLogin
	}
	r.session = flow.Session{
		Credentials: flow.Credentials{Username: creds.username, Password: creds.password, Realm: r.Realm},
		Audience:    login.Audience, Scope: login.Scope,
	}
	r.say(r.t.Plain.SigningIn, r.user())
	msg := flow.SignIn(r.Env, login)().(flow.SignedInMsg)
	switch {
	case msg.Err != nil:
		return code, r.failed(msg.Err)
	case msg.Result.Tokens != nil:
		return code, r.fail(flow.Problem{Kind: flow.ProblemMFANotRequired})
	}
	r.session.MFAToken, r.session.MFATokenAt = msg.Result.MFARequired.MFAToken, msg.At
	r.plan = flow.PlanMFA(msg.Result.MFARequired.Requirements)
	r.sayRequirements()
	return creds.code, ""
}

// list fetches the user's authenticators with the mfa_token.
func (r *run) list() ([]auth0.Authenticator, Outcome) {
	msg := flow.ListAuthenticators(r.Env, r.session.MFAToken)().(flow.AuthenticatorsMsg)
	if msg.Err != nil {
		return nil, r.failed(msg.Err)
	}
	r.report.Authenticators = authenticatorsOf(msg.Authenticators)
	return msg.Authenticators, ""
}

// activePushes are the Guardian push authenticators that can be
// challenged, oldest first.
func activePushes(list []auth0.Authenticator) []auth0.Authenticator {
	var out []auth0.Authenticator
	for _, a := range list {
		if a.Kind() == auth0.KindPush && a.Active {
			out = append(out, a)
		}
	}
	return out
}
