package guardian

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Payload is the "mfa" object of a push notification.
type Payload struct {
	DeviceAccountID      string    `json:"dai"`
	TransactionToken     string    `json:"txtkn"`
	TransactionLinkingID string    `json:"txlnkid,omitempty"`
	Challenge            string    `json:"c"`
	Date                 string    `json:"d"`  // start, 2006-01-02T15:04:05.000Z
	Host                 string    `json:"sh"` // the Guardian host or URL
	Source               *Source   `json:"s,omitempty"`
	Location             *Location `json:"l,omitempty"`
}

// Source is the browser and OS that asked for the login.
type Source struct {
	Browser Named `json:"b"`
	OS      Named `json:"os"`
}

// Named is a name with an optional version.
type Named struct {
	Name    string `json:"n"`
	Version string `json:"v,omitempty"`
}

// Location is where the login came from.
type Location struct {
	Name string `json:"n"`
	Lat  string `json:"lat,omitempty"`
	Long string `json:"long,omitempty"`
}

// PayloadDate formats t as the payload's d field.
func PayloadDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// ResponseLifetime is how long a challenge_response JWT is valid.
const ResponseLifetime = 30 * time.Second

// ChallengeClaims are the claims of a challenge_response.
type ChallengeClaims struct {
	Method   string `json:"auth0_guardian_method"`
	Accepted bool   `json:"auth0_guardian_accepted"`
	Reason   string `json:"auth0_guardian_reason,omitempty"`
	jwt.RegisteredClaims
}

// ResolveURL is where a device answers a push.
func (d *EnrolledDevice) ResolveURL() string { return d.APIBase + "/api/resolve-transaction" }

// ChallengeResponse signs the RS256 JWT that answers challenge: iss is the
// device identifier, sub the challenge, aud the full resolve URL, and it
// expires 30 s after now.
func (d *EnrolledDevice) ChallengeResponse(challenge string, now time.Time, accept bool, reason string) (string, error) {
	if d.Key == nil {
		return "", errors.New("guardian: the device has no key")
	}
	// MapClaims keep aud a plain string, as the Guardian SDKs send it.
	c := jwt.MapClaims{
		"iss":                     d.Identifier,
		"sub":                     challenge,
		"aud":                     d.ResolveURL(),
		"iat":                     now.Unix(),
		"exp":                     now.Add(ResponseLifetime).Unix(),
		"auth0_guardian_method":   "push",
		"auth0_guardian_accepted": accept,
	}
	if !accept && reason != "" {
		c["auth0_guardian_reason"] = reason
	}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, c).SignedString(d.Key)
}

// Resolve approves (accept) or rejects a push: POST
// {base}/api/resolve-transaction with Authorization: Bearer <txtkn>. The
// server answers 204.
func Resolve(ctx context.Context, hc *http.Client, d *EnrolledDevice, p Payload, now time.Time, accept bool, reason string) error {
	if p.TransactionToken == "" || p.Challenge == "" {
		return errors.New("guardian: the notification lacks txtkn or c")
	}
	signed, err := d.ChallengeResponse(p.Challenge, now, accept, reason)
	if err != nil {
		return err
	}
	body := map[string]string{"challenge_response": signed}
	return call(ctx, hc, http.MethodPost, d.ResolveURL(), "Bearer "+p.TransactionToken, body, nil)
}

// DeviceAccountsURL is the audience of the device-account JWT.
func (d *EnrolledDevice) DeviceAccountsURL() string { return d.APIBase + "/api/device-accounts" }

// Unenroll deletes the device account: DELETE
// {base}/api/device-accounts/{id} with a JWT signed by the device key
// (iss = device account id, sub = user id, two hours of validity).
func Unenroll(ctx context.Context, hc *http.Client, d *EnrolledDevice, now time.Time) error {
	if d.Key == nil {
		return errors.New("guardian: the device has no key")
	}
	claims := jwt.MapClaims{
		"iss": d.ID,
		"sub": d.UserID,
		"aud": d.DeviceAccountsURL(),
		"iat": now.Unix(),
		"exp": now.Add(2 * time.Hour).Unix(),
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(d.Key)
	if err != nil {
		return err
	}
	return call(ctx, hc, http.MethodDelete, d.DeviceAccountsURL()+"/"+url.PathEscape(d.ID), "Bearer "+signed, nil, nil)
}
