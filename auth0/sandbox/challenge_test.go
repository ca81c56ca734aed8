package sandbox

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestChallengeShapesAndNotification(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com")
	dev := s.bobDevice()
	body := `{"client_id":"sandbox-client","mfa_token":"` + mfa + `","challenge_type":"oob otp","authenticator_id":"push|` + dev.ID + `"}`
	req, _ := http.NewRequest("POST", s.URL+"/mfa/challenge", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15")
	a := s.do(req)
	if a.status != 200 || len(a.body) != 2 || a.str("challenge_type") != "oob" || !strings.HasPrefix(a.str("oob_code"), "Fe26.2*") {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	ns := s.Phone.Notifications()
	if len(ns) != 1 {
		t.Fatalf("notifications %v", ns)
	}
	n := ns[0]
	p := n.Payload
	if n.DeviceID != dev.ID || n.UserID != dev.UserID || !n.CreatedAt.Equal(start) || !n.ExpiresAt.Equal(start.Add(5*time.Minute)) ||
		n.App != "Safari" || n.AppVersion != "17.4" || n.OS != "Mac OS" || n.Location != "sandbox" {
		t.Errorf("notification %+v", n)
	}
	if p.DeviceAccountID != dev.ID || p.TransactionToken == "" || p.Challenge == "" || p.Date != "2026-03-01T09:00:00.000Z" ||
		p.Host != s.URL+"/appliance-mfa" || p.Location == nil || p.Location.Name != "sandbox" || p.Source == nil || p.Source.Browser.Name != "Safari" {
		t.Errorf("payload %+v", p)
	}
	// OTP challenge, and a challenge with no type picks push.
	if a := s.challenge(mfa, map[string]string{"challenge_type": "otp"}); a.status != 200 || a.str("challenge_type") != "otp" || len(a.body) != 1 {
		t.Errorf("otp: %d %s", a.status, a.raw)
	}
	if a := s.challenge(mfa, map[string]string{"challenge_type": ""}); a.status != 200 || a.str("challenge_type") != "oob" {
		t.Errorf("any: %d %s", a.status, a.raw)
	}
	if n := len(s.Phone.Notifications()); n != 2 {
		t.Errorf("%d notifications", n)
	}
}

func TestChallengeErrors(t *testing.T) {
	s := startSandbox(t, Options{})
	bob := s.login("bob@example.com")
	alice := s.login("alice@example.com")
	s.associatePush(alice)
	aliceList := s.listAuthenticators(alice)
	bobList := s.listAuthenticators(bob)
	cases := []struct {
		name   string
		mfa    string
		extra  map[string]string
		status int
		code   string
	}{
		{"pending authenticator", alice, map[string]string{"authenticator_id": aliceList[0]["id"].(string)}, 400, "invalid_request"},
		{"not enrolled", alice, nil, 400, "association_required"},
		{"unknown id", bob, map[string]string{"authenticator_id": "push|dev_nope"}, 400, "invalid_request"},
		{"someone else's id", bob, map[string]string{"authenticator_id": aliceList[0]["id"].(string)}, 400, "invalid_request"},
		{"recovery code", bob, map[string]string{"authenticator_id": bobList[2]["id"].(string)}, 400, "unsupported_challenge_type"},
		{"type mismatch", bob, map[string]string{"authenticator_id": bobList[1]["id"].(string), "challenge_type": "oob"}, 400, "unsupported_challenge_type"},
		{"sms type", bob, map[string]string{"challenge_type": "sms"}, 400, "unsupported_challenge_type"},
		{"no client", bob, map[string]string{"client_id": ""}, 400, "invalid_request"},
		{"bad secret", bob, map[string]string{"client_secret": "x"}, 401, "access_denied"},
		{"no mfa_token", "", nil, 400, "invalid_request"},
		{"malformed mfa_token", "abc", nil, 403, "invalid_grant"},
	}
	for _, c := range cases {
		body := map[string]string{"client_id": clientID, "challenge_type": "oob"}
		if c.mfa != "" {
			body["mfa_token"] = c.mfa
		}
		for k, v := range c.extra {
			if v == "" {
				delete(body, k)
			} else {
				body[k] = v
			}
		}
		a := s.call("POST", "/mfa/challenge", "", body)
		if a.status != c.status || a.str("error") != c.code || a.str("error_description") == "" {
			t.Errorf("%s: %d %s", c.name, a.status, a.raw)
		}
	}
	if n := len(s.Phone.Notifications()); n != 0 {
		t.Errorf("failed challenges sent %d notifications", n)
	}
}

func TestPushChallengeExpiresWithItsMFAToken(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com")
	s.clock.Advance(4 * time.Minute)
	oob := s.challenge(mfa, nil).str("oob_code")
	n := s.Phone.Notifications()[0]
	if !n.ExpiresAt.Equal(start.Add(5 * time.Minute)) {
		t.Errorf("expires at %v", n.ExpiresAt)
	}
	s.clock.Advance(time.Minute)
	if got := s.Phone.Notifications(); len(got) != 0 {
		t.Errorf("expired notifications listed: %v", got)
	}
	wantError(t, s.poll(mfa, oob), 403, "expired_token", "mfa_token is expired")
}
