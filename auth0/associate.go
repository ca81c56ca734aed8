package auth0

import (
	"context"
	"net/http"
)

// AssociateRequest asks /mfa/associate to enroll an authenticator.
type AssociateRequest struct {
	AuthenticatorTypes []string `json:"authenticator_types"`
	OOBChannels        []string `json:"oob_channels,omitempty"`
	PhoneNumber        string   `json:"phone_number,omitempty"`
	Email              string   `json:"email,omitempty"`
}

// PushEnrollment enrolls Guardian push (an oob authenticator on the auth0 channel).
func PushEnrollment() AssociateRequest {
	return AssociateRequest{AuthenticatorTypes: []string{"oob"}, OOBChannels: []string{"auth0"}}
}

// OTPEnrollment enrolls a one-time-password app.
func OTPEnrollment() AssociateRequest {
	return AssociateRequest{AuthenticatorTypes: []string{"otp"}}
}

// Association is the answer of /mfa/associate: an enrollment to confirm.
type Association struct {
	AuthenticatorType string `json:"authenticator_type"`
	OOBChannel        string `json:"oob_channel,omitempty"`
	// OOBCode confirms a push or SMS enrollment through the mfa-oob grant.
	OOBCode string `json:"oob_code,omitempty"`
	// BarcodeURI is the QR code's content: for push a live enrollment
	// ticket, valid 5 minutes.
	BarcodeURI    string `json:"barcode_uri,omitempty"`
	Secret        string `json:"secret,omitempty"` // the TOTP seed of an otp enrollment
	BindingMethod string `json:"binding_method,omitempty"`
	// RecoveryCodes come only with the user's first authenticator.
	RecoveryCodes []string `json:"recovery_codes,omitempty"`
}

type associateBody struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret,omitempty"`
	AssociateRequest
}

// Associate enrolls an authenticator. bearer is the mfa_token while the user
// has no active authenticator, else an access token for the MFA audience
// with the enroll scope; with an mfa_token Auth0 answers "User is already
// enrolled" (see Error.AlreadyEnrolled).
func (c *Client) Associate(ctx context.Context, bearer string, req AssociateRequest) (*Association, error) {
	var out Association
	err := c.jsonCall(ctx, call{
		op: "POST /mfa/associate", method: http.MethodPost, path: "/mfa/associate", bearer: bearer,
		json: associateBody{ClientID: c.clientID, ClientSecret: c.clientSecret, AssociateRequest: req},
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}
