package auth0

import (
	"context"
	"net/http"
)

// ChallengeRequest asks /mfa/challenge to challenge an authenticator.
type ChallengeRequest struct {
	MFAToken string
	// ChallengeType is a space-separated list: "oob", "otp" or "oob otp".
	ChallengeType string
	// AuthenticatorID picks the authenticator; empty lets Auth0 choose.
	AuthenticatorID string
}

// Challenge is the answer of /mfa/challenge.
type Challenge struct {
	ChallengeType string `json:"challenge_type"`
	// OOBCode is polled with the mfa-oob grant until the push is answered;
	// for SMS, voice and email it goes with the code sent to the user.
	OOBCode string `json:"oob_code,omitempty"`
	// BindingMethod is "prompt" for SMS, voice and email: see
	// NeedsBindingCode.
	BindingMethod string `json:"binding_method,omitempty"`
}

// NeedsBindingCode reports whether the challenge is answered with the code
// sent to the user (the mfa-oob grant's binding_code) rather than by
// polling until a push is approved.
func (c *Challenge) NeedsBindingCode() bool { return c.BindingMethod == BindingPrompt }

type challengeBody struct {
	ClientID        string `json:"client_id"`
	ClientSecret    string `json:"client_secret,omitempty"`
	MFAToken        string `json:"mfa_token"`
	ChallengeType   string `json:"challenge_type,omitempty"`
	AuthenticatorID string `json:"authenticator_id,omitempty"`
}

// Challenge starts a challenge: for a push authenticator it sends the
// notification to the device; for SMS, voice and email it sends a code,
// and calling it again sends a new one (the tenant limits how often).
func (c *Client) Challenge(ctx context.Context, req ChallengeRequest) (*Challenge, error) {
	var out Challenge
	err := c.jsonCall(ctx, call{
		op: "POST /mfa/challenge", method: http.MethodPost, path: "/mfa/challenge",
		json: challengeBody{ClientID: c.clientID, ClientSecret: c.clientSecret, MFAToken: req.MFAToken,
			ChallengeType: req.ChallengeType, AuthenticatorID: req.AuthenticatorID},
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}
