package sandbox

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mfapush/mfapush/auth0/guardian"
)

func passwordForm(extra map[string]string) map[string]string {
	f := client(map[string]string{"grant_type": "password", "username": "alice@example.com", "password": "alice-password"})
	for k, v := range extra {
		if v == "" {
			delete(f, k)
		} else {
			f[k] = v
		}
	}
	return f
}

func TestPasswordGrantAnswersMFARequired(t *testing.T) {
	s := startSandbox(t, Options{})
	a := s.form("/oauth/token", passwordForm(nil))
	if a.status != 403 || a.str("error") != "mfa_required" || a.str("error_description") != "Multifactor authentication required" || a.body["mfa_requirements"] == nil || len(a.body) != 4 {
		t.Fatalf("got %d %s", a.status, a.raw)
	}
	tok := a.str("mfa_token")
	if !strings.HasPrefix(tok, "Fe26.2*") || strings.Count(tok, ".") > 1 || strings.HasPrefix(tok, "eyJ") {
		t.Errorf("mfa_token %q does not look opaque", tok)
	}
	if a.header.Get("Content-Type") != "application/json; charset=utf-8" { // as recorded
		t.Errorf("Content-Type %q", a.header.Get("Content-Type"))
	}

	// The same login as JSON, as password-realm, and with HTTP Basic.
	j := s.call("POST", "/oauth/token", "", passwordForm(map[string]string{"grant_type": grantPasswordRealm, "realm": connection}))
	if j.status != 403 || j.str("error") != "mfa_required" {
		t.Errorf("JSON password-realm: %d %s", j.status, j.raw)
	}
	v := url.Values{"grant_type": {"password"}, "username": {"Bob@Example.com"}, "password": {"bob-password"}}
	req, _ := http.NewRequest("POST", s.URL+"/oauth/token", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(clientID+":"+clientSecret)))
	if b := s.do(req); b.status != 403 || b.str("error") != "mfa_required" {
		t.Errorf("Basic: %d %s", b.status, b.raw)
	}
}

func TestTokenEndpointErrors(t *testing.T) {
	s := startSandbox(t, Options{})
	cases := []struct {
		name       string
		form       map[string]string
		status     int
		code, desc string
	}{
		{"wrong password", passwordForm(map[string]string{"password": "nope"}), 403, "invalid_grant", "Wrong email or password."},
		{"unknown user", passwordForm(map[string]string{"username": "eve@example.com"}), 403, "invalid_grant", "Wrong email or password."},
		{"bad secret", passwordForm(map[string]string{"client_secret": "nope"}), 401, "access_denied", "Unauthorized"},
		{"no secret", passwordForm(map[string]string{"client_secret": ""}), 401, "access_denied", "Unauthorized"},
		{"bad client", passwordForm(map[string]string{"client_id": "other"}), 401, "access_denied", "Unauthorized"},
		{"no client", passwordForm(map[string]string{"client_id": ""}), 400, "invalid_request", "Missing required parameter: client_id"},
		{"no username", passwordForm(map[string]string{"username": ""}), 400, "invalid_request", "Missing required parameter: username"},
		{"no password", passwordForm(map[string]string{"password": ""}), 400, "invalid_request", "Missing required parameter: password"},
		{"no grant", passwordForm(map[string]string{"grant_type": ""}), 400, "invalid_request", "Missing required parameter: grant_type"},
		{"unknown grant", passwordForm(map[string]string{"grant_type": "urn:example:no-such-grant"}), 400, "unsupported_grant_type", ""},
		{"grant the application lacks", passwordForm(map[string]string{"grant_type": "client_credentials"}), 403, "unauthorized_client", "Grant type 'client_credentials' not allowed for the client."},
		{"no realm", passwordForm(map[string]string{"grant_type": grantPasswordRealm}), 400, "invalid_request", "Missing required parameter: realm"},
		{"other realm", passwordForm(map[string]string{"grant_type": grantPasswordRealm, "realm": "google-oauth2"}), 400, "invalid_request", ""},
		{"no oob_code", client(map[string]string{"grant_type": grantMFAOOB, "mfa_token": "x"}), 400, "invalid_request", "Missing required parameter: oob_code"},
		{"no mfa_token", client(map[string]string{"grant_type": grantMFAOTP, "otp": "123456"}), 400, "invalid_request", "Missing required parameter: mfa_token"},
		{"no otp", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": "x"}), 400, "invalid_request", "Missing required parameter: otp"},
		{"malformed mfa_token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": "x", "otp": "123456"}), 403, "invalid_grant", "Malformed mfa_token"},
		{"forged mfa_token", client(map[string]string{"grant_type": grantMFARecoveryCode, "mfa_token": "Fe26.2*sandbox*abc*99999999999999*mac", "recovery_code": "X"}), 403, "invalid_grant", "Malformed mfa_token"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantError(t, s.form("/oauth/token", c.form), c.status, c.code, c.desc) })
	}
}

func TestMalformedBodiesGetJSON400(t *testing.T) {
	s := startSandbox(t, Options{})
	post := func(path, contentType, body string) answer {
		req, _ := http.NewRequest("POST", s.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		return s.do(req)
	}
	huge := `{"grant_type":"` + strings.Repeat("x", maxBodyBytes) + `"}`
	cases := []struct{ path, contentType, body string }{
		{"/oauth/token", "application/json", "{"},
		{"/oauth/token", "application/json", "[1,2]"},
		{"/oauth/token", "application/json", `{"grant_type": 5}`},
		{"/oauth/token", "application/json", `{"grant_type": ["password", "x"]}`},
		{"/oauth/token", "application/json", huge},
		{"/oauth/token", "application/x-www-form-urlencoded", "grant_type=%zz"},
		{"/oauth/token", "application/x-www-form-urlencoded", "grant_type=password&grant_type=password"},
		{"/oauth/token", "text/plain", "grant_type=password"},
		{"/oauth/token", "application/json; charset", "{}"},
		{"/mfa/challenge", "application/json", `{"mfa_token": {"a": 1}}`},
		{"/mfa/challenge", "application/json", huge},
		{"/sandbox/faults", "application/json", `{"path": 1}`},
		{"/sandbox/devices", "application/json", `"otpauth"`},
	}
	for _, c := range cases {
		a := post(c.path, c.contentType, c.body)
		if a.status != 400 || a.str("error") != "invalid_request" || a.header.Get("Content-Type") != "application/json" {
			t.Errorf("%s %q %.40q: %d %.200s", c.path, c.contentType, c.body, a.status, a.raw)
		}
	}
	// Still serving.
	if a := s.form("/oauth/token", passwordForm(nil)); a.status != 403 {
		t.Errorf("after bad bodies: %d", a.status)
	}
}

func TestUnknownPathsAndMethodsGetJSON(t *testing.T) {
	s := startSandbox(t, Options{})
	if a := s.call("GET", "/nope", "", nil); a.status != 404 || a.str("error") != "not_found" {
		t.Errorf("unknown path: %d %s", a.status, a.raw)
	}
	a := s.call("GET", "/oauth/token", "", nil)
	if a.status != 405 || a.str("error") != "method_not_allowed" || a.header.Get("Allow") != "POST" {
		t.Errorf("GET /oauth/token: %d %s %v", a.status, a.raw, a.header)
	}
	g := s.call("GET", "/appliance-mfa/api/nope", "", nil)
	if g.status != 404 || g.str("errorCode") != "not_found" || g.body["statusCode"] != float64(404) {
		t.Errorf("unknown Guardian path: %d %s", g.status, g.raw)
	}
}

// verifyJWT checks a token with the tenant's published JWKS.
func (s *sandbox) verifyJWT(raw string) jwt.MapClaims {
	s.t.Helper()
	jwks := s.call("GET", "/.well-known/jwks.json", "", nil)
	keys := jwks.body["keys"].([]any)
	k := keys[0].(map[string]any)
	pub, err := guardian.JWK{Kty: k["kty"].(string), Alg: k["alg"].(string), N: k["n"].(string), E: k["e"].(string)}.RSAPublicKey()
	if err != nil {
		s.t.Fatal(err)
	}
	claims := jwt.MapClaims{}
	tok, err := jwt.ParseWithClaims(raw, claims, func(tok *jwt.Token) (any, error) {
		if tok.Header["kid"] != k["kid"] {
			s.t.Errorf("kid %v, want %v", tok.Header["kid"], k["kid"])
		}
		return pub, nil
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithTimeFunc(s.clock.Now))
	if err != nil || !tok.Valid {
		s.t.Fatalf("token: %v", err)
	}
	return claims
}

func TestTokensCarryTheLoginsAudienceAndScope(t *testing.T) {
	s := startSandbox(t, Options{})
	u := s.Tenant.Users()[1] // bob
	cases := []struct {
		scope, audience string
		expiresIn       float64
		wantAud         string
	}{
		{"openid profile offline_access", "", 86400, s.URL + "/userinfo"},
		{"enroll read:authenticators remove:authenticators something", s.URL + "/mfa/", 600, s.URL + "/mfa/"},
		{"read:things", "https://api.example.com", 86400, "https://api.example.com"},
	}
	for _, c := range cases {
		mfa := s.login("bob@example.com", c.scope, c.audience)
		code, _, _ := s.Phone.OTP(s.bobDevice().ID)
		tokens := s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": code}))
		s.clock.Advance(30 * time.Second) // the next code
		if tokens.status != 200 || tokens.body["expires_in"] != c.expiresIn || tokens.str("token_type") != "Bearer" {
			t.Fatalf("%q: %d %s", c.scope, tokens.status, tokens.raw)
		}
		wantScope := c.scope
		if c.audience == s.URL+"/mfa/" {
			wantScope = "enroll read:authenticators remove:authenticators"
		}
		if tokens.str("scope") != wantScope {
			t.Errorf("scope %q, want %q", tokens.str("scope"), wantScope)
		}
		if c.wantAud == s.URL+"/userinfo" {
			// No API audience: an opaque token, as Auth0 issues.
			if at := tokens.str("access_token"); len(at) != 32 || strings.Trim(at, alnum) != "" {
				t.Errorf("access token for /userinfo %q, want 32 opaque letters and digits", at)
			}
		} else {
			at := s.verifyJWT(tokens.str("access_token"))
			now := s.clock.Now().Add(-30 * time.Second).Unix()
			want := map[string]any{"iss": s.URL + "/", "sub": u.UserID, "aud": c.wantAud, "scope": wantScope, "azp": clientID,
				"iat": float64(now), "exp": float64(now) + c.expiresIn}
			for k, v := range want {
				if at[k] != v {
					t.Errorf("access token %s = %v, want %v", k, at[k], v)
				}
			}
		}
		_, hasID := tokens.body["id_token"]
		_, hasRefresh := tokens.body["refresh_token"]
		if hasID != strings.Contains(c.scope, "openid") || hasRefresh != strings.Contains(c.scope, "offline_access") {
			t.Errorf("%q: id_token %v, refresh_token %v", c.scope, hasID, hasRefresh)
		}
		if hasID {
			id := s.verifyJWT(tokens.str("id_token"))
			if id["aud"] != clientID || id["sub"] != u.UserID || id["email"] != u.Email || id["name"] != "Bob" || id["iss"] != s.URL+"/" {
				t.Errorf("id_token claims %v", id)
			}
			if amr, _ := id["amr"].([]any); len(amr) != 1 || amr[0] != "mfa" {
				t.Errorf("amr %v", id["amr"])
			}
		}
		if hasRefresh && strings.HasPrefix(tokens.str("refresh_token"), "eyJ") {
			t.Error("refresh_token is a JWT")
		}
	}
}

func TestOpenIDConfiguration(t *testing.T) {
	s := startSandbox(t, Options{})
	a := s.call("GET", "/.well-known/openid-configuration", "", nil)
	if a.status != 200 || a.str("issuer") != s.URL+"/" || a.str("token_endpoint") != s.URL+"/oauth/token" || a.str("jwks_uri") != s.URL+"/.well-known/jwks.json" {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	grants, _ := a.body["grant_types_supported"].([]any)
	if len(grants) != 7 {
		t.Errorf("grant_types_supported %v", grants)
	}
	k := s.call("GET", "/.well-known/jwks.json", "", nil).body["keys"].([]any)[0].(map[string]any)
	if k["kid"] == "" || k["alg"] != "RS256" || k["use"] != "sig" || k["kty"] != "RSA" {
		t.Errorf("jwks key %v", k)
	}
}
