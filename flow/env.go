package flow

import (
	"context"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/clock"
)

// Lifetimes Auth0 enforces that the flows plan around.
const (
	// MFATokenLifetime is how long an mfa_token is planned to last. Auth0
	// does not publish it: one of its articles allows "a five-minute
	// maximum between providing your first and second factors", another
	// says ten minutes. Planning on the shorter stops a wait before the
	// tenant would, never after; the sandbox's own lifetime is its option
	// MFATokenLifetime, 5 minutes by default.
	MFATokenLifetime = 5 * time.Minute
	// EnrollmentLifetime: the QR code must be scanned within 5 minutes.
	EnrollmentLifetime = 5 * time.Minute
)

// Scopes asked for at sign-in.
const (
	// ScopeMFAAPI lets the tokens earned by a challenge enroll, list and
	// delete authenticators (with the MFA API audience).
	ScopeMFAAPI = "openid profile email enroll read:authenticators remove:authenticators"
	// ScopeLogin is the scope of a plain sign-in with a configured audience.
	ScopeLogin = "openid profile email"
)

// Env is what every command needs: the client, the clock, and the context
// that ends when the program does.
type Env struct {
	Client *auth0.Client
	Clock  clock.Clock
	Ctx    context.Context
	// PollInterval is the configured spacing of approval polls.
	PollInterval time.Duration
	// Jitter gives the random share, in [0, 1), of each backoff after a
	// transient failure; nil means random. Tests fix it to get exact spacing.
	Jitter func() float64
}

func (e Env) now() time.Time {
	if e.Clock == nil {
		return time.Now()
	}
	return e.Clock.Now()
}

func (e Env) clock() clock.Clock {
	if e.Clock == nil {
		return clock.Real
	}
	return e.Clock
}

func (e Env) ctx() context.Context {
	if e.Ctx == nil {
		return context.Background()
	}
	return e.Ctx
}
