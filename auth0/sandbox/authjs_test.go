package sandbox

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// Auth0's own JavaScript SDK, @auth0/auth0-auth-js 1.16.1 (openid-client
// 6.9.1, oauth4webapi 3.8.9 under it; its MFA client: enrollAuthenticator,
// challengeAuthenticator, verify, listAuthenticators, deleteAuthenticator,
// and its CIBA calls), enrolled, challenged and verified the authenticator
// app, SMS, email, voice, a recovery code and push, and ran CIBA, against
// `mfapush sandbox --tls`, trusting its CA through NODE_EXTRA_CA_CERTS.
// These tests (here and in authjs_push_ciba_test.go) replay the exchanges
// as the SDK sends them (its bodies and headers, its https base URL,
// openid-client's discovery and token request), and check each answer as
// the SDK and the libraries under it read it, so that CI checks the same
// without npm.
//
// To run the SDK itself: in a scratch folder outside the repository,
// `npm install @auth0/auth0-auth-js@1.16.1`, copy testdata/authjs/check.mjs
// there, start `mfapush sandbox --tls` and paste its export lines, then
// `NODE_EXTRA_CA_CERTS=$SSL_CERT_FILE node check.mjs` (about 45 s; it
// prints ok or FAIL for each step and exits 1 on a failure).

// authJS is the SDK, as its requests look on the wire.
type authJS struct {
	t      *testing.T
	s      *sandbox
	issuer string
	token  string // the token endpoint, from discovery
}

func newAuthJS(t *testing.T) *authJS {
	return newAuthJSWith(t, Options{})
}

// newAuthJSWith serves opts over TLS.
func newAuthJSWith(t *testing.T, opts Options) *authJS {
	opts.TLS = true
	s := startSandbox(t, opts)
	if !strings.HasPrefix(s.URL, "https://") {
		t.Fatalf("the sandbox serves %s: the SDK speaks https only", s.URL)
	}
	// openid-client's discovery: the issuer must be the domain's URL with a
	// trailing slash, and it names the token endpoint.
	var conf struct {
		Issuer        string `json:"issuer"`
		TokenEndpoint string `json:"token_endpoint"`
	}
	d := s.do(mustRequest(t, http.MethodGet, s.URL+"/.well-known/openid-configuration", nil, http.Header{"Accept": {"application/json"}}))
	decodeInto(t, d.raw, &conf)
	if d.status != 200 || conf.Issuer != s.URL+"/" || conf.TokenEndpoint != s.URL+"/oauth/token" {
		t.Fatalf("discovery: %d %s", d.status, d.raw)
	}
	return &authJS{t: t, s: s, issuer: conf.Issuer, token: conf.TokenEndpoint}
}

func mustRequest(t *testing.T, method, u string, body []byte, h http.Header) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = h
	return req
}

// mfaAPI is the MFA client's fetch: JSON with a Content-Type even on a
// GET, the bearer in Authorization when it sends one.
func (c *authJS) mfaAPI(method, path, bearer string, body any) answer {
	c.t.Helper()
	h := http.Header{"Content-Type": {"application/json"}}
	if bearer != "" {
		h.Set("Authorization", "Bearer "+bearer)
	}
	var b []byte
	if body != nil {
		b, _ = json.Marshal(body)
	}
	a := c.s.do(mustRequest(c.t, method, c.s.URL+path, b, h))
	if a.status/100 != 2 {
		c.t.Fatalf("%s %s: %d %s", method, path, a.status, a.raw)
	}
	return a
}

// enrollAuthenticator sends authenticator_types, oob_channels,
// phone_number and email, and no client credentials.
func (c *authJS) enroll(bearer string, params map[string]any) answer {
	c.t.Helper()
	return c.mfaAPI(http.MethodPost, "/mfa/associate", bearer, params)
}

// challengeAuthenticator sends the mfa_token, client_id, challenge_type,
// client_secret and authenticator_id in the body, and no bearer.
func (c *authJS) challenge(mfaToken, challengeType, authenticatorID string) answer {
	c.t.Helper()
	return c.mfaAPI(http.MethodPost, "/mfa/challenge", "", map[string]string{
		"mfa_token": mfaToken, "client_id": clientID, "challenge_type": challengeType,
		"client_secret": clientSecret, "authenticator_id": authenticatorID,
	})
}

// verify is openid-client's genericGrantRequest with client_secret_post:
// a form with the grant's fields, the client's id and secret. It checks
// the answer as oauth4webapi's processGenericAccessTokenResponse does, and
// returns the access token, or the error answer when wantErr.
func (c *authJS) verify(grant string, fields map[string]string, wantErr bool) answer {
	c.t.Helper()
	return c.grantAs(clientID, clientSecret, grant, fields, wantErr)
}

// grantAs is verify for the application clientID.
func (c *authJS) grantAs(clientID, clientSecret, grant string, fields map[string]string, wantErr bool) answer {
	c.t.Helper()
	form := url.Values{"grant_type": {grant}, "client_id": {clientID}, "client_secret": {clientSecret}}
	for k, v := range fields {
		form.Set(k, v)
	}
	a := c.postForm(c.token, form)
	if mt, _, _ := mime.ParseMediaType(a.header.Get("Content-Type")); mt != "application/json" {
		c.t.Fatalf("verify: Content-Type %q: the SDK reads only application/json", a.header.Get("Content-Type"))
	}
	if wantErr {
		if a.status == 200 {
			c.t.Fatalf("verify %v: accepted", fields)
		}
		return a
	}
	if a.status != 200 {
		c.t.Fatalf("verify: %d %s", a.status, a.raw)
	}
	if _, ok := a.body["expires_in"].(float64); !ok || a.str("access_token") == "" || !strings.EqualFold(a.str("token_type"), "bearer") {
		c.t.Fatalf("verify: %s", a.raw)
	}
	if id := a.str("id_token"); id != "" {
		c.checkIDToken(id, clientID)
	}
	return a
}

// postForm is openid-client's form POST.
func (c *authJS) postForm(endpoint string, form url.Values) answer {
	c.t.Helper()
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded;charset=UTF-8"}, "Accept": {"application/json"}}
	return c.s.do(mustRequest(c.t, http.MethodPost, endpoint, []byte(form.Encode()), h))
}

// checkIDToken checks the claims oauth4webapi requires of an ID token.
func (c *authJS) checkIDToken(token, clientID string) {
	c.t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		c.t.Fatalf("id_token: %d parts", len(parts))
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		c.t.Fatal(err)
	}
	var claims struct {
		Iss string  `json:"iss"`
		Sub string  `json:"sub"`
		Aud any     `json:"aud"`
		Exp float64 `json:"exp"`
		Iat float64 `json:"iat"`
	}
	decodeInto(c.t, raw, &claims)
	aud, _ := claims.Aud.(string)
	if list, ok := claims.Aud.([]any); ok && slices.Contains(list, any(clientID)) {
		aud = clientID
	}
	now := float64(c.s.clock.Now().Unix())
	if claims.Iss != c.issuer || claims.Sub == "" || aud != clientID || claims.Exp <= now || claims.Iat == 0 {
		c.t.Fatalf("id_token claims %s", raw)
	}
}

// lastCode is what the user reads in the message the sandbox sent.
func (c *authJS) lastCode(channel string) string {
	c.t.Helper()
	return c.s.Phone.Messages(MessageFilter{Channel: channel})[0].Code
}

const (
	grantOTP = "http://auth0.com/oauth/grant-type/mfa-otp"
	grantOOB = "http://auth0.com/oauth/grant-type/mfa-oob"
)

func TestAuthJSEnrollsChallengesAndVerifiesEveryFactor(t *testing.T) {
	c := newAuthJS(t)
	s := c.s

	// The authenticator app, enrolled with the mfa_token.
	mfa := s.login("alice@example.com", "openid profile")
	app := c.enroll(mfa, map[string]any{"authenticator_types": []string{"otp"}})
	if app.str("authenticator_type") != "otp" || app.str("secret") == "" || app.str("barcode_uri") == "" {
		t.Fatalf("otp enrollment: %s", app.raw)
	}
	dev, err := s.Phone.Scan(t.Context(), app.str("barcode_uri"), "")
	if err != nil {
		t.Fatal(err)
	}
	otp, _, _ := s.Phone.OTP(dev.ID)
	c.verify(grantOTP, map[string]string{"mfa_token": mfa, "otp": otp}, false)

	// The list, and an OTP challenge.
	mfa = s.login("alice@example.com", "openid profile")
	var list []authenticatorJSON
	decodeInto(t, c.mfaAPI(http.MethodGet, "/mfa/authenticators", mfa, nil).raw, &list)
	if len(list) != 2 || !strings.HasPrefix(list[0].ID, "totp|") || !list[0].Active {
		t.Fatalf("list: %+v", list)
	}
	if ch := c.challenge(mfa, "otp", list[0].ID); ch.str("challenge_type") != "otp" {
		t.Fatalf("otp challenge: %s", ch.raw)
	}

	// SMS and email need an /mfa/ access token: passed with the app's next
	// code (each code works once).
	s.clock.Advance(30 * time.Second)
	mfa = s.login("alice@example.com", "openid enroll read:authenticators", s.URL+"/mfa/")
	otp, _, _ = s.Phone.OTP(dev.ID)
	access := c.verify(grantOTP, map[string]string{"mfa_token": mfa, "otp": otp}, false).str("access_token")

	for _, f := range []struct {
		channel string
		params  map[string]any
	}{
		{"sms", map[string]any{"phone_number": "+15555550100"}},
		{"email", map[string]any{"email": "alice@example.com"}},
	} {
		params := map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{f.channel}}
		for k, v := range f.params {
			params[k] = v
		}
		en := c.enroll(access, params)
		if en.str("oob_code") == "" || en.str("binding_method") != "prompt" || en.str("oob_channel") != f.channel {
			t.Fatalf("%s enrollment: %s", f.channel, en.raw)
		}
		c.verify(grantOOB, map[string]string{"mfa_token": mfa, "oob_code": en.str("oob_code"), "binding_code": c.lastCode(f.channel)}, false)

		signIn := s.login("alice@example.com", "openid profile")
		decodeInto(t, c.mfaAPI(http.MethodGet, "/mfa/authenticators", signIn, nil).raw, &list)
		i := slices.IndexFunc(list, func(a authenticatorJSON) bool { return strings.HasPrefix(a.ID, f.channel+"|") })
		if i < 0 || !list[i].Active || list[i].Name == "" {
			t.Fatalf("%s listed: %+v", f.channel, list)
		}
		ch := c.challenge(signIn, "oob", list[i].ID)
		if ch.str("oob_code") == "" || ch.str("binding_method") != "prompt" {
			t.Fatalf("%s challenge: %s", f.channel, ch.raw)
		}
		wrong := "000000"
		if c.lastCode(f.channel) == wrong {
			wrong = "111111"
		}
		// The SDK's MfaVerifyError carries error and error_description.
		refused := c.verify(grantOOB, map[string]string{"mfa_token": signIn, "oob_code": ch.str("oob_code"), "binding_code": wrong}, true)
		if refused.str("error") != "invalid_grant" || refused.str("error_description") != "Invalid binding_code." {
			t.Fatalf("%s wrong code: %d %s", f.channel, refused.status, refused.raw)
		}
		c.verify(grantOOB, map[string]string{"mfa_token": signIn, "oob_code": ch.str("oob_code"), "binding_code": c.lastCode(f.channel)}, false)
	}
}
