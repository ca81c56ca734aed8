package sandbox

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0/guardian"
)

func TestAssociatePushShape(t *testing.T) {
	s := startSandbox(t, Options{})
	a := s.associatePush(s.login("alice@example.com"))
	if a.status != 200 || a.header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("%d %s %v", a.status, a.raw, a.header)
	}
	if len(a.body) != 5 || a.str("authenticator_type") != "oob" || a.str("oob_channel") != "auth0" || !strings.HasPrefix(a.str("oob_code"), "Fe26.2*") {
		t.Errorf("body %s", a.raw)
	}
	if _, ok := a.body["binding_method"]; ok {
		t.Error("push has a binding_method")
	}
	codes, _ := a.body["recovery_codes"].([]any)
	if len(codes) != 1 || !regexp.MustCompile(`^[A-Z0-9]{24}$`).MatchString(codes[0].(string)) {
		t.Errorf("recovery_codes %v", a.body["recovery_codes"])
	}
	uri := a.str("barcode_uri")
	want := regexp.MustCompile(`^otpauth://totp/mfapush%20sandbox:alice%40example\.com\?enrollment_tx_id=[A-Za-z0-9]{32}&base_url=` + regexp.QuoteMeta(url.QueryEscape(s.URL+"/appliance-mfa")) + `$`)
	if !want.MatchString(uri) {
		t.Errorf("barcode_uri %s", uri)
	}
	e, err := guardian.ParseBarcodeURI(uri)
	if err != nil || e.Issuer != "mfapush sandbox" || e.Account != "alice@example.com" {
		t.Errorf("parsed %+v %v", e, err)
	}
	// Two pending authenticators with different dev_ ids, and the pending recovery code.
	list := s.listAuthenticators(s.login("alice@example.com"))
	if len(list) != 3 {
		t.Fatalf("list %v", list)
	}
	idPattern := regexp.MustCompile(`^(push|totp|recovery-code)\|dev_[A-Za-z0-9]{16}$`)
	wantTypes := []string{"oob", "otp", "recovery-code"}
	for i, x := range list {
		if !idPattern.MatchString(x["id"].(string)) || x["authenticator_type"] != wantTypes[i] || x["active"] != false {
			t.Errorf("pending %d: %v", i, x)
		}
		if _, named := x["name"]; named {
			t.Errorf("a pending authenticator has a name: %v", x)
		}
	}
	if list[0]["oob_channel"] != "auth0" || len(list[0]) != 4 || len(list[1]) != 3 {
		t.Errorf("fields %v", list)
	}
	if strings.TrimPrefix(list[0]["id"].(string), "push|") == strings.TrimPrefix(list[1]["id"].(string), "totp|") {
		t.Error("push and totp share a dev_ id")
	}
}

func TestAssociateOTPShapeAndConfirmation(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("alice@example.com", "openid")
	a := s.call("POST", "/mfa/associate", mfa, map[string]any{"authenticator_types": "otp", "client_id": clientID})
	secret := a.str("secret")
	if a.status != 200 || a.str("authenticator_type") != "otp" || len(secret) != 32 || len(a.body) != 4 {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	if got, want := a.str("barcode_uri"), "otpauth://totp/mfapush%20sandbox:alice%40example.com?secret="+secret+"&issuer=mfapush%20sandbox&algorithm=SHA1&digits=6&period=30"; got != want {
		t.Errorf("barcode_uri %s\nwant %s", got, want)
	}
	code, _ := guardian.TOTP(secret, s.clock.Now(), 6, 30*time.Second, "sha1")
	tokens := s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": code}))
	if tokens.status != 200 || tokens.str("id_token") == "" {
		t.Fatalf("confirm: %d %s", tokens.status, tokens.raw)
	}
	wantError(t, s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": code})), 403, "invalid_grant", "Invalid otp_code.")
	list := s.listAuthenticators(s.login("alice@example.com"))
	if len(list) != 2 || list[0]["authenticator_type"] != "otp" || list[0]["active"] != true || list[1]["authenticator_type"] != "recovery-code" || list[1]["active"] != true {
		t.Errorf("after confirming: %v", list)
	}
}

func (s *sandbox) listAuthenticators(bearer string) []map[string]any {
	s.t.Helper()
	a := s.call("GET", "/mfa/authenticators", bearer, nil)
	if a.status != 200 {
		s.t.Fatalf("list: %d %s", a.status, a.raw)
	}
	var out []map[string]any
	decodeInto(s.t, a.raw, &out)
	return out
}

func TestAlreadyEnrolledAndTheMFAAccessToken(t *testing.T) {
	s := startSandbox(t, Options{})
	bob := s.login("bob@example.com", "enroll read:authenticators remove:authenticators", s.URL+"/mfa/")
	wantError(t, s.associatePush(bob), 403, "access_denied", "User is already enrolled.")

	// Pass MFA for an /mfa/ access token, then enroll a second factor with it.
	code, _, _ := s.Phone.OTP(s.bobDevice().ID)
	tokens := s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": bob, "otp": code}))
	access := tokens.str("access_token")
	if tokens.status != 200 || tokens.body["expires_in"] != float64(600) {
		t.Fatalf("tokens: %d %s", tokens.status, tokens.raw)
	}
	a := s.associatePush(access)
	if a.status != 200 {
		t.Fatalf("associate with the access token: %d %s", a.status, a.raw)
	}
	if _, ok := a.body["recovery_codes"]; ok {
		t.Error("a second authenticator came with recovery codes")
	}
	d, err := s.Phone.Scan(context.Background(), a.str("barcode_uri"), "Bob's tablet")
	if err != nil {
		t.Fatal(err)
	}
	list := s.listAuthenticators(access)
	if len(list) != 5 || list[3]["name"] != "Bob's tablet" || list[3]["id"] != "push|"+d.ID {
		t.Errorf("list %v", list)
	}
	// The access token expires after 600 s.
	s.clock.Advance(600 * time.Second)
	if a := s.associatePush(access); a.status != 401 || a.str("error") != "invalid_token" || a.str("error_description") != "The access token is expired" {
		t.Errorf("expired access token: %d %s", a.status, a.raw)
	}
}

func TestAssociateErrors(t *testing.T) {
	s := startSandbox(t, Options{})
	alice := s.login("alice@example.com")
	noEnroll := s.mfaAccessToken("read:authenticators")
	cases := []struct {
		name   string
		bearer string
		body   any
		status int
		code   string
	}{
		{"no bearer", "", map[string]any{"authenticator_types": []string{"otp"}}, 401, "invalid_token"},
		{"bad bearer", "eyJhbGciOiJub25lIn0.e30.", map[string]any{"authenticator_types": []string{"otp"}}, 401, "invalid_token"},
		{"malformed mfa_token", "Fe26.2*x", map[string]any{"authenticator_types": []string{"otp"}}, 401, "invalid_token"},
		{"no types", alice, map[string]any{}, 400, "invalid_request"},
		{"two types", alice, map[string]any{"authenticator_types": []string{"otp", "oob"}}, 400, "invalid_request"},
		{"no channel", alice, map[string]any{"authenticator_types": []string{"oob"}}, 400, "invalid_request"},
		{"sms without a number", alice, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"sms"}}, 400, "invalid_request"},
		{"sms with spaces", alice, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"sms"}, "phone_number": "+1 555 123 4567"}, 400, "invalid_request"},
		{"voice without +", alice, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"voice"}, "phone_number": "5551234567"}, 400, "invalid_request"},
		{"sms and voice", alice, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"sms", "voice"}, "phone_number": "+15551234567"}, 400, "invalid_request"},
		{"bad email", alice, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"email"}, "email": "alice"}, 400, "invalid_request"},
		{"unknown channel", alice, map[string]any{"authenticator_types": "oob", "oob_channels": "pigeon"}, 400, "invalid_request"},
		{"recovery-code", alice, map[string]any{"authenticator_types": []string{"recovery-code"}}, 400, "invalid_request"},
		{"types not strings", alice, map[string]any{"authenticator_types": []int{1}}, 400, "invalid_request"},
		{"wrong client", alice, map[string]any{"authenticator_types": []string{"otp"}, "client_id": "other"}, 401, "access_denied"},
		{"wrong secret", alice, map[string]any{"authenticator_types": []string{"otp"}, "client_id": clientID, "client_secret": "x"}, 401, "access_denied"},
		{"no enroll scope", noEnroll, map[string]any{"authenticator_types": []string{"otp"}}, 403, "insufficient_scope"},
	}
	for _, c := range cases {
		a := s.call("POST", "/mfa/associate", c.bearer, c.body)
		if a.status != c.status || a.str("error") != c.code || a.str("error_description") == "" {
			t.Errorf("%s: %d %s", c.name, a.status, a.raw)
		}
	}
	pigeon := s.call("POST", "/mfa/associate", alice, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"pigeon"}})
	if d := pigeon.str("error_description"); !strings.Contains(d, "auth0") || !strings.Contains(d, "sms") || !strings.Contains(d, "otp") {
		t.Errorf("unknown channel's description %q", d)
	}
	if d := s.call("POST", "/mfa/associate", alice, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"sms"}, "phone_number": "555"}).str("error_description"); !strings.Contains(d, "E.164") {
		t.Errorf("bad number's description %q", d)
	}
	// The bare string forms of the old docs work.
	if a := s.call("POST", "/mfa/associate", alice, map[string]any{"authenticator_types": "oob", "oob_channels": "auth0"}); a.status != 200 || a.str("oob_channel") != "auth0" {
		t.Errorf("string forms: %d %s", a.status, a.raw)
	}
}

// mfaAccessToken passes MFA as bob with OTP for an /mfa/ token with scope.
func (s *sandbox) mfaAccessToken(scope string) string {
	s.t.Helper()
	mfa := s.login("bob@example.com", scope, s.URL+"/mfa/")
	code, _, _ := s.Phone.OTP(s.bobDevice().ID)
	a := s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": code}))
	if a.status != 200 {
		s.t.Fatalf("mfa access token: %d %s", a.status, a.raw)
	}
	s.clock.Advance(30 * time.Second) // each code works once
	return a.str("access_token")
}
