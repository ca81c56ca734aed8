package sandbox

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mfapush/mfapush/auth0/guardian"
)

// ownDevice is a device client other than the simulated phone, as a
// developer's white-label app or script would be: its own key, and only
// raw HTTP to the Guardian endpoints.
type ownDevice struct {
	key        crypto.Signer
	method     jwt.SigningMethod
	identifier string
	id, userID string
}

func (d *ownDevice) jwk(t *testing.T) guardian.JWK {
	switch k := d.key.Public().(type) {
	case *ecdsa.PublicKey:
		j, err := guardian.PublicECJWK(k)
		if err != nil {
			t.Fatal(err)
		}
		return j
	case *rsa.PublicKey:
		return guardian.PublicJWK(k)
	}
	t.Fatalf("a %T key", d.key)
	return guardian.JWK{}
}

func (d *ownDevice) sign(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	signed, err := jwt.NewWithClaims(d.method, claims).SignedString(d.key)
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

// Every push reaches the device it targets: a device enrolled through
// the raw Guardian API with its own key, RSA or EC P-256, finds its push
// in the control API's listing with what a real push carries, and answers
// it by signing the challenge itself.
func TestDeviceOfAnotherClientGetsAndResolvesItsPush(t *testing.T) {
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*ownDevice{
		{key: testKeys()[1], method: jwt.SigningMethodRS256, identifier: "white-label-rsa"},
		{key: ecKey, method: jwt.SigningMethodES256, identifier: "white-label-ec"},
	} {
		t.Run(d.method.Alg(), func(t *testing.T) { externalDeviceRoundTrip(t, d) })
	}
}

func externalDeviceRoundTrip(t *testing.T, d *ownDevice) {
	s := startSandbox(t, Options{})

	// Enroll alice's device: the QR code's ticket, then POST /api/enroll.
	mfa := s.login("alice@example.com", "openid")
	assoc := s.associatePush(mfa)
	enrolled := s.guardianEnroll(assoc.str("barcode_uri"), map[string]any{
		"identifier": d.identifier, "name": "My own app",
		"push_credentials": map[string]string{"service": "GCM", "token": "fcm-token-of-my-app"},
		"public_key":       d.jwk(t),
	})
	if enrolled.status != 201 {
		t.Fatalf("enroll: %d %s", enrolled.status, enrolled.raw)
	}
	d.id, d.userID = enrolled.str("id"), enrolled.str("user_id")
	if a := s.poll(mfa, assoc.str("oob_code")); a.status != 200 {
		t.Fatalf("the enrollment is not confirmed: %d %s", a.status, a.raw)
	}

	// A sign-in pushes to it.
	mfa = s.login("alice@example.com", "openid")
	oob := s.challenge(mfa, map[string]string{"authenticator_id": "push|" + d.id}).str("oob_code")
	n := s.externalPush(d.id)
	var mfaObject map[string]any
	decodeInto(t, mustJSON(t, n.Payload), &mfaObject)
	for _, key := range []string{"txtkn", "dai", "c", "d", "sh", "s", "l"} {
		if _, ok := mfaObject[key]; !ok {
			t.Errorf("the push lacks %s: %v", key, mfaObject)
		}
	}
	if len(s.Phone.Notifications()) != 0 {
		t.Error("the simulated phone received another device's push")
	}
	wantError(t, s.call("POST", "/sandbox/notifications/"+n.ID+"/approve", "", nil), 409, "external_device", "")
	wantError(t, s.poll(mfa, oob), 400, "authorization_pending", "")

	// The device answers: a challenge_response signed with its key.
	now := s.clock.Now()
	resolveURL := n.Payload.Host + "/api/resolve-transaction"
	sign := func(key *ownDevice, accept bool) string {
		return `{"challenge_response":"` + key.sign(t, jwt.MapClaims{
			"iss": d.identifier, "sub": n.Payload.Challenge, "aud": resolveURL,
			"iat": now.Unix(), "exp": now.Add(guardian.ResponseLifetime).Unix(),
			"auth0_guardian_method": "push", "auth0_guardian_accepted": accept,
		}) + `"}`
	}
	stranger := &ownDevice{key: testKeys()[2], method: jwt.SigningMethodRS256}
	wantGuardianError(t, s.guardianCall("resolve-transaction", "Bearer "+n.Payload.TransactionToken, sign(stranger, true)), 401, "invalid_token")
	if a := s.guardianCall("resolve-transaction", "Bearer "+n.Payload.TransactionToken, sign(d, true)); a.status != 204 {
		t.Fatalf("resolve: %d %s", a.status, a.raw)
	}
	if a := s.poll(mfa, oob); a.status != 200 || a.str("id_token") == "" {
		t.Fatalf("poll after the device approved: %d %s", a.status, a.raw)
	}
	if left := s.notifications(); len(left) != 0 {
		t.Errorf("an answered push is still listed: %v", left)
	}

	// The device renames itself and moves its push token (PATCH), then
	// leaves (DELETE), each with a JWT signed by its key.
	deviceJWT := d.sign(t, jwt.MapClaims{"iss": d.id, "sub": d.userID, "aud": s.URL + "/appliance-mfa/api/device-accounts",
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})
	patched := s.call(http.MethodPatch, "/appliance-mfa/api/device-accounts/"+d.id, deviceJWT,
		map[string]any{"name": "Renamed app", "push_credentials": map[string]string{"service": "GCM", "token": "new-token"}})
	if patched.status != 200 || patched.str("name") != "Renamed app" || patched.str("identifier") != d.identifier {
		t.Fatalf("patch: %d %s", patched.status, patched.raw)
	}
	if list := s.listAuthenticators(s.login("alice@example.com")); list[0]["name"] != "Renamed app" {
		t.Errorf("the push authenticator's name after PATCH: %v", list[0])
	}
	if a := s.call(http.MethodDelete, "/appliance-mfa/api/device-accounts/"+url.PathEscape(d.id), deviceJWT, nil); a.status != 204 {
		t.Fatalf("delete: %d %s", a.status, a.raw)
	}
}

// guardianEnroll is POST /api/enroll with the ticket of barcodeURI.
func (s *sandbox) guardianEnroll(barcodeURI string, body map[string]any) answer {
	s.t.Helper()
	e, err := guardian.ParseBarcodeURI(barcodeURI)
	if err != nil {
		s.t.Fatal(err)
	}
	b, _ := json.Marshal(body)
	return s.guardianCall("enroll", `Ticket id="`+e.TransactionID+`"`, string(b))
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// externalPush is the listed push to device id, which must be marked
// external.
func (s *sandbox) externalPush(id string) Notification {
	s.t.Helper()
	list := s.notifications()
	i := slices.IndexFunc(list, func(n Notification) bool { return n.Payload.DeviceAccountID == id })
	if i < 0 || !list[i].External || list[i].DeviceID != id || !strings.HasPrefix(list[i].ID, "ntf_") {
		s.t.Fatalf("no external push to %s in %+v", id, list)
	}
	return list[i]
}

// A push to another client's device leaves the listing when its sign-in
// ends another way, when the device is deleted, and when it expires.
func TestExternalPushesLeaveWithTheirSignIn(t *testing.T) {
	s := startSandbox(t, Options{})
	bob := s.bobDevice()
	id := enrollRaw(t, s, s.associatePush(s.mfaAccessToken("enroll")).str("barcode_uri")).str("id")
	push := func() string {
		mfa := s.login("bob@example.com")
		s.challenge(mfa, map[string]string{"authenticator_id": "push|" + id})
		s.externalPush(id)
		return mfa
	}

	// Ended by an OTP from bob's other device.
	ended := push()
	code, _, _ := s.Phone.OTP(bob.ID)
	if a := s.otpGrant(ended, code); a.status != 200 {
		t.Fatalf("otp: %d %s", a.status, a.raw)
	}
	s.clock.Advance(30 * time.Second)
	if left := s.notifications(); len(left) != 0 {
		t.Errorf("after the sign-in ended: %v", left)
	}

	// Expired with its mfa_token.
	push()
	s.clock.Advance(5 * time.Minute)
	if left := s.notifications(); len(left) != 0 {
		t.Errorf("after expiry: %v", left)
	}

	// Gone with its device.
	push()
	token := s.mfaAccessToken("remove:authenticators")
	if a := s.call("DELETE", "/mfa/authenticators/"+url.PathEscape("push|"+id), token, nil); a.status != 204 {
		t.Fatalf("delete: %d %s", a.status, a.raw)
	}
	if left := s.notifications(); len(left) != 0 {
		t.Errorf("after the device was deleted: %v", left)
	}
}
