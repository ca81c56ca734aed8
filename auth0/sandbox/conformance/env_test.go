package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0/guardian"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/internal/clock"
)

// env is one fresh sandbox with Auth0's numbers on a manual clock, and the
// moves a scenario makes against it: the client's requests as raw HTTP,
// and the user's part through the sandbox control API.
type env struct {
	t     testing.TB
	s     *sandboxtest.Server
	clock *clock.Manual
}

const (
	clientID     = "sandbox-client"
	clientSecret = "sandbox-secret"
	alice        = "alice@example.com"
	bob          = "bob@example.com"
)

func newEnv(t testing.TB) *env {
	t.Helper()
	s := sandboxtest.Start(t, sandbox.DefaultOptions())
	return &env{t: t, s: s, clock: s.Clock}
}

func (e *env) do(method, path string, header http.Header, body []byte) response {
	e.t.Helper()
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, e.s.URL+path, r)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := e.s.Server.Client().Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, raw: raw}
}

// token posts a form to /oauth/token with the client's credentials and
// the given name, value pairs; empty values are left out.
func (e *env) token(pairs ...string) response {
	e.t.Helper()
	v := url.Values{"client_id": {clientID}, "client_secret": {clientSecret}}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			v.Set(pairs[i], pairs[i+1])
		}
	}
	return e.do(http.MethodPost, "/oauth/token", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, []byte(v.Encode()))
}

// call sends body as JSON (nil: none) with an optional bearer.
func (e *env) call(method, path, bearer string, body any) response {
	e.t.Helper()
	h := http.Header{}
	var b []byte
	if body != nil {
		var err error
		if b, err = json.Marshal(body); err != nil {
			e.t.Fatal(err)
		}
		h.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		h.Set("Authorization", "Bearer "+bearer)
	}
	return e.do(method, path, h, b)
}

// must decodes a successful answer of a step the scenario relies on.
func (e *env) must(step string, r response, v any) {
	e.t.Helper()
	if r.status/100 != 2 {
		e.t.Fatalf("%s: %d %s", step, r.status, r.raw)
	}
	if v != nil {
		if err := json.Unmarshal(r.raw, v); err != nil {
			e.t.Fatalf("%s: %v in %s", step, err, r.raw)
		}
	}
}

func password(email string) string { return strings.Split(email, "@")[0] + "-password" }

func (e *env) mfaAudience() string { return e.s.URL + "/mfa/" }

// login signs in with the password grant and returns the mfa_token.
func (e *env) login(email, audience, scope string) string {
	e.t.Helper()
	r := e.token("grant_type", "password", "username", email, "password", password(email), "audience", audience, "scope", scope)
	var body struct {
		Error    string `json:"error"`
		MFAToken string `json:"mfa_token"`
	}
	json.Unmarshal(r.raw, &body)
	if r.status != http.StatusForbidden || body.Error != "mfa_required" || body.MFAToken == "" {
		e.t.Fatalf("login %s: %d %s", email, r.status, r.raw)
	}
	return body.MFAToken
}

type authenticator struct {
	ID     string `json:"id"`
	Active bool   `json:"active"`
}

// authenticatorID is the id of the user's active authenticator of kind
// (push, totp, recovery-code).
func (e *env) authenticatorID(mfaToken, kind string) string {
	e.t.Helper()
	var list []authenticator
	e.must("list authenticators", e.call(http.MethodGet, "/mfa/authenticators", mfaToken, nil), &list)
	for _, a := range list {
		if a.Active && strings.HasPrefix(a.ID, kind+"|") {
			return a.ID
		}
	}
	e.t.Fatalf("no active %s authenticator in %v", kind, list)
	return ""
}

func (e *env) challengeBody(mfaToken, challengeType, authenticatorID string) map[string]string {
	b := map[string]string{"client_id": clientID, "client_secret": clientSecret, "mfa_token": mfaToken, "challenge_type": challengeType}
	if authenticatorID != "" {
		b["authenticator_id"] = authenticatorID
	}
	return b
}

// challengePush sends a push to bob's phone and returns the oob_code.
func (e *env) challengePush(mfaToken string) string {
	e.t.Helper()
	var out struct {
		OOBCode string `json:"oob_code"`
	}
	e.must("push challenge", e.call(http.MethodPost, "/mfa/challenge", "", e.challengeBody(mfaToken, "oob", e.authenticatorID(mfaToken, "push"))), &out)
	return out.OOBCode
}

// bobPush signs bob in (scope openid profile) and sends a push to his
// phone: the mfa_token and the oob_code to poll.
func (e *env) bobPush() (mfaToken, oobCode string) {
	e.t.Helper()
	mfaToken = e.login(bob, "", "openid profile")
	return mfaToken, e.challengePush(mfaToken)
}

// pollTimes polls n times at the same instant.
func (e *env) pollTimes(n int, mfaToken, oobCode string) {
	e.t.Helper()
	for range n {
		e.poll(mfaToken, oobCode)
	}
}

func (e *env) poll(mfaToken, oobCode string) response {
	e.t.Helper()
	return e.token("grant_type", "http://auth0.com/oauth/grant-type/mfa-oob", "mfa_token", mfaToken, "oob_code", oobCode)
}

func (e *env) otpGrant(mfaToken, otp string) response {
	e.t.Helper()
	return e.token("grant_type", "http://auth0.com/oauth/grant-type/mfa-otp", "mfa_token", mfaToken, "otp", otp)
}

// notifications are the pushes waiting on the sandbox's phone.
func (e *env) notifications() []sandbox.Notification {
	e.t.Helper()
	var list []sandbox.Notification
	e.must("list notifications", e.call(http.MethodGet, "/sandbox/notifications", "", nil), &list)
	return list
}

// lastNotification is the newest push on the phone.
func (e *env) lastNotification() sandbox.Notification {
	e.t.Helper()
	list := e.notifications()
	if len(list) == 0 {
		e.t.Fatal("the phone has no notification")
	}
	return list[len(list)-1]
}

// answer approves or rejects the newest push on the phone.
func (e *env) answer(verb string) {
	e.t.Helper()
	e.must(verb, e.call(http.MethodPost, "/sandbox/notifications/"+e.lastNotification().ID+"/"+verb, "", nil), nil)
}

// bobDevice is the id of bob's demo device on the phone.
func (e *env) bobDevice() string {
	e.t.Helper()
	var devices []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	e.must("list devices", e.call(http.MethodGet, "/sandbox/devices", "", nil), &devices)
	for _, d := range devices {
		if d.Name == "Bob's phone" {
			return d.ID
		}
	}
	e.t.Fatalf("no Bob's phone in %v", devices)
	return ""
}

// otp is the current code of a device on the phone.
func (e *env) otp(deviceID string) string {
	e.t.Helper()
	var out struct {
		OTP string `json:"otp"`
	}
	e.must("device otp", e.call(http.MethodGet, "/sandbox/devices/"+deviceID+"/otp", "", nil), &out)
	return out.OTP
}

// recoveryCode is the user's current recovery code.
func (e *env) recoveryCode(email string) string {
	e.t.Helper()
	var info struct {
		Users []sandbox.DemoUser `json:"users"`
	}
	e.must("sandbox info", e.call(http.MethodGet, "/sandbox", "", nil), &info)
	for _, u := range info.Users {
		if u.Email == email && u.RecoveryCode != "" {
			return u.RecoveryCode
		}
	}
	e.t.Fatalf("%s has no recovery code", email)
	return ""
}

// mfaAccessToken signs bob in for the MFA API audience with scope and
// passes MFA with his device's code.
func (e *env) mfaAccessToken(scope string) string {
	e.t.Helper()
	mfaToken := e.login(bob, e.mfaAudience(), scope)
	var out struct {
		AccessToken string `json:"access_token"`
	}
	e.must("otp grant", e.otpGrant(mfaToken, e.otp(e.bobDevice())), &out)
	return out.AccessToken
}

// associatePush starts a push enrollment for alice and returns the
// associate answer's barcode_uri and oob_code.
func (e *env) associatePush(mfaToken string) (barcodeURI, oobCode string) {
	e.t.Helper()
	var out struct {
		BarcodeURI string `json:"barcode_uri"`
		OOBCode    string `json:"oob_code"`
	}
	e.must("associate", e.call(http.MethodPost, "/mfa/associate", mfaToken, pushAssociate), &out)
	return out.BarcodeURI, out.OOBCode
}

var pushAssociate = map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"auth0"}}

// ticket is the enrollment_tx_id of a barcode_uri.
func (e *env) ticket(barcodeURI string) string {
	e.t.Helper()
	en, err := guardian.ParseBarcodeURI(barcodeURI)
	if err != nil {
		e.t.Fatal(err)
	}
	return en.TransactionID
}

// enrollRaw is a device's POST /api/enroll with the ticket and a JSON body.
func (e *env) enrollRaw(ticket string, body any) response {
	e.t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		e.t.Fatal(err)
	}
	h := http.Header{"Content-Type": {"application/json"}}
	if ticket != "" {
		h.Set("Authorization", `Ticket id="`+ticket+`"`)
	}
	return e.do(http.MethodPost, "/appliance-mfa/api/enroll", h, b)
}

// deviceBody is an enroll body with an RSA key, as the Guardian SDKs send.
func deviceBody() map[string]any {
	key, err := sandboxtest.ReusedKeys()
	if err != nil {
		panic(err)
	}
	return map[string]any{
		"identifier":       "conformance-device",
		"name":             "Conformance device",
		"push_credentials": map[string]string{"service": "GCM", "token": "conformance-push-token"},
		"public_key":       guardian.PublicJWK(&key.PublicKey),
	}
}

// ownDevice enrolls a device of the test's own, not the sandbox's phone,
// with the ticket of barcodeURI.
func (e *env) ownDevice(barcodeURI string) *guardian.EnrolledDevice {
	e.t.Helper()
	en, err := guardian.ParseBarcodeURI(barcodeURI)
	if err != nil {
		e.t.Fatal(err)
	}
	key, err := sandboxtest.ReusedKeys()
	if err != nil {
		e.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d, err := guardian.Enroll(ctx, e.s.Server.Client(), en, guardian.Device{
		Identifier: "conformance-device", Name: "Conformance device", PushService: "GCM", PushToken: "conformance-push-token", Key: key,
	})
	if err != nil {
		e.t.Fatalf("enroll the test's own device: %v", err)
	}
	return d
}

// otherClientPush enrolls a device of the test's own for alice, signs her
// in and pushes to it: the device, and its push as the control API lists
// it (nil when it is not listed).
func (e *env) otherClientPush() (*guardian.EnrolledDevice, *sandbox.Notification) {
	e.t.Helper()
	barcode, _ := e.associatePush(e.login(alice, "", "openid"))
	d := e.ownDevice(barcode)
	e.challengePush(e.login(alice, "", "openid"))
	for _, n := range e.notifications() {
		if n.Payload.DeviceAccountID == d.ID {
			return d, &n
		}
	}
	return d, nil
}

// resolveRaw is a device's POST /api/resolve-transaction.
func (e *env) resolveRaw(txToken, challengeResponse string) response {
	e.t.Helper()
	b, _ := json.Marshal(map[string]string{"challenge_response": challengeResponse})
	h := http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer " + txToken}}
	return e.do(http.MethodPost, "/appliance-mfa/api/resolve-transaction", h, b)
}

// strangerResponse answers a push with a challenge_response signed by a
// key the tenant has never seen (bob's demo device has a fixed key, never
// one of the reused test keys).
func (e *env) strangerResponse(n sandbox.Notification) string {
	e.t.Helper()
	key, err := sandboxtest.ReusedKeys()
	if err != nil {
		e.t.Fatal(err)
	}
	d := &guardian.EnrolledDevice{Key: key, Identifier: "stranger", APIBase: e.s.URL + "/appliance-mfa"}
	signed, err := d.ChallengeResponse(n.Payload.Challenge, e.clock.Now(), true, "")
	if err != nil {
		e.t.Fatal(err)
	}
	return signed
}

// logged is the status the tenant gave to the last request to path, from
// its request log: for answers a test cannot see (the phone's own calls).
func (e *env) logged(path string) response {
	e.t.Helper()
	reqs := e.s.Requests(path)
	if len(reqs) == 0 {
		e.t.Fatalf("no request to %s", path)
	}
	return response{status: reqs[len(reqs)-1].Status, header: http.Header{}}
}
