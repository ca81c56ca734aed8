package auth0

// Outcome is what an answer of the token endpoint means for the caller.
// Every answer, including a failure to get one, maps to exactly one Outcome.
type Outcome uint8

const (
	// OutcomeFatal: an error that retrying will not fix (wrong code, bad
	// client, malformed answer). The zero value, so an unset Outcome is never
	// mistaken for success.
	OutcomeFatal Outcome = iota
	// OutcomeTokens: the grant succeeded and tokens were issued.
	OutcomeTokens
	// OutcomePending: authorization_pending; ask again after the interval.
	OutcomePending
	// OutcomeSlowDown: slow_down; ask again, 5 s more slowly from now on.
	OutcomeSlowDown
	// OutcomeRejected: the user refused the push on the device.
	OutcomeRejected
	// OutcomeExpired: the mfa_token, oob_code or enrollment ticket expired.
	OutcomeExpired
	// OutcomeRateLimited: HTTP 429 (or Auth0's "limit has been reached").
	OutcomeRateLimited
	// OutcomeTransient: a network failure, a 5xx or a body that is not
	// JSON; worth retrying with backoff.
	OutcomeTransient
)

var outcomeNames = [...]string{
	OutcomeFatal:       "fatal",
	OutcomeTokens:      "tokens",
	OutcomePending:     "pending",
	OutcomeSlowDown:    "slow_down",
	OutcomeRejected:    "rejected",
	OutcomeExpired:     "expired",
	OutcomeRateLimited: "rate_limited",
	OutcomeTransient:   "transient",
}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "unknown"
}

// Retryable reports whether asking again later can change the answer.
func (o Outcome) Retryable() bool {
	switch o {
	case OutcomePending, OutcomeSlowDown, OutcomeRateLimited, OutcomeTransient:
		return true
	}
	return false
}
