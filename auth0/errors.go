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

// Descriptions of the answers that callers act on, as Auth0 words them.
const (
	DescriptionInvalidOTP          = "Invalid otp_code."
	DescriptionInvalidBindingCode  = "Invalid binding_code."
	DescriptionInvalidRecoveryCode = "Invalid recovery_code."
	DescriptionTooManyFailedCodes  = "Too many failed codes. Wait for some minutes before retrying."
	DescriptionTooManySMS          = "Too many SMS sent by the user. Wait for some minutes before retrying."
)

// InvalidCode reports whether the code the user typed was wrong: an OTP,
// a binding code from an SMS, voice call or email, or a recovery code. It
// is never a rejected push, though some SDKs class both together.
func (e *Error) InvalidCode() bool {
	if e.Code == "a0.mfa_invalid_code" {
		return true
	}
	if e.Code != CodeInvalidGrant {
		return false
	}
	switch strings.TrimSpace(e.Description) {
	case DescriptionInvalidOTP, DescriptionInvalidBindingCode, DescriptionInvalidRecoveryCode,
		"MFA Invalid binding code.": // an older wording of Auth0's
		return true
	}
	return false
}

// TooManyAttempts reports whether too many wrong codes blocked the user's
// MFA for a while (Auth0 allows 10, then one more every 6 minutes). A
// password blocked by brute-force protection shares the error code but
// is not this: see AccountBlocked.
func (e *Error) TooManyAttempts() bool {
	if e.AccountBlocked() {
		return false
	}
	return e.Code == CodeTooManyAttempts || strings.HasPrefix(e.Description, "Too many failed codes")
}

// AccountBlocked reports whether brute-force protection blocked the
// user's sign-ins after wrong passwords.
func (e *Error) AccountBlocked() bool {
	return e.Code == CodeTooManyAttempts && strings.Contains(strings.ToLower(e.Description), "blocked")
}

// TooManyMessages reports whether the tenant refused to send another SMS,
// voice call or email: the user asked for too many (Auth0 allows 10 phone
// messages, then one an hour; 20 emails, then one a minute).
func (e *Error) TooManyMessages() bool {
	d := strings.ToLower(e.Description)
	return strings.HasPrefix(d, "too many sms") || strings.HasPrefix(d, "too many phone") ||
		strings.HasPrefix(d, "too many voice") || strings.HasPrefix(d, "too many email")
}

// CodeExpired reports whether the oob_code (and so the code sent with it)
// expired: the user must ask for a new one.
func (e *Error) CodeExpired() bool {
	return e.Code == CodeExpiredToken && strings.Contains(e.Description, "oob_code")
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
