package plain

import (
	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// answerWithCode answers MFA with a code of the chosen authenticator: for
// SMS, voice and email the challenge sends it first; the app's code and a
// recovery code need none.
func (r *run) answerWithCode(f *flow.Factor, target auth0.Authenticator, list []auth0.Authenticator) Outcome {
	var oobCode string
	var fromPhone phoneCode
	if f.SendsCode() {
		r.say(r.t.Factors.Challenging, f.Name(r.t), r.deviceName(target), target.ID)
		seen := r.Sandbox.inboxMark()
		challenged, err := flow.Challenge(r.ctx, r.Env, r.session.MFAToken, f, target.ID)
		if err != nil {
			return r.failed(err)
		}
		oobCode = challenged.OOBCode
		r.say(r.t.Factors.CodeSent, flow.SentBy(r.t, f), r.deviceName(target))
		fromPhone = r.Sandbox.sentCode(f, seen)
	} else if f == flow.OTP {
		fromPhone = r.Sandbox.accountCode(r.session.Credentials.Username, list)
	}
	code, o := r.typedCode(f, fromPhone)
	if o != "" {
		return o
	}
	r.say(r.t.Factors.Checking)
	return r.verifyAnswer(flow.Answer{Factor: f, Code: code, OOBCode: oobCode})
}
