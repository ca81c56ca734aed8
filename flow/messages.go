package flow

import "github.com/mfapush/mfapush/auth0"

// The answers of the commands of commands.go: a step's value, or its error.

// SignedInMsg answers SignInCmd.
type SignedInMsg struct {
	SignedIn
	Err error
}

// AssociatedMsg answers EnrollCmd.
type AssociatedMsg struct {
	Enrollment
	Err error
}

// AuthenticatorsMsg answers AuthenticatorsCmd.
type AuthenticatorsMsg struct {
	Authenticators []auth0.Authenticator
	Err            error
}

// ChallengedMsg answers ChallengeCmd.
type ChallengedMsg struct {
	AuthenticatorID string
	Challenged
	Err error
}

// VerifiedMsg answers VerifyCmd.
type VerifiedMsg struct {
	Factor *Factor
	Verified
	Err error
}

// DeletedMsg answers DeleteCmd.
type DeletedMsg struct {
	AuthenticatorID string
	Err             error
}
