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
	// OOBCode is polled with the mfa-oob grant until the push is answered.
	OOBCode       string `json:"oob_code,omitempty"`
	BindingMethod string `json:"binding_method,omitempty"`
}

type challengeBody struct {
	ClientID        string `json:"client_id"`
	ClientSecret    string `json:"client_secret,omitempty"`
	MFAToken        string `json:"mfa_token"`
	ChallengeType   string `json:"challenge_type,omitempty"`
	AuthenticatorID string `json:"authenticator_id,omitempty"`
}

// Challenge starts a challenge; for a push authenticator it sends the
// notification to the device.
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
