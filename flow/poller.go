package flow

import (
	"math/rand/v2"
	"time"

	"github.com/mfapush/mfapush/auth0"
)

// The polling policy (docs/polling.md, "Polling").
const (
	// DefaultInterval is Auth0's spacing: 12 mfa-oob polls a minute.
	DefaultInterval = 5 * time.Second
	// MaxInterval caps a configured interval and every backoff.
	MaxInterval = 60 * time.Second
	// SlowDownStep is added to the interval for good at each slow_down.
	SlowDownStep = 5 * time.Second
	// safetyFactor stretches each wait so that a clock running a little fast
	// never breaks the server's spacing.
	safetyFactor = 1.2
	// rateLimitFactor stretches the wait a 429 asks for, as Auth0's SDK does.
	rateLimitFactor = 1.25
	// slowDownsBeforeWarning: after this many slow_downs the clock is suspect.
	slowDownsBeforeWarning = 2
)

// Action is what to do after an answer.
type Action uint8

const (
	// ActionWait: poll again after Decision.Wait.
	ActionWait Action = iota
	// ActionDone: tokens arrived.
	ActionDone
	// ActionStop: a final answer (rejected, expired, fatal, or the deadline).
	ActionStop
)

// StopReason says why polling stopped without tokens.
type StopReason uint8

const (
	StopNone StopReason = iota
	StopRejected
	StopExpired
	StopDeadline
	StopRateLimited // a 429 asked to wait past the deadline
	StopFailed
)

// Decision is the policy's answer to one poll result.
type Decision struct {
	Action Action
	Wait   time.Duration
	Reason StopReason
}

// Poller decides when to poll next. It holds no timers: the caller waits.
type Poller struct {
	interval  time.Duration
	deadline  time.Time
	slowDowns int
	failures  int // transient failures in a row
	jitter    func() float64
}

// NewPoller starts a policy with the configured interval (defaulted when not
// positive, capped at MaxInterval) and a hard deadline.
func NewPoller(interval time.Duration, deadline time.Time) *Poller {
	return &Poller{interval: SanitizeInterval(interval), deadline: deadline, jitter: rand.Float64}
}

// SanitizeInterval replaces a non-positive interval with the default and
// caps an absurd one.
func SanitizeInterval(d time.Duration) time.Duration {
	switch {
	case d <= 0:
		return DefaultInterval
	case d > MaxInterval:
		return MaxInterval
	}
	return d
}

// Interval is the current spacing (it only grows, with slow_down).
func (p *Poller) Interval() time.Duration { return p.interval }

// Deadline is when polling gives up.
func (p *Poller) Deadline() time.Time { return p.deadline }

// SlowDowns counts the slow_down answers so far.
func (p *Poller) SlowDowns() int { return p.slowDowns }

// ClockSuspect reports that the server asked to slow down repeatedly, which
// usually means this machine's clock runs fast.
func (p *Poller) ClockSuspect() bool { return p.slowDowns >= slowDownsBeforeWarning }

// Failures counts transient failures in a row.
func (p *Poller) Failures() int { return p.failures }

// First is the wait before the first poll: one interval after the answer
// that started the wait, never at once.
func (p *Poller) First(now time.Time) Decision {
	return p.waitFor(p.Spacing(), now)
}

// Due reports whether a wake-up at now may still poll: the deadline is
// checked against the wall clock after every wake-up, so a machine that
// slept cannot overrun it.
func (p *Poller) Due(now time.Time) Decision {
	if !now.Before(p.deadline) {
		return Decision{Action: ActionStop, Reason: StopDeadline}
	}
	return Decision{Action: ActionWait}
}

// Next decides what follows one poll's outcome.
func (p *Poller) Next(outcome auth0.Outcome, rl auth0.RateLimit, now time.Time) Decision {
	if outcome != auth0.OutcomeTransient {
		p.failures = 0
	}
	switch outcome {
	case auth0.OutcomeTokens:
		return Decision{Action: ActionDone}
	case auth0.OutcomePending:
		return p.waitFor(p.Spacing(), now)
	case auth0.OutcomeSlowDown:
		p.slowDowns++
		p.interval += SlowDownStep
		return p.waitFor(p.Spacing(), now)
	case auth0.OutcomeRejected:
		return Decision{Action: ActionStop, Reason: StopRejected}
	case auth0.OutcomeExpired:
		return Decision{Action: ActionStop, Reason: StopExpired}
	case auth0.OutcomeRateLimited:
		wait := max(p.interval, rl.Wait(now))
		if wait < MaxInterval { // a longer one would overflow, stretched
			wait = time.Duration(float64(wait) * rateLimitFactor)
		}
		wait = min(max(wait, p.interval), MaxInterval)
		if !now.Add(wait).Before(p.deadline) {
			return Decision{Action: ActionStop, Reason: StopRateLimited}
		}
		return Decision{Action: ActionWait, Wait: wait}
	case auth0.OutcomeTransient:
		p.failures++
		return p.waitFor(p.backoff(), now)
	}
	return Decision{Action: ActionStop, Reason: StopFailed}
}

// Spacing is the wait between two polls while the answer is pending: the
// interval stretched by the safety factor. Screens and plain mode state it
// as the pace, since it is the wait the policy keeps.
func (p *Poller) Spacing() time.Duration {
	return time.Duration(float64(p.interval) * safetyFactor)
}

// backoff doubles from the interval for each failure in a row, up to
// MaxInterval, with up to 20% jitter so many clients do not retry together.
func (p *Poller) backoff() time.Duration {
	wait := p.Spacing()
	for i := 1; i < p.failures && wait < MaxInterval; i++ {
		wait *= 2
	}
	wait = min(wait, MaxInterval)
	wait += time.Duration(float64(wait) * 0.2 * p.jitter())
	return min(wait, MaxInterval)
}

// waitFor schedules a wait, cut short at the deadline so that the wake-up
// reports the deadline rather than sleeping past it.
func (p *Poller) waitFor(wait time.Duration, now time.Time) Decision {
	if left := p.deadline.Sub(now); left <= 0 {
		return Decision{Action: ActionStop, Reason: StopDeadline}
	} else if wait > left {
		wait = left
	}
	return Decision{Action: ActionWait, Wait: wait}
}
