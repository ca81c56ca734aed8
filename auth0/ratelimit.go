package auth0

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RateLimit is what Auth0 says about its rate limits in the x-ratelimit-*
// and Retry-After headers.
type RateLimit struct {
	Limit      int           // x-ratelimit-limit: the bucket size
	Remaining  int           // x-ratelimit-remaining
	Reset      time.Time     // x-ratelimit-reset: when tokens are next added
	RetryAfter time.Duration // Retry-After
	Present    bool          // at least one of the headers was sent
}

// parseRateLimit reads the headers; at is when the answer arrived, for a
// Retry-After given as an HTTP date. Unreadable values are ignored; values
// too far off for a Duration saturate.
func parseRateLimit(h http.Header, at time.Time) RateLimit {
	var rl RateLimit
	if v, ok := headerInt(h, "X-Ratelimit-Limit"); ok {
		rl.Limit, rl.Present = v, true
	}
	if v, ok := headerInt(h, "X-Ratelimit-Remaining"); ok {
		rl.Remaining, rl.Present = v, true
	}
	if secs, ok := parseSeconds(h.Get("X-Ratelimit-Reset")); ok && secs > 0 {
		rl.Reset, rl.Present = farFuture, true
		if secs < float64(farFuture.Unix()) {
			rl.Reset = time.Unix(int64(secs), 0)
		}
	}
	if s := strings.TrimSpace(h.Get("Retry-After")); s != "" {
		if secs, ok := parseSeconds(s); ok {
			rl.RetryAfter, rl.Present = durationOf(secs), true
		} else if t, err := http.ParseTime(s); err == nil {
			rl.RetryAfter, rl.Present = max(t.Sub(at), 0), true
		}
	}
	return rl
}

// Wait is how long the headers ask a client to wait from now: the longer of
// Retry-After and the time until the reset. Zero when they ask nothing.
func (rl RateLimit) Wait(now time.Time) time.Duration {
	wait := rl.RetryAfter
	if !rl.Reset.IsZero() {
		wait = max(wait, rl.Reset.Sub(now))
	}
	return max(wait, 0)
}

// farFuture stands for a reset too far off to say.
var farFuture = time.Date(9999, time.December, 31, 23, 59, 59, 0, time.UTC)

// parseSeconds reads a number of seconds that is not negative, as servers
// write it ("5") and some proxies do ("5.0"); one too large for a float64
// reads as +Inf, which durationOf saturates.
func parseSeconds(s string) (float64, bool) {
	secs, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || math.IsNaN(secs) || secs < 0 {
		return 0, false
	}
	return secs, true
}

// durationOf converts seconds to a Duration, saturating at the longest one
// rather than overflowing into a negative or short wait.
func durationOf(secs float64) time.Duration {
	if secs >= float64(math.MaxInt64/int64(time.Second)) {
		return math.MaxInt64
	}
	return time.Duration(secs * float64(time.Second))
}

func headerInt(h http.Header, name string) (int, bool) {
	s := strings.TrimSpace(h.Get(name))
	if s == "" {
		return 0, false
	}
	// Some proxies send the value as a float ("12.0").
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1<<40 {
		return int(f), true
	}
	return 0, false
}
