package auth0

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Error codes Auth0 sends in the "error" field that callers act on.
const (
	CodeMFARequired          = "mfa_required"
	CodeAuthorizationPending = "authorization_pending"
	CodeSlowDown             = "slow_down"
	CodeAccessDenied         = "access_denied"
	CodeInvalidGrant         = "invalid_grant"
	CodeExpiredToken         = "expired_token"
	CodeUnauthorizedClient   = "unauthorized_client"
	CodeInvalidRequest       = "invalid_request"
	CodeInvalidToken         = "invalid_token"
	CodeInsufficientScope    = "insufficient_scope"
	CodeTooManyRequests      = "too_many_requests"
	CodeTooManyAttempts      = "too_many_attempts"
)

// DescriptionRejected is the error_description of a push refused on the
// device. Auth0 has been seen sending it with access_denied and documents it
// with invalid_grant; both mean the same.
const DescriptionRejected = "MFA Authorization rejected."

// Error is every failure of a call to Auth0: an error answer, a failure to
// get one, or an answer that could not be understood.
type Error struct {
	// Op names the call, e.g. "POST /oauth/token (mfa-oob)".
	Op string
	// StatusCode is the HTTP status, 0 when no answer arrived.
	StatusCode int
	// Code is the answer's "error" (or Guardian's "errorCode").
	Code string
	// Description is the answer's "error_description" (or "message"),
	// cleaned of control characters and escape sequences.
	Description string
	// RateLimit holds the x-ratelimit-* and Retry-After headers, if sent.
	RateLimit RateLimit
	// Interval is the answer's "interval", the spacing a slow_down of the
	// CIBA grant asks for from now on; zero when it gave none.
	Interval time.Duration
	// Outcome classifies the failure (never OutcomeTokens).
	Outcome Outcome
	// Err is the underlying transport or decoding error, if any.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.StatusCode)
	}
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Description != "" {
		b.WriteString(": " + e.Description)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Rejected reports whether the user refused the push on the device.
func (e *Error) Rejected() bool { return e.Outcome == OutcomeRejected }

// AlreadyEnrolled reports whether /mfa/associate refused an mfa_token
// because the user already has an active authenticator.
func (e *Error) AlreadyEnrolled() bool {
	return strings.Contains(strings.ToLower(e.Description), "already enrolled")
}

// AsError returns err as an *Error when it is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// OutcomeOf classifies any error returned by this package; nil means tokens.
func OutcomeOf(err error) Outcome {
	if err == nil {
		return OutcomeTokens
	}
	if e, ok := AsError(err); ok {
		return e.Outcome
	}
	return OutcomeFatal
}

// parseInterval reads a whole number of seconds from an answer's
// "interval"; anything else, or an absurd value, gives zero.
func parseInterval(body []byte) time.Duration {
	var b struct {
		Interval json.RawMessage `json:"interval"`
	}
	if json.Unmarshal(body, &b) != nil || len(b.Interval) == 0 {
		return 0
	}
	d, err := parseExpiresIn(b.Interval)
	if err != nil || d > time.Hour {
		return 0
	}
	return d
}

// parseErrorBody reads an error answer in any of the shapes Auth0 uses: the
// Authentication API's {error, error_description}, Guardian's and the
// Management API's {statusCode, error, message, errorCode}, and the older
// {code, description}. ok is false when the body is not a JSON object.
func parseErrorBody(body []byte) (code, description string, ok bool) {
	var raw map[string]json.RawMessage
	if json.Unmarshal(body, &raw) != nil || raw == nil {
		return "", "", false
	}
	field := func(names ...string) string {
		for _, n := range names {
			var s string
			if v, found := raw[n]; found && json.Unmarshal(v, &s) == nil && s != "" {
				return s
			}
		}
		return ""
	}
	code = field("errorCode", "error", "code")
	// Guardian puts the HTTP reason ("Not Found") in error and the code in
	// errorCode; the Authentication API puts the code in error.
	if ec := field("errorCode"); ec != "" {
		code = ec
	}
	description = field("error_description", "message", "description")
	return CleanText(code), CleanText(description), true
}
