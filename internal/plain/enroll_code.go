package plain

import (
	"fmt"

	"github.com/mfapush/mfapush/flow"
)

// enrolling is the factor --factor asked for: push when none.
func (r *run) enrolling() *flow.Factor {
	if r.Factor == nil {
		return flow.Push
	}
	return r.Factor
}

// readEnrollInput reads what the factor enrolled needs, before the first
// request, so that a missing or malformed one fails fast: the phone number
// or the address from its flag, else from the terminal.
func (r *run) readEnrollInput() Outcome {
	f := r.enrolling()
	in := flow.EnrollInput{PhoneNumber: r.PhoneNumber, Email: r.Email}
	w := r.t.Factors
	var typed *string
	var prompt, missing string
	switch f.Needs {
	case flow.NeedsPhone:
		typed, prompt, missing = &in.PhoneNumber, w.PhonePrompt, w.NoPhone
	case flow.NeedsEmail:
		typed, prompt, missing = &in.Email, w.EmailPrompt, w.NoEmail
	default:
		return ""
	}
	if *typed == "" {
		if r.Terminal == nil {
			return r.failInput(missing)
		}
		line, err := r.Terminal.ReadLine(r.ctx, prompt)
		if o := r.inputEnded(err); o != "" {
			return o
		}
		*typed = line
	}
	in, problem := flow.CheckEnrollInput(r.t, f, in)
	if problem != "" {
		return r.failInput(problem)
	}
	r.enrollInput = in
	return ""
}

// enrollWithCode enrolls a factor confirmed with a code: the authenticator
// app (its QR code and secret, then its first code) or SMS, voice and
// email (the code sent). The sandbox's phone gives the code when no one
// else does.
func (r *run) enrollWithCode(f *flow.Factor) Outcome {
	r.say(r.t.Factors.Enrolling, f.Name(r.t))
	seen := r.Sandbox.inboxMark()
	enrollment, err := flow.Enroll(r.ctx, r.Env, r.session.MFAToken, f, r.enrollInput)
	if err != nil {
		if p := flow.Diagnose(err); p.Kind == flow.ProblemAlreadyEnrolled && r.ctx.Err() == nil {
			return r.alreadyEnrolled()
		}
		return r.failed(err)
	}
	as := enrollment.Association
	r.report.Enrollment.RecoveryCodes = len(as.RecoveryCodes)
	var fromPhone phoneCode
	if f == flow.OTP {
		r.showApp(as.BarcodeURI, as.Secret)
		fromPhone = r.Sandbox.appCode(as.BarcodeURI, flow.PhoneName(r.t, r.session.Credentials.Username))
	} else {
		r.say(r.t.Factors.CodeSent, flow.SentBy(r.t, f), r.enrollInput.Destination())
		fromPhone = r.Sandbox.sentCode(f, seen)
	}
	code, o := r.typedCode(f, fromPhone)
	if o != "" {
		return o
	}
	r.say(r.t.Factors.Checking)
	verified, err := flow.Verify(r.ctx, r.Env, r.session.MFAToken, flow.Answer{Factor: f, Code: code, OOBCode: as.OOBCode})
	if err != nil {
		return r.failed(err)
	}
	r.earn(verified.Tokens, verified.At)
	o = r.enrolled(f)
	r.sayRecoveryCodes(as.RecoveryCodes)
	if r.ShowTokens {
		r.sayTokens(verified.Tokens, verified.At)
	}
	return o
}

// showApp prints what an authenticator app needs: the QR code (once) and
// its secret, in groups of four to type it in.
func (r *run) showApp(uri, secret string) {
	r.say(r.t.Factors.AppSteps)
	r.printQR(uri)
	r.sayLabeled("", r.t.Factors.SecretLabel, flow.SecretGroups(secret))
}

// typedCode is the code that answers f: the next line of stdin with
// --code-stdin, else the sandbox's phone's, else the person's at the
// terminal.
func (r *run) typedCode(f *flow.Factor, fromPhone phoneCode) (string, Outcome) {
	w := r.t.Factors
	switch {
	case r.CodeStdin:
		line, err := r.stdinLine("--code-stdin")
		if err != nil {
			return "", r.inputEnded(err)
		}
		return r.checkCode(f, line)
	case fromPhone != nil:
		code, err := fromPhone(r.ctx)
		if err != nil {
			if r.ctx.Err() != nil {
				return "", r.interrupted()
			}
			return "", r.failInput(err.Error())
		}
		switch {
		case f.SendsCode():
			r.say(w.SandboxCode, flow.SentBy(r.t, f))
		case r.Command == CommandEnroll:
			r.say(w.SandboxAppCode)
		default:
			r.say(w.SandboxAccountCode)
		}
		return code, ""
	case r.Terminal != nil:
		prompt := w.AppCodePrompt
		if f.SendsCode() {
			prompt = fmt.Sprintf(w.CodePrompt, flow.SentBy(r.t, f))
		}
		line, err := r.Terminal.ReadLine(r.ctx, prompt)
		if o := r.inputEnded(err); o != "" {
			return "", o
		}
		return r.checkCode(f, line)
	}
	return "", r.failInput(w.NoCode)
}

// checkCode reads a code as its factor reads them; a code that cannot be
// one fails before it is sent.
func (r *run) checkCode(f *flow.Factor, line string) (string, Outcome) {
	code, ok := f.ReadCode(line)
	switch {
	case code == "":
		return "", r.failInput(r.fill(r.t.Plain.EmptyStdin, "--code-stdin"))
	case !ok && f.SendsCode():
		return "", r.failInput(r.t.Factors.BadCode)
	case !ok:
		return "", r.failInput(r.t.Factors.BadAppCode)
	}
	return code, ""
}
