package auth0

import (
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
// Retry-After given as an HTTP date. Unreadable values are ignored.
func parseRateLimit(h http.Header, at time.Time) RateLimit {
	var rl RateLimit
	if v, ok := headerInt(h, "X-Ratelimit-Limit"); ok {
		rl.Limit, rl.Present = v, true
	}
	if v, ok := headerInt(h, "X-Ratelimit-Remaining"); ok {
		rl.Remaining, rl.Present = v, true
	}
	if v, ok := headerInt(h, "X-Ratelimit-Reset"); ok && v > 0 {
		rl.Reset, rl.Present = time.Unix(int64(v), 0), true
	}
	if s := strings.TrimSpace(h.Get("Retry-After")); s != "" {
		if secs, err := strconv.Atoi(s); err == nil && secs >= 0 {
			rl.RetryAfter, rl.Present = time.Duration(secs)*time.Second, true
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
