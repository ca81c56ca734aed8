package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// The rest of testdata/authjs/check.mjs, as @auth0/auth0-auth-js 1.16.1
// sends it: voice, a recovery code, push polled with the oob grant, and
// CIBA through its initiateBackchannelAuthentication and
// backchannelAuthenticationGrant. The CLI's sandbox spacing is on, as the
// script meets it: a poll too soon gets slow_down.

const grantRecoveryCode = "http://auth0.com/oauth/grant-type/mfa-recovery-code"

func newAuthJSSpaced(t *testing.T) *authJS {
	return newAuthJSWith(t, Options{MinPollInterval: 5 * time.Second})
}

func (c *authJS) list(mfaToken string) []authenticatorJSON {
	c.t.Helper()
	var list []authenticatorJSON
	decodeInto(c.t, c.mfaAPI(http.MethodGet, "/mfa/authenticators", mfaToken, nil).raw, &list)
	return list
}

// newestPush is the push the phone shows on top.
func (c *authJS) newestPush() string {
	c.t.Helper()
	ns := c.s.Phone.Notifications()
	if len(ns) == 0 {
		c.t.Fatal("no push on the phone")
	}
	return ns[len(ns)-1].ID
}

// refusedWith checks the OAuth error the SDK's error carries in its cause.
func refusedWith(t *testing.T, what string, a answer, code string) {
	t.Helper()
	if a.status != 400 && a.status != 403 || a.str("error") != code {
		t.Fatalf("%s: %d %s, want error %s", what, a.status, a.raw, code)
	}
}

func TestAuthJSVoiceAndRecoveryCode(t *testing.T) {
	c := newAuthJSSpaced(t)
	s := c.s

	// Voice as carol's first factor: the enrollment carries her recovery code.
	mfa := s.login("carol@example.com", "openid profile")
	en := c.enroll(mfa, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"voice"}, "phone_number": "+15555550123"})
	codes, _ := en.body["recovery_codes"].([]any)
	if en.str("oob_code") == "" || en.str("binding_method") != "prompt" || en.str("oob_channel") != "voice" || len(codes) != 1 {
		t.Fatalf("voice enrollment: %s", en.raw)
	}
	recovery, _ := codes[0].(string)
	c.verify(grantOOB, map[string]string{"mfa_token": mfa, "oob_code": en.str("oob_code"), "binding_code": c.lastCode("voice")}, false)

	mfa = s.login("carol@example.com", "openid profile")
	list := c.list(mfa)
	i := slices.IndexFunc(list, func(a authenticatorJSON) bool { return strings.HasPrefix(a.ID, "voice|") })
	if i < 0 || !list[i].Active {
		t.Fatalf("voice listed: %+v", list)
	}
	voiceID := list[i].ID
	ch := c.challenge(mfa, "oob", voiceID)
	if ch.str("oob_code") == "" || ch.str("binding_method") != "prompt" {
		t.Fatalf("voice challenge: %s", ch.raw)
	}
	c.verify(grantOOB, map[string]string{"mfa_token": mfa, "oob_code": ch.str("oob_code"), "binding_code": c.lastCode("voice")}, false)

	// deleteAuthenticator with an /mfa/ access token that may remove.
	mfa = s.login("carol@example.com", "openid remove:authenticators", s.URL+"/mfa/")
	ch = c.challenge(mfa, "oob", voiceID)
	access := c.verify(grantOOB, map[string]string{"mfa_token": mfa, "oob_code": ch.str("oob_code"), "binding_code": c.lastCode("voice")}, false).str("access_token")
	if d := c.mfaAPI(http.MethodDelete, "/mfa/authenticators/"+url.PathEscape(voiceID), access, nil); d.status != 204 {
		t.Fatalf("delete: %d %s", d.status, d.raw)
	}
	if slices.ContainsFunc(c.list(s.login("carol@example.com", "openid profile")), func(a authenticatorJSON) bool { return a.ID == voiceID }) {
		t.Fatal("the voice authenticator is still listed")
	}

	// The recovery code works once; the answer carries the next one.
	mfa = s.login("carol@example.com", "openid profile")
	next := c.verify(grantRecoveryCode, map[string]string{"mfa_token": mfa, "recovery_code": recovery}, false)
	if n := next.str("recovery_code"); n == "" || n == recovery {
		t.Fatalf("recovery code grant: %s", next.raw)
	}
	mfa = s.login("carol@example.com", "openid profile")
	refusedWith(t, "a used recovery code", c.verify(grantRecoveryCode, map[string]string{"mfa_token": mfa, "recovery_code": recovery}, true), "invalid_grant")
}

func TestAuthJSPushWithTheOOBGrant(t *testing.T) {
	c := newAuthJSSpaced(t)
	s := c.s

	// Alice enrolls push: pending until the phone scans the QR code.
	mfa := s.login("alice@example.com", "openid profile")
	en := c.enroll(mfa, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"auth0"}})
	if en.str("oob_code") == "" || en.str("barcode_uri") == "" || en.str("oob_channel") != "auth0" {
		t.Fatalf("push enrollment: %s", en.raw)
	}
	poll := map[string]string{"mfa_token": mfa, "oob_code": en.str("oob_code")}
	refusedWith(t, "before the scan", c.verify(grantOOB, poll, true), "authorization_pending")
	if _, err := s.Phone.Scan(t.Context(), en.str("barcode_uri"), ""); err != nil {
		t.Fatal(err)
	}
	s.clock.Advance(5 * time.Second)
	c.verify(grantOOB, poll, false)

	// Bob's push: pending, too soon, then approved on the phone.
	mfa = s.login("bob@example.com", "openid profile")
	list := c.list(mfa)
	i := slices.IndexFunc(list, func(a authenticatorJSON) bool { return strings.HasPrefix(a.ID, "push|") })
	if i < 0 || !list[i].Active || list[i].Name == "" || list[i].OOBChannel != "auth0" {
		t.Fatalf("push listed: %+v", list)
	}
	ch := c.challenge(mfa, "oob", list[i].ID)
	if ch.str("oob_code") == "" || ch.str("binding_method") != "" {
		t.Fatalf("push challenge: %s", ch.raw)
	}
	poll = map[string]string{"mfa_token": mfa, "oob_code": ch.str("oob_code")}
	refusedWith(t, "push pending", c.verify(grantOOB, poll, true), "authorization_pending")
	refusedWith(t, "push polled too soon", c.verify(grantOOB, poll, true), "slow_down")
	if err := s.Phone.Approve(t.Context(), c.newestPush()); err != nil {
		t.Fatal(err)
	}
	s.clock.Advance(10 * time.Second)
	c.verify(grantOOB, poll, false)
}

func TestAuthJSCIBA(t *testing.T) {
	c := newAuthJSSpaced(t)
	s := c.s
	var conf struct {
		Endpoint string `json:"backchannel_authentication_endpoint"`
	}
	decodeInto(t, s.do(mustRequest(t, http.MethodGet, s.URL+"/.well-known/openid-configuration", nil, http.Header{"Accept": {"application/json"}})).raw, &conf)
	if conf.Endpoint != s.URL+"/bc-authorize" {
		t.Fatalf("discovery names %q for CIBA", conf.Endpoint)
	}
	// initiateBackchannelAuthentication: openid-client's form, with the
	// SDK's default scope and the login_hint it builds from sub.
	hint := `{"format":"iss_sub","iss":"` + c.issuer + `","sub":"` + s.userID("bob@example.com", connection) + `"}`
	authorize := func(binding, expiry string) answer {
		t.Helper()
		return c.postForm(conf.Endpoint, url.Values{
			"scope": {"openid profile email offline_access"}, "client_id": {HelpdeskClientID}, "binding_message": {binding},
			"login_hint": {hint}, "requested_expiry": {expiry}, "client_secret": {HelpdeskClientSecret},
		})
	}
	started := func(binding, expiry string) string {
		t.Helper()
		a := authorize(binding, expiry)
		// processBackchannelAuthenticationResponse: auth_req_id a string,
		// expires_in and interval numbers.
		_, expires := a.body["expires_in"].(float64)
		_, interval := a.body["interval"].(float64)
		if a.status != 200 || a.str("auth_req_id") == "" || !expires || !interval {
			t.Fatalf("bc-authorize %s: %d %s", binding, a.status, a.raw)
		}
		return a.str("auth_req_id")
	}
	grant := func(id string, wantErr bool) answer {
		t.Helper()
		return c.grantAs(HelpdeskClientID, HelpdeskClientSecret, "urn:openid:params:grant-type:ciba", map[string]string{"auth_req_id": id}, wantErr)
	}

	id := started("Helpdesk-4821", "120")
	refusedWith(t, "ciba pending", grant(id, true), "authorization_pending")
	if err := s.Phone.Approve(t.Context(), c.newestPush()); err != nil {
		t.Fatal(err)
	}
	if tok := grant(id, false); tok.str("id_token") == "" {
		t.Fatalf("ciba approved: %s", tok.raw)
	}

	id = started("Helpdesk-4822", "120")
	if err := s.Phone.Reject(t.Context(), c.newestPush(), ""); err != nil {
		t.Fatal(err)
	}
	refusedWith(t, "ciba rejected", grant(id, true), "access_denied")

	id = started("Helpdesk-4823", "1")
	s.clock.Advance(2 * time.Second)
	refusedWith(t, "ciba expired", grant(id, true), "access_denied")

	id = started("Helpdesk-4824", "120")
	refusedWith(t, "ciba first poll", grant(id, true), "authorization_pending")
	slow := grant(id, true)
	refusedWith(t, "ciba polled too soon", slow, "slow_down")
	if slow.header.Get("Retry-After") != "10" || slow.body["interval"] != float64(10) {
		t.Fatalf("slow_down: Retry-After %q, %s", slow.header.Get("Retry-After"), slow.raw)
	}

	refusedWith(t, "a binding message outside the rule", authorize("Reset your phone?", "120"), "invalid_binding_message")
}
