package sandbox

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// Every request decoder is fuzzed: whatever the input, it answers an
// error of the right shape or a value, and never panics. Seeds are in
// testdata/fuzz/<target>/ and below.

func checkDecodeError(t *testing.T, e *apiError) {
	t.Helper()
	if e != nil && (e.status < 400 || e.status > 499 || e.code == "" || e.desc == "") {
		t.Fatalf("bad error %+v", e)
	}
}

func FuzzTokenRequest(f *testing.F) {
	f.Add("application/x-www-form-urlencoded", []byte("grant_type=password&username=alice%40example.com&password=alice-password&client_id=sandbox-client&client_secret=sandbox-secret"), "")
	f.Add("application/json", []byte(`{"grant_type":"http://auth0.com/oauth/grant-type/mfa-oob","client_id":"sandbox-client","mfa_token":"Fe26.2*sandbox*a*1*b","oob_code":"x"}`), "")
	f.Add("application/x-www-form-urlencoded; charset=utf-8", []byte("grant_type=http%3A%2F%2Fauth0.com%2Foauth%2Fgrant-type%2Fmfa-otp&otp=123456"), "Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=")
	f.Fuzz(func(t *testing.T, contentType string, body []byte, authorization string) {
		p, e := parseParams(contentType, body, true)
		checkDecodeError(t, e)
		if e != nil {
			return
		}
		req, e := decodeTokenRequest(p)
		checkDecodeError(t, e)
		if e == nil && req.grant == "" {
			t.Fatal("accepted no grant")
		}
		if _, e := clientAuth(p, authorization, true); e != nil && e.status != 400 && e.status != 401 {
			t.Fatalf("client auth %+v", e)
		}
		for _, name := range []string{"username", "mfa_token", "oob_code", "otp", "recovery_code", "scope"} {
			_, e := p.required(name)
			checkDecodeError(t, e)
		}
	})
}

func FuzzAssociateRequest(f *testing.F) {
	f.Add([]byte(`{"authenticator_types":["oob"],"oob_channels":["auth0"]}`))
	f.Add([]byte(`{"authenticator_types":"otp","client_id":"sandbox-client","client_secret":"sandbox-secret"}`))
	f.Add([]byte(`{"authenticator_types":["oob"],"oob_channels":"sms","phone_number":"+15551234567"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, e := parseParams("application/json", body, false)
		checkDecodeError(t, e)
		if e == nil {
			_, e = decodeAssociate(p)
			checkDecodeError(t, e)
		}
	})
}

func FuzzChallengeRequest(f *testing.F) {
	f.Add("application/json", []byte(`{"client_id":"sandbox-client","mfa_token":"Fe26.2*x","challenge_type":"oob otp","authenticator_id":"push|dev_ADbB4Y2ozSOwynKu"}`))
	f.Add("application/x-www-form-urlencoded", []byte("client_id=sandbox-client&mfa_token=x&challenge_type=otp"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		p, e := parseParams(contentType, body, true)
		checkDecodeError(t, e)
		if e == nil {
			req, e := decodeChallenge(p)
			checkDecodeError(t, e)
			if e == nil && req.mfaToken == "" {
				t.Fatal("accepted no mfa_token")
			}
		}
	})
}

func FuzzGuardianEnrollRequest(f *testing.F) {
	f.Add([]byte(`{"identifier":"id","name":"Pixel","push_credentials":{"service":"GCM","token":"t"},"public_key":{"kty":"RSA","alg":"RS256","use":"sig","n":"AQAB","e":"AQAB"}}`))
	f.Add([]byte(`{"identifier":"id","public_key":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, _, ge := decodeGuardianEnroll(body)
		if ge != nil {
			if ge.status != 400 || ge.code != "invalid_body" || ge.message == "" {
				t.Fatalf("bad error %+v", ge)
			}
			return
		}
		if req.key == nil || req.identifier == "" || req.name == "" {
			t.Fatalf("accepted %+v", req)
		}
	})
}

func FuzzGuardianResolveRequest(f *testing.F) {
	f.Add([]byte(`{"challenge_response":"eyJhbGciOiJSUzI1NiJ9.e30.sig"}`), `Ticket id="t5FmaYNt8APzKlh3WCRNLi2dG3uZYnAC"`)
	f.Fuzz(func(t *testing.T, body []byte, authorization string) {
		if raw, ge := decodeResolve(body); (ge == nil) == (raw == "") {
			t.Fatalf("%q %+v", raw, ge)
		}
		if id, ok := ticketFromHeader(authorization); ok && (id == "" || strings.Contains(id, `"`)) {
			t.Fatalf("ticket %q", id)
		}
	})
}

func FuzzControlRequests(f *testing.F) {
	f.Add([]byte(`{"path":"/oauth/token","kind":"503","count":2}`))
	f.Add([]byte(`{"barcode_uri":"otpauth://totp/a:b?enrollment_tx_id=x&base_url=http%3A%2F%2F127.0.0.1","name":"Pixel 9"}`))
	f.Add([]byte(`{"reason":"not me"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if fault, e := decodeFault(body); e == nil && (fault.Count < 1 || !strings.HasPrefix(fault.Path, "/")) {
			t.Fatalf("accepted %+v", fault)
		} else {
			checkDecodeError(t, e)
		}
		_, e := decodeScan(body)
		checkDecodeError(t, e)
		_, e = decodeAnswer(body)
		checkDecodeError(t, e)
	})
}

func FuzzUserAgent(f *testing.F) {
	f.Add("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")
	f.Add("curl/8.5.0")
	f.Add("mfapush/dev")
	f.Fuzz(func(t *testing.T, ua string) {
		s := parseUserAgent(ua)
		for _, v := range []string{s.Browser.Name, s.Browser.Version, s.OS.Name} {
			if len(v) > 64 || strings.ContainsAny(v, "\x00\x1b\n\r") {
				t.Fatalf("unclean %q", v)
			}
		}
	})
}

func FuzzBearerToken(f *testing.F) {
	tn, err := NewTenant(Options{URL: "http://127.0.0.1:8484"})
	if err != nil {
		f.Fatal(err)
	}
	defer tn.Close()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	f.Add(tn.seal("mfa_token", now.Add(time.Minute)))
	f.Add("Fe26.2*sandbox*abc*1234*mac")
	f.Add("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
	f.Fuzz(func(t *testing.T, token string) {
		r, _ := http.NewRequest("GET", "http://127.0.0.1:8484/mfa/authenticators", nil)
		r.Header.Set("Authorization", "Bearer "+token)
		tn.mu.Lock()
		_, e := tn.authenticate(r, "http://127.0.0.1:8484", now)
		tn.mu.Unlock()
		if e == nil || e.status != 401 || e.code != "invalid_token" {
			t.Fatalf("%+v", e) // no session exists, so nothing authenticates
		}
	})
}
