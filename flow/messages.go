package flow

import (
	"time"

	"github.com/mfapush/mfapush/auth0"
)

// SignedInMsg answers a password login.
type SignedInMsg struct {
	Result auth0.LoginResult
	Err    error
	At     time.Time
}

// AssociatedMsg answers /mfa/associate.
type AssociatedMsg struct {
	Association *auth0.Association
	Err         error
	At          time.Time
}

// AuthenticatorsMsg answers the authenticator list.
type AuthenticatorsMsg struct {
	Authenticators []auth0.Authenticator
	Err            error
}

// ChallengedMsg answers /mfa/challenge.
type ChallengedMsg struct {
	AuthenticatorID string
	Challenge       *auth0.Challenge
	Err             error
	At              time.Time
}

// VerifiedMsg answers an mfa-otp or mfa-recovery-code grant.
type VerifiedMsg struct {
	Method VerifyMethod
	Tokens *auth0.Tokens
	Err    error
	At     time.Time
}

// DeletedMsg answers an authenticator delete.
type DeletedMsg struct {
	AuthenticatorID string
	Err             error
}

// VerifyMethod is how a challenge was answered without the push.
type VerifyMethod uint8

const (
	VerifyOTP VerifyMethod = iota + 1
	VerifyRecoveryCode
)
