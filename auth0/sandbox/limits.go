package sandbox

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// limit is a token bucket: capacity tokens, refilled evenly over per. It is
// how Auth0 describes its limits ("burst 12, 12 a minute").
type limit struct {
	capacity int
	per      time.Duration
}

type bucket struct {
	tokens float64
	last   time.Time
}

// rate is what the x-ratelimit headers report.
type rate struct {
	limit     int
	remaining int
	reset     time.Time // when the next token is added
}

func (l limit) refill(b *bucket, now time.Time) {
	if b.last.IsZero() {
		b.tokens, b.last = float64(l.capacity), now
		return
	}
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = math.Min(float64(l.capacity), b.tokens+elapsed.Seconds()*float64(l.capacity)/l.per.Seconds())
		b.last = now
	}
}

func (l limit) state(b *bucket, now time.Time) rate {
	r := rate{limit: l.capacity, remaining: int(math.Floor(b.tokens)), reset: now}
	if b.tokens < float64(l.capacity) {
		missing := 1 - (b.tokens - math.Floor(b.tokens))
		r.reset = now.Add(time.Duration(missing * float64(l.per) / float64(l.capacity)))
	}
	return r
}

// take spends a token if there is one.
func (l limit) take(b *bucket, now time.Time) (bool, rate) {
	l.refill(b, now)
	if b.tokens < 1 {
		return false, l.state(b, now)
	}
	b.tokens--
	return true, l.state(b, now)
}

// peek reports whether a token is left without spending it.
func (l limit) peek(b *bucket, now time.Time) (bool, rate) {
	l.refill(b, now)
	return b.tokens >= 1, l.state(b, now)
}

// full reports whether the bucket is back to capacity, so it can be forgotten.
func (l limit) full(b *bucket, now time.Time) bool {
	l.refill(b, now)
	return b.tokens >= float64(l.capacity)
}

// buckets is a set of buckets of one limit, by key.
type buckets struct {
	limit
	m map[string]*bucket
}

func newBuckets(capacity int, per time.Duration) *buckets {
	return &buckets{limit: limit{capacity, per}, m: map[string]*bucket{}}
}

func (bs *buckets) get(key string) *bucket {
	b := bs.m[key]
	if b == nil {
		b = &bucket{}
		bs.m[key] = b
	}
	return b
}

func (bs *buckets) take(key string, now time.Time) (bool, rate) {
	return bs.limit.take(bs.get(key), now)
}
func (bs *buckets) peek(key string, now time.Time) (bool, rate) {
	return bs.limit.peek(bs.get(key), now)
}

func (bs *buckets) sweep(now time.Time) {
	for k, b := range bs.m {
		if bs.full(b, now) {
			delete(bs.m, k)
		}
	}
}

// headers are x-ratelimit-limit, -remaining and -reset (epoch seconds,
// rounded up), plus Retry-After when the request was refused.
func (r rate) headers(now time.Time, refused bool) http.Header {
	h := http.Header{}
	h.Set("X-Ratelimit-Limit", strconv.Itoa(r.limit))
	h.Set("X-Ratelimit-Remaining", strconv.Itoa(r.remaining))
	reset := r.reset.Unix()
	if r.reset.After(time.Unix(reset, 0)) {
		reset++ // never tell a client to come back too early
	}
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(reset, 10))
	if refused {
		wait := reset - now.Unix()
		if wait < 1 {
			wait = 1
		}
		h.Set("Retry-After", strconv.FormatInt(wait, 10))
	}
	return h
}

func tooManyRequests(r rate, now time.Time, desc string) *apiError {
	e := newError(http.StatusTooManyRequests, "too_many_requests", desc)
	e.header = r.headers(now, true)
	return e
}
