package plain

import (
	"fmt"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// challenge signs in, picks an authenticator and answers MFA with it: a
// push and its wait, or a code (challenge_code.go); with --otp-stdin or
// --recovery-code-stdin it checks that code instead of pushing.
func (r *run) challenge() Outcome {
	code, o := r.signIn(false)
	if o != "" {
		return o
	}
	answer := flow.Push
	if code.factor != nil {
		answer = code.factor
	}
	chosen := r.AuthenticatorID != "" && code.factor == nil // its factor is known once listed
	if !chosen {
		if o := r.challengeRefusal(answer); o != "" {
			return o
		}
	}
	list, o := r.list()
	if o != "" {
		return o
	}
	deadline := r.session.MFATokenDeadline()
	ch := &Challenge{ExpiresAt: deadline.UTC().Truncate(time.Second)}
	r.report.Challenge = ch
	if code.factor != nil {
		ch.Method = code.factor.ID
		return r.verifyCode(code)
	}
	target, o := r.challengeTarget(list)
	if o != "" {
		return o
	}
	f, _ := flow.FactorOf(target)
	if chosen {
		if o := r.challengeRefusal(f); o != "" {
			return o
		}
	}
	ch.Method = f.ID
	found := authenticatorOf(target)
	ch.Authenticator = &found
	if f != flow.Push {
		return r.answerWithCode(f, target, list)
	}
	if r.CodeStdin {
		return r.failInput(r.fill(r.t.Factors.CodeNotForPush, target.ID))
	}
	r.say(r.t.Plain.Pushing, r.deviceName(target), target.ID)
	challenged, err := flow.Challenge(r.ctx, r.Env, r.session.MFAToken, flow.Push, target.ID)
	if err != nil {
		return r.failed(err)
	}
	r.say(r.t.Challenge.Instructions)
	stopPhone := r.Sandbox.approve(r.ctx)
	defer stopPhone()
	a := flow.NewApproval(r.Env, flow.ApprovalChallenge, r.session.MFAToken, challenged.OOBCode, challenged.At, deadline)
	r.wait(a, r.t.Plain.WaitingApproval)
	ch.Polls = a.Polls()
	if a.State() == flow.ApprovalApproved {
		return r.approved(a.Tokens(), r.now())
	}
	return r.challengeEnded(a)
}

// challengeTarget is the authenticator to challenge: --authenticator, of
// any kind mfapush answers, or the first active Guardian push.
func (r *run) challengeTarget(list []auth0.Authenticator) (auth0.Authenticator, Outcome) {
	if r.AuthenticatorID == "" {
		if pushes := flow.Push.Answering(list); len(pushes) > 0 {
			return pushes[0], ""
		}
		return auth0.Authenticator{}, r.fail(flow.Problem{Kind: flow.ProblemNotEnrolled})
	}
	for _, a := range list {
		switch {
		case a.ID != r.AuthenticatorID:
		case !a.Active:
			return a, r.failInput(r.t.List.PendingHint)
		case !flow.CanVerify(a):
			return a, r.failInput(fmt.Sprintf(r.t.List.Unsupported, flow.KindName(r.t, a.Kind())))
		default:
			return a, ""
		}
	}
	fix := r.t.Plain.NoSuchAuthFix
	if r.Sandbox != nil {
		fix += " " + r.t.Plain.NoSuchAuthFresh
	}
	return auth0.Authenticator{}, r.failWith(OutcomeError, errorKindInput, r.fill(r.t.Plain.NoSuchAuth, r.AuthenticatorID), fix)
}

// verifyCode answers MFA with the code from stdin, with its factor's grant
// (mfa-otp or mfa-recovery-code). A recovery code works once: the answer
// carries the next one, which the person must keep.
func (r *run) verifyCode(code answerCode) Outcome {
	if code.factor == flow.RecoveryCode {
		r.say(r.t.Plain.UsingRecoveryCode)
	} else {
		r.say(r.t.Plain.UsingOTP)
	}
	return r.verifyAnswer(flow.Answer{Factor: code.factor, Code: code.value})
}

// verifyAnswer sends a typed answer and shows what it earned: after a
// recovery code, first the next one, which the person must keep.
func (r *run) verifyAnswer(answer flow.Answer) Outcome {
	verified, err := flow.Verify(r.ctx, r.Env, r.session.MFAToken, answer)
	if err != nil {
		return r.failed(err)
	}
	if next := verified.Tokens.RecoveryCode; next != "" {
		r.sayLabeled("", r.t.NewRecovery.Title, next)
		r.say(r.t.Plain.NewRecoveryCode)
		r.report.Challenge.RecoveryCodes = 1
	}
	return r.approved(verified.Tokens, verified.At)
}

// challengeEnded says why the wait ended without tokens.
func (r *run) challengeEnded(a *flow.Approval) Outcome {
	t := r.t.Challenge
	switch o := outcomeOf(a.State()); o {
	case OutcomeInterrupted:
		return r.interrupted()
	case OutcomeRejected:
		// Not an error: the person with the phone said no.
		r.say(t.Rejected)
		r.say(r.t.Plain.RejectedHint)
		return o
	case OutcomeExpired:
		return r.failWith(o, string(o), t.Expired, r.t.Plain.ExpiredHint)
	case OutcomeTimedOut:
		return r.failWith(o, string(o), t.TimedOut, r.t.Plain.ExpiredHint)
	case OutcomeRateLimited:
		return r.failWith(o, string(o), t.RateLimited, r.t.Plain.RunAgain)
	}
	return r.approvalFailed(a, t.Failed)
}

// approved says so and shows what MFA earned.
func (r *run) approved(tokens *auth0.Tokens, at time.Time) Outcome {
	r.say(r.t.Challenge.Approved)
	r.earn(tokens, at)
	r.sayTokens(tokens, at)
	return OutcomeApproved
}

// earn records the tokens MFA earned.
func (r *run) earn(tokens *auth0.Tokens, at time.Time) {
	r.session.Earn(tokens, at)
	r.report.Tokens = tokensOf(tokens, at, r.ShowTokens)
}

// sayTokens describes the tokens earned; their values only with
// --show-tokens.
func (r *run) sayTokens(tokens *auth0.Tokens, at time.Time) {
	t := r.t.Result
	r.say(t.Title)
	r.sayLabeled(indent, t.TokenType, tokens.TokenType)
	r.sayLabeled(indent, t.Scope, tokens.Scope)
	if aud := r.report.Tokens.Audience; aud != "" {
		r.sayLabeled(indent, t.Audience, aud)
	}
	if tokens.ExpiresIn > 0 {
		expiry := at.Add(tokens.ExpiresIn)
		now := r.now()
		r.sayLabeled(indent, t.ExpiresIn, r.t.ExpiresWhen(r.countdown(expiry.Sub(now)), now, expiry))
	} else {
		r.sayLabeled(indent, t.ExpiresIn, t.ExpiryUnknown)
	}
	for _, tk := range []struct{ label, value string }{
		{t.AccessToken, tokens.AccessToken}, {t.IDToken, tokens.IDToken}, {t.RefreshToken, tokens.RefreshToken},
	} {
		switch {
		case tk.value == "":
		case r.ShowTokens:
			r.sayLabeled(indent, tk.label, tk.value)
		default:
			r.sayLabeled(indent, tk.label, r.t.Plain.HiddenToken)
		}
		if note := flow.AccessTokenNote(r.t, tk.value); tk.label == t.AccessToken && note != "" {
			r.say(indent+indent+"%s", note) // why it cannot be decoded
		}
	}
}
