package guardian

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"net/http"
	"strings"
)

// Device is what a device tells the server when it enrolls.
type Device struct {
	Identifier  string          // a stable local id (the JWT issuer when resolving)
	Name        string          // shown as the push authenticator's name
	PushService string          // "APNS", "GCM", or the sandbox's channel
	PushToken   string          // where notifications for this device go
	Key         *rsa.PrivateKey // nil: a new RSA-2048 key is generated
}

// TOTPParams are the parameters of the device's TOTP secret.
type TOTPParams struct {
	Secret    string `json:"secret"`
	Algorithm string `json:"algorithm"`
	Digits    int    `json:"digits"`
	Period    int    `json:"period"`
}

// EnrolledDevice is a device account: the server's answer to enroll plus
// what the device keeps (its key, identifier and API base).
type EnrolledDevice struct {
	ID           string      `json:"id"`      // device account id, dev_…
	URL          string      `json:"url"`     // the Guardian URL
	Issuer       string      `json:"issuer"`  // the tenant's name
	UserID       string      `json:"user_id"` // e.g. auth0|…
	Token        string      `json:"token"`   // device-account token
	TOTP         *TOTPParams `json:"totp,omitempty"`
	RecoveryCode string      `json:"recovery_code,omitempty"`

	APIBase    string          `json:"-"`
	Identifier string          `json:"-"`
	Name       string          `json:"-"`
	Key        *rsa.PrivateKey `json:"-"`
}

type enrollRequest struct {
	Identifier      string           `json:"identifier"`
	Name            string           `json:"name"`
	PushCredentials *pushCredentials `json:"push_credentials,omitempty"`
	PublicKey       JWK              `json:"public_key"`
}

type pushCredentials struct {
	Service string `json:"service"`
	Token   string `json:"token"`
}

// Enroll enrolls device with the ticket of an enrollment QR code:
// POST {base}/api/enroll with Authorization: Ticket id="…".
func Enroll(ctx context.Context, hc *http.Client, ticket Enrollment, device Device) (*EnrolledDevice, error) {
	base, err := ticket.APIBase()
	if err != nil {
		return nil, err
	}
	if ticket.TransactionID == "" || !isTokenChars(ticket.TransactionID) {
		return nil, errors.New("guardian: the enrollment has no usable ticket")
	}
	if device.Identifier == "" {
		return nil, errors.New("guardian: the device needs an identifier")
	}
	key := device.Key
	if key == nil {
		if key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			return nil, err
		}
	}
	req := enrollRequest{Identifier: device.Identifier, Name: device.Name, PublicKey: PublicJWK(&key.PublicKey)}
	if device.PushService != "" || device.PushToken != "" {
		req.PushCredentials = &pushCredentials{Service: device.PushService, Token: device.PushToken}
	}
	var out EnrolledDevice
	if err := call(ctx, hc, http.MethodPost, base+"/api/enroll", `Ticket id="`+ticket.TransactionID+`"`, req, &out); err != nil {
		return nil, err
	}
	var missing []string
	for name, v := range map[string]string{"id": out.ID, "user_id": out.UserID, "token": out.Token} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, errors.New("guardian: the enroll answer lacks " + strings.Join(missing, ", "))
	}
	out.APIBase, out.Identifier, out.Name, out.Key = base, device.Identifier, device.Name, key
	return &out, nil
}
