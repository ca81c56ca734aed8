package trace

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Line is one exchange as one line of the trace list. Every field is safe to
// print on a terminal.
type Line struct {
	Method, Path string
	Status       int // 0 when no answer came
	Duration     time.Duration
	Result       string
}

// Lengths past which a summary field is cut: a list line must stay a line.
const (
	maxPath   = 80
	maxResult = 60
)

// Summarize describes an exchange in one line. Result is what the answer
// meant, in the protocol's own words: for token endpoint answers the error
// code or "tokens" (in c's words) / "mfa_required" (e.g. "authorization_pending",
// "slow_down", "access_denied", "expired_token"), for other calls the error
// code or the status text ("200 OK", "204 No Content"), and
// "network error: <short>" when no answer came.
//
// The few words that are not the protocol's come from c.
func Summarize(ex auth0.Exchange, c *i18n.Catalog) Line {
	return Line{
		Method:   clip(inert(ex.Method), 10),
		Path:     clip(inert(pathOf(ex.URL)), maxPath),
		Status:   ex.StatusCode,
		Duration: ex.Duration,
		Result:   clip(inert(result(ex, c)), maxResult),
	}
}

// String is the line as plain text: "POST /oauth/token 400
// authorization_pending 12ms", "GET /mfa/authenticators 200 OK 9ms".
func (l Line) String() string {
	result := l.Result
	if status := strconv.Itoa(l.Status); l.Status != 0 && !strings.HasPrefix(result, status) {
		result = status + " " + result
	}
	return fmt.Sprintf("%s %s %s %s", l.Method, l.Path, result, roundDuration(l.Duration))
}

func pathOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

func result(ex auth0.Exchange, c *i18n.Catalog) string {
	switch {
	case ex.StatusCode == 0:
		return fmt.Sprintf(c.Trace.NetworkError, shortFailure(ex.Failure, c))
	case ex.Failure != "":
		// An answer came but could not be read (too large, cut off).
		return fmt.Sprintf(c.Trace.Unread, statusText(ex.StatusCode), shortFailure(ex.Failure, c))
	case ex.Grant != "" && ex.StatusCode >= 200 && ex.StatusCode < 300:
		return c.Trace.Tokens
	case ex.ErrorCode != "" && ex.StatusCode >= 300:
		return ex.ErrorCode
	}
	return statusText(ex.StatusCode)
}

// statusText is "200 OK", or the bare number for a status Go has no text for.
func statusText(code int) string {
	if text := http.StatusText(code); text != "" {
		return strconv.Itoa(code) + " " + text
	}
	return strconv.Itoa(code)
}

// shortFailure keeps the last clause of a Go network error: "dial tcp
// 127.0.0.1:1: connect: connection refused" says "connection refused".
func shortFailure(failure string, c *i18n.Catalog) string {
	failure = strings.TrimSpace(failure)
	if failure == "" {
		return c.Trace.NoAnswer
	}
	if i := strings.LastIndex(failure, ": "); i >= 0 && i+2 < len(failure) {
		failure = failure[i+2:]
	}
	return failure
}

// roundDuration keeps durations readable: 12ms, 1.2s, 850µs.
func roundDuration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(time.Millisecond).String()
	}
	return d.Round(time.Microsecond).String()
}
