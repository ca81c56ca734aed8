package auth0

import (
	"net/http"
	"time"
)

// maxTracedBody bounds how much of a body an Exchange keeps for the trace.
const maxTracedBody = 64 << 10

// Exchange is one HTTP request to Auth0 and its answer, as an Observer sees
// it. Unless the client was told to reveal secrets, every secret value
// (polling-and-safety.md) is replaced by a shell variable such as $MFA_TOKEN.
type Exchange struct {
	Op             string // what the call was for, e.g. "POST /oauth/token (mfa-oob)"
	Grant          string // the grant_type for token endpoint calls
	Method         string
	URL            string
	RequestHeader  http.Header
	RequestBody    []byte
	StatusCode     int // 0 when no answer arrived
	ResponseHeader http.Header
	ResponseBody   []byte
	BodyTruncated  bool // ResponseBody holds only the first part
	Started        time.Time
	Duration       time.Duration
	// Outcome classifies the answer the way the caller acted on it.
	Outcome Outcome
	// ErrorCode is the answer's error code ("authorization_pending"…), if any.
	ErrorCode string
	// Failure describes a transport failure, if no answer arrived.
	Failure string
	// Revealed is true when secrets were left in place on request.
	Revealed bool

	// withSecrets is this exchange as it went over the wire, kept when the
	// client hides secrets, for a reveal the user asks for later.
	withSecrets *Exchange
}

// WithSecrets is the exchange with its secret values in place, as it went
// over the wire, and Revealed set; ok is false when no such copy was kept.
func (ex Exchange) WithSecrets() (Exchange, bool) {
	switch {
	case ex.Revealed:
		return ex, true
	case ex.withSecrets == nil:
		return ex, false
	}
	return *ex.withSecrets, true
}

// Observer receives every exchange, after it completes, on the goroutine
// that made the call. It must not block.
type Observer func(Exchange)
