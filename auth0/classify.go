package auth0

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Classify maps one answer of the token endpoint (or the failure to get one,
// in transportErr) to exactly one Outcome. It never panics, whatever the
// bytes.
func Classify(status int, header http.Header, body []byte, transportErr error) Outcome {
	_, err := interpretTokenAnswer("", status, header, body, transportErr, time.Now())
	return OutcomeOf(err)
}

// interpretTokenAnswer turns an answer of the token endpoint into tokens or
// an *Error carrying its Outcome.
func interpretTokenAnswer(op string, status int, header http.Header, body []byte, transportErr error, at time.Time) (*Tokens, error) {
	if transportErr != nil {
		return nil, failedAnswer(op, status, transportErr)
	}
	if status >= 200 && status < 300 {
		tokens, err := parseTokens(body)
		if err != nil {
			return nil, malformedAnswer(op, status, header, body, err)
		}
		return tokens, nil
	}
	return nil, answerError(op, status, header, body, at)
}

// interpretGrantAnswer is interpretTokenAnswer with the grant's own
// reading: the CIBA grant words a refusal differently.
func interpretGrantAnswer(k call, a answer, transportErr error) (*Tokens, error) {
	tokens, err := interpretTokenAnswer(k.op, a.status, a.header, a.body, transportErr, a.at)
	if k.grant == GrantCIBA {
		err = cibaOutcome(err)
	}
	return tokens, err
}

// answerError builds the *Error for a non-2xx answer and classifies it.
func answerError(op string, status int, header http.Header, body []byte, at time.Time) *Error {
	e := &Error{Op: op, StatusCode: status, RateLimit: parseRateLimit(header, at), Interval: parseInterval(body)}
	code, description, isJSON := parseErrorBody(body)
	e.Code, e.Description = code, description
	switch {
	case status == http.StatusTooManyRequests:
		e.Outcome = OutcomeRateLimited
	case !isJSON:
		// A proxy's or load balancer's page, or nothing at all: not Auth0's
		// considered answer, so worth another try.
		e.Outcome = OutcomeTransient
		e.Err = errNotJSON(header, body)
	case code == CodeAuthorizationPending:
		e.Outcome = OutcomePending
	case code == CodeSlowDown:
		e.Outcome = OutcomeSlowDown
	case (code == CodeAccessDenied || code == CodeInvalidGrant) && strings.EqualFold(strings.TrimSpace(description), DescriptionRejected):
		e.Outcome = OutcomeRejected
	case code == CodeExpiredToken:
		e.Outcome = OutcomeExpired
	case code == CodeTooManyRequests || code == CodeTooManyAttempts ||
		strings.Contains(strings.ToLower(description), "limit has been reached"):
		// Auth0 has been seen answering 500 "Global limit has been reached".
		e.Outcome = OutcomeRateLimited
	case status >= 500 || status == http.StatusRequestTimeout:
		e.Outcome = OutcomeTransient
	default:
		e.Outcome = OutcomeFatal
	}
	return e
}

// What came back when it was not Auth0's JSON, named without quoting it:
// the screen reads "Auth0 answered <this> (HTTP n)", in the user's language
// (the interface matches these errors; their text is the English default).
var (
	ErrEmptyBody = errors.New("an empty body")
	ErrHTMLPage  = errors.New("an HTML page, not JSON (a proxy or the wrong domain?)")
	ErrNotJSON   = errors.New("a body that is not JSON")
	ErrTooLarge  = fmt.Errorf("a body over %d MiB", MaxBodySize>>20)
)

// errNotJSON says which kind of body that is not a JSON object came back.
func errNotJSON(header http.Header, body []byte) error {
	ct := header.Get("Content-Type")
	switch {
	case len(body) == 0:
		return ErrEmptyBody
	case strings.Contains(ct, "html") || looksLikeHTML(body):
		return ErrHTMLPage
	default:
		return ErrNotJSON
	}
}

func looksLikeHTML(body []byte) bool {
	head := strings.ToLower(strings.TrimSpace(string(body[:min(len(body), 256)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

func malformedAnswer(op string, status int, header http.Header, body []byte, cause error) *Error {
	e := &Error{Op: op, StatusCode: status, Outcome: OutcomeFatal, Err: cause}
	var probe any
	if json.Unmarshal(body, &probe) != nil {
		// Success status with a body that is not JSON: a captive portal or a
		// proxy page rather than Auth0.
		e.Outcome = OutcomeTransient
		e.Err = errNotJSON(header, body)
	}
	return e
}

// failedAnswer classifies a call that got no usable answer. A body over
// the limit did come, with its status: the tenant is reachable, so it is
// not told as a network failure.
func failedAnswer(op string, status int, err error) *Error {
	e := transportError(op, err)
	if errors.Is(err, ErrTooLarge) {
		e.StatusCode = status
	}
	return e
}

// transportError classifies a failure to get an answer. TLS failures are
// fatal (retrying cannot fix a certificate); the rest are transient.
func transportError(op string, err error) *Error {
	e := &Error{Op: op, Outcome: OutcomeTransient, Err: err}
	var (
		unknownAuthority x509.UnknownAuthorityError
		invalidCert      x509.CertificateInvalidError
		hostname         x509.HostnameError
		verification     *tls.CertificateVerificationError
		recordHeader     tls.RecordHeaderError
	)
	switch {
	case errors.Is(err, context.Canceled):
		e.Outcome = OutcomeFatal
	case errors.As(err, &unknownAuthority), errors.As(err, &invalidCert), errors.As(err, &hostname), errors.As(err, &verification):
		e.Outcome = OutcomeFatal
		e.Err = &TLSError{Err: err}
	case errors.As(err, &recordHeader), strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		e.Outcome = OutcomeFatal
		e.Err = &TLSError{Err: err, PlainHTTP: true}
	}
	return e
}

// TLSError is a failed TLS handshake. It is never retried.
type TLSError struct {
	Err       error
	PlainHTTP bool // the server answered in plain HTTP
}

func (e *TLSError) Error() string {
	if e.PlainHTTP {
		return "the server does not speak TLS: for the local sandbox without --tls use http://"
	}
	return e.Err.Error() + " (behind a corporate proxy? point SSL_CERT_FILE at its CA certificate)"
}

func (e *TLSError) Unwrap() error { return e.Err }
