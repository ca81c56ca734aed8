package sandbox

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mfapush/mfapush/auth0/guardian"
)

// guardianCall sends a raw request to a Guardian endpoint.
func (s *sandbox) guardianCall(path, authorization, body string) answer {
	s.t.Helper()
	req, _ := http.NewRequest("POST", s.URL+"/appliance-mfa/api/"+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return s.do(req)
}

func wantGuardianError(t *testing.T, a answer, status int, code string) {
	t.Helper()
	if a.status != status || a.str("errorCode") != code || a.body["statusCode"] != float64(status) || a.str("error") != http.StatusText(status) || a.str("message") == "" {
		t.Errorf("got %d %s, want %d %s", a.status, a.raw, status, code)
	}
}

func TestGuardianEnrollRawAndErrors(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("alice@example.com")
	e, _ := guardian.ParseBarcodeURI(s.associatePush(mfa).str("barcode_uri"))
	ticket := `Ticket id="` + e.TransactionID + `"`
	jwk := guardian.PublicJWK(&testKeys()[0].PublicKey)
	n, _ := base64.RawURLEncoding.DecodeString(jwk.N)
	zeroN := base64.RawURLEncoding.EncodeToString(append([]byte{0}, n...)) // Android's BigInteger form
	good := `{"identifier":"id-1","name":"Raw phone","push_credentials":{"service":"GCM","token":"t"},"public_key":{"kty":"RSA","use":"sig","alg":"RS256","n":"` + zeroN + `","e":"AQAB"}}`

	wantGuardianError(t, s.guardianCall("enroll", "", good), 401, "invalid_token")
	wantGuardianError(t, s.guardianCall("enroll", "Bearer x", good), 401, "invalid_token")
	wantGuardianError(t, s.guardianCall("enroll", `Ticket id="nope"`, good), 404, "enrollment_transaction_not_found")
	for _, bad := range []string{`{`, `{"identifier":5}`, `{"name":"x","public_key":{"kty":"RSA","n":"AQAB","e":"AQAB"}}`,
		`{"identifier":"i"}`, `{"identifier":"i","public_key":{"kty":"RSA","n":"AQAB","e":"AQAB"}}`, `{"identifier":"i","public_key":{"kty":"EC"}}`} {
		wantGuardianError(t, s.guardianCall("enroll", ticket, bad), 400, "invalid_body")
	}
	a := s.guardianCall("enroll", ticket, good)
	if a.status != 201 {
		t.Fatalf("enroll: %d %s", a.status, a.raw)
	}
	totp, _ := a.body["totp"].(map[string]any)
	if !strings.HasPrefix(a.str("id"), "dev_") || a.str("url") != s.URL+"/appliance-mfa" || a.str("issuer") != "mfapush sandbox" ||
		!strings.HasPrefix(a.str("user_id"), "auth0|") || a.str("token") == "" || totp["algorithm"] != "sha1" || totp["digits"] != float64(6) ||
		totp["period"] != float64(30) || len(totp["secret"].(string)) != 32 {
		t.Errorf("enroll answer %s", a.raw)
	}
	wantGuardianError(t, s.guardianCall("enroll", ticket, good), 409, "enrollment_conflict")
	// The enroll answer's token is the legacy bearer for the device account.
	del := func(token string) answer {
		return s.call("DELETE", "/appliance-mfa/api/device-accounts/"+a.str("id"), token, nil)
	}
	wantGuardianError(t, del("wrong"), 401, "invalid_token")
	defer func() {
		if d := del(a.str("token")); d.status != 204 {
			t.Errorf("delete with the device token: %d %s", d.status, d.raw)
		}
		wantGuardianError(t, del(a.str("token")), 404, "device_account_not_found")
	}()
	list := s.listAuthenticators(s.login("alice@example.com"))
	if list[0]["name"] != "Raw phone" || list[0]["active"] != true || list[0]["id"] != "push|"+a.str("id") || list[1]["active"] != true {
		t.Errorf("after enroll: %v", list)
	}
	// An expired ticket.
	s2 := startSandbox(t, Options{})
	e2, _ := guardian.ParseBarcodeURI(s2.associatePush(s2.login("alice@example.com")).str("barcode_uri"))
	s2.clock.Advance(5 * time.Minute)
	wantGuardianError(t, s2.guardianCall("enroll", `Ticket id="`+e2.TransactionID+`"`, good), 404, "enrollment_transaction_not_found")
}

func TestGuardianResolveVerifiesTheJWT(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com")
	oob := s.challenge(mfa, nil).str("oob_code")
	n := s.Phone.Notifications()[0]
	s.Phone.mu.Lock()
	dev := *s.Phone.devices[0].enrolled
	s.Phone.mu.Unlock()
	now := s.clock.Now()
	sign := func(mutate func(jwt.MapClaims), key any) string {
		c := jwt.MapClaims{"iss": dev.Identifier, "sub": n.Payload.Challenge, "aud": dev.ResolveURL(), "iat": now.Unix(), "exp": now.Add(30 * time.Second).Unix(),
			"auth0_guardian_method": "push", "auth0_guardian_accepted": true}
		mutate(c)
		signed, err := jwt.NewWithClaims(jwt.SigningMethodRS256, c).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return `{"challenge_response":"` + signed + `"}`
	}
	bearer := "Bearer " + n.Payload.TransactionToken
	otherKey := testKeys()[2]
	if otherKey.N.Cmp(dev.Key.N) == 0 {
		otherKey = testKeys()[1]
	}
	bad := map[string]string{
		"wrong key":      sign(func(jwt.MapClaims) {}, otherKey),
		"wrong sub":      sign(func(c jwt.MapClaims) { c["sub"] = "other" }, dev.Key),
		"wrong aud":      sign(func(c jwt.MapClaims) { c["aud"] = s.URL + "/api/resolve-transaction" }, dev.Key),
		"wrong iss":      sign(func(c jwt.MapClaims) { c["iss"] = dev.ID }, dev.Key),
		"expired":        sign(func(c jwt.MapClaims) { c["exp"] = now.Add(-time.Second).Unix() }, dev.Key),
		"no exp":         sign(func(c jwt.MapClaims) { delete(c, "exp") }, dev.Key),
		"other method":   sign(func(c jwt.MapClaims) { c["auth0_guardian_method"] = "otp" }, dev.Key),
		"accepted typed": sign(func(c jwt.MapClaims) { c["auth0_guardian_accepted"] = "true" }, dev.Key),
	}
	for name, body := range bad {
		a := s.guardianCall("resolve-transaction", bearer, body)
		if a.status != 401 || a.str("errorCode") != "invalid_token" || a.str("message") != "Invalid challenge_response" {
			t.Errorf("%s: %d %s", name, a.status, a.raw)
		}
	}
	hs, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": n.Payload.Challenge}).SignedString([]byte("k"))
	wantGuardianError(t, s.guardianCall("resolve-transaction", bearer, `{"challenge_response":"`+hs+`"}`), 401, "invalid_token")
	wantGuardianError(t, s.guardianCall("resolve-transaction", "", sign(func(jwt.MapClaims) {}, dev.Key)), 401, "invalid_token")
	wantGuardianError(t, s.guardianCall("resolve-transaction", "Bearer nope", sign(func(jwt.MapClaims) {}, dev.Key)), 404, "invalid_token")
	wantGuardianError(t, s.guardianCall("resolve-transaction", bearer, `{}`), 400, "invalid_body")
	wantError(t, s.poll(mfa, oob), 400, "authorization_pending", "")

	if a := s.guardianCall("resolve-transaction", bearer, sign(func(jwt.MapClaims) {}, dev.Key)); a.status != 204 || len(a.raw) != 0 {
		t.Fatalf("good answer: %d %s", a.status, a.raw)
	}
	wantGuardianError(t, s.guardianCall("resolve-transaction", bearer, sign(func(jwt.MapClaims) {}, dev.Key)), 404, "login_transaction_not_found")
	if a := s.poll(mfa, oob); a.status != 200 {
		t.Errorf("poll after resolve: %d %s", a.status, a.raw)
	}
	// The phone finds out that its notification was answered elsewhere.
	if err := s.Phone.Approve(context.Background(), n.ID); !errors.Is(err, ErrAlreadyAnswered) {
		t.Errorf("phone approve after resolve: %v", err)
	}
}

func TestGuardianResolveAfterExpiry(t *testing.T) {
	s := startSandbox(t, Options{})
	s.challenge(s.login("bob@example.com"), nil)
	n := s.Phone.Notifications()[0]
	s.Phone.mu.Lock()
	dev := s.Phone.devices[0].enrolled
	s.Phone.mu.Unlock()
	s.clock.Advance(5 * time.Minute)
	err := guardian.Resolve(context.Background(), s.Client(), dev, n.Payload, s.clock.Now(), true, "")
	var ge *guardian.Error
	if !errors.As(err, &ge) || ge.StatusCode != 404 || ge.ErrorCode != "login_transaction_not_found" || ge.Message != "The login transaction has expired" {
		t.Errorf("resolve after expiry: %v", err)
	}
}
