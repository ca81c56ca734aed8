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

// The out-of-band channels of /mfa/associate and of the authenticator list.
const (
	ChannelPush  = "auth0"
	ChannelSMS   = "sms"
	ChannelVoice = "voice"
	ChannelEmail = "email"
)

// SMSEnrollment enrolls a phone number that gets its codes by text
// message. Auth0 lists it with a voice twin when the tenant also offers
// voice calls.
func SMSEnrollment(phone PhoneNumber) AssociateRequest {
	return AssociateRequest{AuthenticatorTypes: []string{"oob"}, OOBChannels: []string{ChannelSMS}, PhoneNumber: string(phone)}
}

// VoiceEnrollment enrolls a phone number that gets its codes by voice call.
func VoiceEnrollment(phone PhoneNumber) AssociateRequest {
	return AssociateRequest{AuthenticatorTypes: []string{"oob"}, OOBChannels: []string{ChannelVoice}, PhoneNumber: string(phone)}
}

// EmailEnrollment enrolls an email address that gets its codes by email.
// An empty address asks Auth0 for the user's own.
func EmailEnrollment(email string) AssociateRequest {
	return AssociateRequest{AuthenticatorTypes: []string{"oob"}, OOBChannels: []string{ChannelEmail}, Email: email}
}

// checked normalizes the phone number and email address of the request,
// refusing before anything is sent one that Auth0 would refuse: a
// *PhoneNumberError or an *EmailError.
func (r AssociateRequest) checked() (AssociateRequest, error) {
	for _, ch := range r.OOBChannels {
		switch ch {
		case ChannelSMS, ChannelVoice:
			phone, err := ParsePhoneNumber(r.PhoneNumber)
			if err != nil {
				return r, err
			}
			r.PhoneNumber = string(phone)
		case ChannelEmail:
			if r.Email == "" {
				continue // the user's own address
			}
			email, err := ParseEmail(r.Email)
			if err != nil {
				return r, err
			}
			r.Email = email
		}
	}
	return r, nil
}

// Association is the answer of /mfa/associate: an enrollment to confirm.
type Association struct {
	AuthenticatorType string `json:"authenticator_type"`
	OOBChannel        string `json:"oob_channel,omitempty"`
	// OOBCode confirms a push, SMS, voice or email enrollment through the
	// mfa-oob grant.
	OOBCode string `json:"oob_code,omitempty"`
	// BarcodeURI is the QR code's content: for push a live enrollment
	// ticket, valid 5 minutes.
	BarcodeURI string `json:"barcode_uri,omitempty"`
	Secret     string `json:"secret,omitempty"` // the TOTP seed of an otp enrollment
	// BindingMethod is "prompt" when the enrollment is confirmed with the
	// code the user receives (SMS, voice, email): see NeedsBindingCode.
	BindingMethod string `json:"binding_method,omitempty"`
	// RecoveryCodes come only with the user's first authenticator.
	RecoveryCodes []string `json:"recovery_codes,omitempty"`
}

type associateBody struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret,omitempty"`
	AssociateRequest
}

// NeedsBindingCode reports whether the enrollment is confirmed with the
// mfa-oob grant and the code sent to the user (binding_method "prompt").
func (a *Association) NeedsBindingCode() bool { return a.BindingMethod == BindingPrompt }

// BindingPrompt is the binding_method of SMS, voice and email: the user
// types the code that was sent, as the mfa-oob grant's binding_code.
const BindingPrompt = "prompt"

// Associate enrolls an authenticator. bearer is the mfa_token while the user
// has no active authenticator, else an access token for the MFA audience
// with the enroll scope; with an mfa_token Auth0 answers "User is already
// enrolled" (see Error.AlreadyEnrolled). A phone number or email address
// that Auth0 would refuse is refused first, with nothing sent: a
// *PhoneNumberError or an *EmailError.
func (c *Client) Associate(ctx context.Context, bearer string, req AssociateRequest) (*Association, error) {
	req, err := req.checked()
	if err != nil {
		return nil, err
	}
	var out Association
	err = c.jsonCall(ctx, call{
		op: "POST /mfa/associate", method: http.MethodPost, path: "/mfa/associate", bearer: bearer,
		json: associateBody{ClientID: c.clientID, ClientSecret: c.clientSecret, AssociateRequest: req},
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}
