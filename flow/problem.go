package flow

import (
	"errors"
	"strings"

	"github.com/mfapush/mfapush/auth0"
)

// ProblemKind names what went wrong in terms a person can act on; the ui
// turns each into a title and a fix in the user's language.
type ProblemKind uint8

const (
	ProblemUnknown           ProblemKind = iota
	ProblemWrongCredentials              // invalid_grant "Wrong email or password."
	ProblemGrantNotAllowed               // unauthorized_client: the MFA or password grant is off
	ProblemBadClient                     // 401: wrong client id or secret
	ProblemMFANotRequired                // the login returned tokens: MFA is not required
	ProblemUnreachable                   // no answer from the tenant
	ProblemTLS                           // the certificate is not trusted
	ProblemRateLimited                   // 429
	ProblemServer                        // 5xx or a page that is not JSON
	ProblemAlreadyEnrolled               // an mfa_token cannot enroll a second factor
	ProblemTokenExpired                  // the mfa_token or code expired
	ProblemTokenInvalid                  // a malformed or foreign mfa_token
	ProblemInvalidCode                   // a wrong OTP or recovery code
	ProblemTooManyAttempts               // too many wrong codes
	ProblemInsufficientScope             // the token lacks an MFA API scope
	ProblemNotEnrolled                   // nothing to challenge
	ProblemFactorUnsupported             // the tenant refused the factor
	ProblemNoPassword                    // an MFA-API token needs a sign-in with a password
	ProblemAccountBlocked                // too many wrong passwords in a row: sign-ins are blocked
	ProblemAccessExpired                 // the MFA-API access token sent expired
	ProblemAccessRefused                 // the MFA-API access token sent was refused
	ProblemHelpdeskScope                 // the helpdesk application lacks a Management API scope
	ProblemUserNotFound                  // no such user
	ProblemHelpdeskGrant                 // the helpdesk application may not use client credentials or CIBA
	ProblemNoPushToVerify                // the user has no Guardian push to verify with
	ProblemBindingMessage                // a binding message Auth0 would refuse
	ProblemNoHelpdeskApp                 // no helpdesk application is configured
	ProblemNoMFAApp                      // only the helpdesk's application is configured
)

// Problem is a failure explained: its kind and, when Auth0 answered, the
// answer itself (already free of control characters and secrets).
type Problem struct {
	Kind ProblemKind
	Err  *auth0.Error // nil when the failure was not an answer
	Text string       // the error text, for the unknown case
	// Scopes are the Management API scopes the helpdesk application lacks.
	Scopes []string
}

// DiagnoseAccessToken is Diagnose for a call that sent an access token for
// the MFA API as its bearer: an expired or refused bearer is that access
// token, not an mfa_token.
func DiagnoseAccessToken(err error) Problem {
	p := Diagnose(err)
	switch p.Kind {
	case ProblemTokenExpired:
		p.Kind = ProblemAccessExpired
	case ProblemTokenInvalid:
		p.Kind = ProblemAccessRefused
	}
	return p
}

// Diagnose explains err. It never returns a Problem that repeats a secret:
// error texts from auth0 are already scrubbed.
func Diagnose(err error) Problem {
	if errors.Is(err, ErrMFANotRequired) {
		return Problem{Kind: ProblemMFANotRequired}
	}
	e, ok := auth0.AsError(err)
	if !ok {
		return Problem{Kind: ProblemUnknown, Text: err.Error()}
	}
	p := Problem{Err: e, Kind: ProblemUnknown}
	desc := strings.ToLower(e.Description)
	var tlsErr *auth0.TLSError
	switch {
	case errors.As(err, &tlsErr):
		p.Kind = ProblemTLS
	case e.StatusCode == 0:
		p.Kind = ProblemUnreachable
	case e.Code == auth0.CodeTooManyAttempts && strings.Contains(desc, "blocked"):
		// Brute-force protection: "Your account has been blocked after
		// multiple consecutive login attempts." Too many wrong MFA codes
		// share the code but not the words.
		p.Kind = ProblemAccountBlocked
	case e.Outcome == auth0.OutcomeRateLimited && e.Code == auth0.CodeTooManyAttempts:
		p.Kind = ProblemTooManyAttempts
	case e.Outcome == auth0.OutcomeRateLimited:
		p.Kind = ProblemRateLimited
	case e.Outcome == auth0.OutcomeTransient:
		p.Kind = ProblemServer
	case e.AlreadyEnrolled():
		p.Kind = ProblemAlreadyEnrolled
	case e.Code == auth0.CodeExpiredToken || strings.Contains(desc, "expired"):
		p.Kind = ProblemTokenExpired
	case e.Code == auth0.CodeUnauthorizedClient || strings.Contains(desc, "grant type"):
		p.Kind = ProblemGrantNotAllowed
	case e.StatusCode == 401 && e.Code == auth0.CodeAccessDenied, strings.Contains(desc, "client authentication"):
		p.Kind = ProblemBadClient
	case strings.Contains(desc, "wrong email or password"), strings.Contains(desc, "wrong username or password"):
		p.Kind = ProblemWrongCredentials
	case strings.Contains(desc, "invalid otp"), strings.Contains(desc, "invalid recovery"), strings.Contains(desc, "invalid binding"):
		p.Kind = ProblemInvalidCode
	case strings.Contains(desc, "malformed mfa_token"), strings.Contains(desc, "mfa_token not issued"),
		e.Code == auth0.CodeInvalidToken:
		p.Kind = ProblemTokenInvalid
	case e.Code == auth0.CodeInsufficientScope:
		p.Kind = ProblemInsufficientScope
	case e.Code == "unsupported_challenge_type" || e.Code == "association_required" || strings.Contains(desc, "not enrolled"):
		p.Kind = ProblemNotEnrolled
	case strings.Contains(desc, "not enabled") || strings.Contains(desc, "not supported"):
		p.Kind = ProblemFactorUnsupported
	}
	return p
}
