package flow

import (
	"context"
	"errors"
	"time"

	"github.com/mfapush/mfapush/auth0"
)

// The steps: one call to Auth0 each, typed. The plain mode calls them
// directly; the interface runs them through the commands of commands.go.

// ErrMFANotRequired says Auth0 signed the user in without MFA: there is no
// mfa_token to go on with (Diagnose: ProblemMFANotRequired).
var ErrMFANotRequired = errors.New("the sign-in returned tokens: MFA is not required for this user")

// SignedIn is a password sign-in that Auth0 answered with mfa_required.
type SignedIn struct {
	MFAToken string
	At       time.Time // the mfa_token's five minutes run from here
	Plan     MFAPlan   // what mfa_requirements lets the token do
}

// SignIn signs a user in with a password; the answer mfapush needs is
// mfa_required, with its mfa_token.
func SignIn(ctx context.Context, env Env, login auth0.PasswordLogin) (SignedIn, error) {
	res, err := env.Client.LoginWithPassword(ctx, login)
	switch {
	case err != nil:
		return SignedIn{}, err
	case res.MFARequired == nil:
		return SignedIn{}, ErrMFANotRequired
	}
	return SignedIn{MFAToken: res.MFARequired.MFAToken, At: env.now(), Plan: PlanMFA(res.MFARequired.Requirements)}, nil
}

// Enrollment is an /mfa/associate answer: a factor to confirm.
type Enrollment struct {
	*auth0.Association
	At time.Time // a push ticket's five minutes run from here
}

// Enroll starts the enrollment of a factor. bearer is the mfa_token, or an
// MFA-API access token when the user already has a factor.
func Enroll(ctx context.Context, env Env, bearer string, f *Factor, in EnrollInput) (Enrollment, error) {
	if f.Associate == nil {
		return Enrollment{}, errors.New("mfapush does not enroll " + f.ID + " on its own")
	}
	as, err := env.Client.Associate(ctx, bearer, f.Associate(in))
	if err != nil {
		return Enrollment{}, err
	}
	return Enrollment{Association: as, At: env.now()}, nil
}

// Authenticators lists the user's authenticators, pending ones included.
func Authenticators(ctx context.Context, env Env, bearer string) ([]auth0.Authenticator, error) {
	return env.Client.ListAuthenticators(ctx, bearer)
}

// Challenged is an /mfa/challenge answer.
type Challenged struct {
	// OOBCode is what the mfa-oob grant sends: polled for a push, sent
	// once with the binding code for a code sent by SMS, voice or email.
	OOBCode       string
	BindingMethod string // "prompt": the user types the code sent
	At            time.Time
}

// Challenge challenges one of the user's authenticators with its factor's
// challenge type (or lets Auth0 choose when authenticatorID is empty).
func Challenge(ctx context.Context, env Env, mfaToken string, f *Factor, authenticatorID string) (Challenged, error) {
	ch, err := env.Client.Challenge(ctx, auth0.ChallengeRequest{
		MFAToken: mfaToken, ChallengeType: f.ChallengeType, AuthenticatorID: authenticatorID,
	})
	if err != nil {
		return Challenged{}, err
	}
	return Challenged{OOBCode: ch.OOBCode, BindingMethod: ch.BindingMethod, At: env.now()}, nil
}

// Answer is a typed answer to MFA: a factor's code and, for a code sent by
// SMS, voice or email, the oob_code of its challenge.
type Answer struct {
	Factor  *Factor
	Code    string
	OOBCode string
}

// Verified is what an answer earned.
type Verified struct {
	// Tokens carry, after a recovery code, the next recovery code.
	Tokens *auth0.Tokens
	At     time.Time
}

// Verify sends a typed answer with its factor's grant. A push is not
// answered here: its Approval polls.
func Verify(ctx context.Context, env Env, mfaToken string, a Answer) (Verified, error) {
	var tokens *auth0.Tokens
	var err error
	switch a.Factor.VerifyBy {
	case ByOTP:
		tokens, err = env.Client.VerifyOTP(ctx, mfaToken, a.Code)
	case ByRecoveryCode:
		tokens, err = env.Client.VerifyRecoveryCode(ctx, mfaToken, a.Code)
	case ByBindingCode:
		tokens, err = env.Client.VerifyOOB(ctx, mfaToken, a.OOBCode, a.Code)
	default:
		return Verified{}, errors.New(a.Factor.ID + " is not answered with a code")
	}
	if err != nil {
		return Verified{}, err
	}
	return Verified{Tokens: tokens, At: env.now()}, nil
}

// Delete removes an authenticator (a push takes its OTP twin with it) with
// an MFA-API access token.
func Delete(ctx context.Context, env Env, accessToken, authenticatorID string) error {
	return env.Client.DeleteAuthenticator(ctx, accessToken, authenticatorID)
}
