package auth0

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Authenticator is one entry of the user's authenticator list.
type Authenticator struct {
	ID                string `json:"id"`
	AuthenticatorType string `json:"authenticator_type"`
	OOBChannel        string `json:"oob_channel,omitempty"`
	// Name is the device name for push; for SMS and voice the phone number
	// and for email the address, masked by Auth0 ("XXXXXXXX0100",
	// "****@exam*******").
	Name string `json:"name,omitempty"`
	// Active is false until the enrollment is confirmed.
	Active bool `json:"active"`
}

// Kind is what an authenticator is, as a person would say it.
type Kind string

const (
	KindPush         Kind = "push"
	KindOTP          Kind = "otp"
	KindRecoveryCode Kind = "recovery-code"
	KindSMS          Kind = "sms"
	KindVoice        Kind = "voice"
	KindEmail        Kind = "email"
	KindWebAuthn     Kind = "webauthn"
	KindUnknown      Kind = "unknown"
)

// kindByOOBChannel and kindByIDPrefix name what an authenticator is from
// its channel or, failing that, the prefix of its id ("push|dev_…").
var (
	kindByOOBChannel = map[string]Kind{"auth0": KindPush, "sms": KindSMS, "voice": KindVoice, "email": KindEmail}
	kindByIDPrefix   = map[string]Kind{
		"push": KindPush, "totp": KindOTP, "recovery-code": KindRecoveryCode, "sms": KindSMS, "voice": KindVoice,
		"email": KindEmail, "webauthn-roaming": KindWebAuthn, "webauthn-platform": KindWebAuthn,
	}
)

// Kind derives the kind from the type and channel, falling back to the id's
// prefix.
func (a Authenticator) Kind() Kind {
	switch a.AuthenticatorType {
	case "otp":
		return KindOTP
	case "recovery-code":
		return KindRecoveryCode
	case "oob":
		if k, ok := kindByOOBChannel[a.OOBChannel]; ok {
			return k
		}
	}
	prefix, _, _ := strings.Cut(a.ID, "|")
	if k, ok := kindByIDPrefix[prefix]; ok {
		return k
	}
	return KindUnknown
}

// SendsCode reports whether challenging this kind sends the user a code to
// type (SMS, voice call, email): its challenge answers binding_method
// "prompt" and is verified with the mfa-oob grant and that code.
func (k Kind) SendsCode() bool { return k == KindSMS || k == KindVoice || k == KindEmail }

// ChallengeType is the challenge_type that challenges this kind: "oob" for
// push, SMS, voice and email, "otp" for an authenticator app, "" for kinds
// that are not challenged (recovery codes are used with their own grant).
func (k Kind) ChallengeType() string {
	switch k {
	case KindPush, KindSMS, KindVoice, KindEmail:
		return "oob"
	case KindOTP:
		return "otp"
	}
	return ""
}

// EnrollmentID is the part of the id after the kind ("dev_…"). Twins share
// it on Auth0's side of an SMS enrollment: sms|dev_X and voice|dev_X are
// one phone number reached two ways.
func (a Authenticator) EnrollmentID() string {
	_, id, found := strings.Cut(a.ID, "|")
	if !found {
		return a.ID
	}
	return id
}

// kindsByFactorType are the kinds each mfa_requirements type stands for.
var kindsByFactorType = map[string][]Kind{
	"push-notification": {KindPush}, "otp": {KindOTP}, "phone": {KindSMS, KindVoice}, "sms": {KindSMS},
	"voice": {KindVoice}, "email": {KindEmail}, "recovery-code": {KindRecoveryCode},
	"webauthn-roaming": {KindWebAuthn}, "webauthn-platform": {KindWebAuthn},
}

// Kinds are the authenticator kinds this requirement entry allows ("phone"
// allows SMS and voice); none for a type this client does not know.
func (f FactorType) Kinds() []Kind { return kindsByFactorType[f.Type] }

// Allows reports whether the list of requirement entries (the challenge or
// the enroll list of mfa_requirements) allows kind k.
func Allows(list []FactorType, k Kind) bool {
	for _, f := range list {
		for _, allowed := range f.Kinds() {
			if allowed == k {
				return true
			}
		}
	}
	return false
}

// ListAuthenticators lists the user's authenticators, pending ones included.
// bearer is the mfa_token or an MFA-audience access token with
// read:authenticators.
func (c *Client) ListAuthenticators(ctx context.Context, bearer string) ([]Authenticator, error) {
	var out []Authenticator
	err := c.jsonCall(ctx, call{op: "GET /mfa/authenticators", method: http.MethodGet, path: "/mfa/authenticators", bearer: bearer}, &out)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteAuthenticator removes an authenticator (and, for push, its TOTP
// twin). accessToken must be an MFA-audience access token with
// remove:authenticators; an mfa_token is not enough.
func (c *Client) DeleteAuthenticator(ctx context.Context, accessToken, id string) error {
	path := "/mfa/authenticators/" + id
	raw := "/mfa/authenticators/" + url.PathEscape(id)
	return c.jsonCall(ctx, call{op: "DELETE /mfa/authenticators/{id}", method: http.MethodDelete, path: path, raw: raw, bearer: accessToken}, nil)
}
