package auth0

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// maxTracedBody bounds how much of a body an Exchange keeps for the trace.
const maxTracedBody = 64 << 10

// Exchange is one HTTP request to Auth0 and its answer, as an Observer sees
// it. Unless the client was told to reveal secrets, every secret value
// (docs/polling.md, "Secrets" 1) is replaced by a shell variable such as $MFA_TOKEN.
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
	// Cut counts what was left out of this record to bound its memory.
	Cut      Cut
	Started  time.Time
	Duration time.Duration
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

// Cut counts the bytes left out of an exchange to bound the memory it
// takes: the client keeps the first 64 KiB of a response body, and Bounded
// may cut any part.
type Cut struct {
	URL     int // bytes of the URL
	Headers int // bytes of header names and values, request and response
	Body    int // bytes of the bodies, request and response
}

// Any reports whether anything was left out.
func (c Cut) Any() bool { return c != Cut{} }

// exchangeOverhead is about what an Exchange takes besides its texts.
const exchangeOverhead = 512

// Size is about how many bytes of memory the exchange holds, with the copy
// of it kept aside for a reveal.
func (ex Exchange) Size() int {
	n := exchangeOverhead + len(ex.Op) + len(ex.Grant) + len(ex.Method) + len(ex.URL) + len(ex.ErrorCode) + len(ex.Failure) +
		headerSize(ex.RequestHeader) + headerSize(ex.ResponseHeader) + len(ex.RequestBody) + len(ex.ResponseBody)
	if ex.withSecrets != nil {
		n += ex.withSecrets.Size()
	}
	return n
}

func headerSize(h http.Header) int {
	n := 0
	for name, values := range h {
		for _, v := range values {
			n += len(name) + len(v)
		}
	}
	return n
}

// Bounded returns the exchange with its URL, each of its two header blocks
// and each of its two bodies cut to at most limit bytes, adding what was
// left out to Cut. A part cut is copied, so that the record holds no
// reference to the whole.
func (ex Exchange) Bounded(limit int) Exchange {
	var cut int
	ex.URL, cut = keepStartString(ex.URL, limit)
	ex.Cut.URL += cut
	ex.RequestHeader, cut = keepHeaders(ex.RequestHeader, limit)
	ex.Cut.Headers += cut
	ex.ResponseHeader, cut = keepHeaders(ex.ResponseHeader, limit)
	ex.Cut.Headers += cut
	ex.RequestBody, cut = keepStart(ex.RequestBody, limit)
	ex.Cut.Body += cut
	ex.ResponseBody, cut = keepStart(ex.ResponseBody, limit)
	ex.Cut.Body += cut
	ex.BodyTruncated = ex.BodyTruncated || cut > 0
	if ex.withSecrets != nil {
		raw := ex.withSecrets.Bounded(limit)
		ex.withSecrets = &raw
	}
	return ex
}

// keepStart keeps the first limit bytes of b, ending on a whole character,
// and says how many it left out.
func keepStart(b []byte, limit int) ([]byte, int) {
	if len(b) <= limit {
		return b, 0
	}
	n := runeStart(b, limit)
	return bytes.Clone(b[:n]), len(b) - n
}

func keepStartString(s string, limit int) (string, int) {
	if len(s) <= limit {
		return s, 0
	}
	n := runeStart([]byte(s[:min(len(s), limit+1)]), limit)
	return strings.Clone(s[:n]), len(s) - n
}

// runeStart backs limit up to the start of the character it falls in.
func runeStart(b []byte, limit int) int {
	n := limit
	for n > 0 && n > limit-utf8.UTFMax && !utf8.RuneStart(b[n]) {
		n--
	}
	return n
}

// keepHeaders keeps header values, by name in sorted order, until limit
// bytes of names and values are kept; the value that crosses the limit
// keeps its start.
func keepHeaders(h http.Header, limit int) (http.Header, int) {
	size := headerSize(h)
	if size <= limit {
		return h, 0
	}
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	slices.Sort(names)
	kept, left := make(http.Header), limit
	for _, name := range names {
		for _, v := range h[name] {
			if left <= len(name) {
				left = 0
				break
			}
			v, _ = keepStartString(v, left-len(name))
			kept[name] = append(kept[name], v)
			left -= len(name) + len(v)
		}
	}
	return kept, size - headerSize(kept)
}
