package auth0

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestBackchannelAuthorizeWire(t *testing.T) {
	rs := newReplayServer(t)
	c := newTestClient(t, rs.URL, "test-client_secret")
	rs.answer(200, `{"auth_req_id":"XyVW8Z3HHmSXMGYUOhNRK6x7Smti6w_Jb4NEXWeR6FNXl-c6OEMp3n5qPrvqGm6M","expires_in":300,"interval":5}`)

	got, err := c.BackchannelAuthorize(context.Background(), BackchannelRequest{
		UserID: "auth0|6707939cad3d8bec47ecfa2e", BindingMessage: "Helpdesk-4821", RequestedExpiry: 120 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.AuthReqID != "XyVW8Z3HHmSXMGYUOhNRK6x7Smti6w_Jb4NEXWeR6FNXl-c6OEMp3n5qPrvqGm6M" || got.ExpiresIn != 300*time.Second || got.Interval != 5*time.Second {
		t.Fatalf("answer = %+v", got)
	}
	req := rs.last(t)
	if req.method != "POST" || req.path != "/bc-authorize" || req.header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		t.Fatalf("sent %s %s %s", req.method, req.path, req.header.Get("Content-Type"))
	}
	form, _ := url.ParseQuery(req.body)
	want := map[string]string{
		"client_id": "test-client_id", "client_secret": "test-client_secret", "scope": "openid",
		"binding_message": "Helpdesk-4821", "requested_expiry": "120",
		// Auth0's iss_sub hint: the issuer with its trailing slash.
		"login_hint": `{"format":"iss_sub","iss":"` + rs.URL + `/","sub":"auth0|6707939cad3d8bec47ecfa2e"}`,
	}
	for k, v := range want {
		if form.Get(k) != v {
			t.Errorf("form %s = %q, want %q", k, form.Get(k), v)
		}
	}
	if len(form) != len(want) {
		t.Errorf("form has %d fields, want %d: %v", len(form), len(want), form)
	}
}

func TestBackchannelAnswersWithoutIntervalOrExpiry(t *testing.T) {
	rs := newReplayServer(t)
	c := newTestClient(t, rs.URL, "s")
	rs.answer(200, `{"auth_req_id":"abc","expires_in":"120"}`)
	got, err := c.BackchannelAuthorize(context.Background(), BackchannelRequest{UserID: "auth0|1", BindingMessage: "x"})
	if err != nil || got.Interval != DefaultBackchannelInterval || got.ExpiresIn != 120*time.Second {
		t.Fatalf("got %+v, %v; want the default interval", got, err)
	}
	rs.answer(200, `{"auth_req_id":"abc"}`)
	if _, err := c.BackchannelAuthorize(context.Background(), BackchannelRequest{UserID: "auth0|1", BindingMessage: "x"}); OutcomeOf(err) != OutcomeFatal {
		t.Errorf("an answer without expires_in: %v, want a fatal error", err)
	}
}

func TestBindingMessageRules(t *testing.T) {
	for m, ok := range map[string]bool{
		"Helpdesk-4821": true, "a+b-c_d.e,f:g#1": true, strings.Repeat("a", 64): true,
		"": false, "Helpdesk call 4821": false, strings.Repeat("a", 65): false, "café": false, "a\nb": false,
	} {
		err := CheckBindingMessage(m)
		if (err == nil) != ok {
			t.Errorf("CheckBindingMessage(%q) = %v", m, err)
		}
	}
	rs := newReplayServer(t)
	c := newTestClient(t, rs.URL, "s")
	_, err := c.BackchannelAuthorize(context.Background(), BackchannelRequest{UserID: "auth0|1", BindingMessage: "with space"})
	var bm *BindingMessageError
	if !errors.As(err, &bm) || bm.Bad != ' ' {
		t.Errorf("err = %v, want a BindingMessageError naming the space", err)
	}
	rs.mu.Lock()
	sent := len(rs.requests)
	rs.mu.Unlock()
	if sent != 0 {
		t.Error("a refused binding message was sent to the tenant")
	}
}

// TestBackchannelPollOutcomes: every answer of the CIBA grant Auth0's docs
// show maps to the outcome of the mfa-oob poll that means the same.
func TestBackchannelPollOutcomes(t *testing.T) {
	rs := newReplayServer(t)
	c := newTestClient(t, rs.URL, "s")
	for _, tc := range []struct {
		status   int
		body     string
		want     Outcome
		interval time.Duration
	}{
		{400, `{"error":"authorization_pending","error_description":"The end-user authorization is pending"}`, OutcomePending, 0},
		{400, `{"error":"slow_down","error_description":"You are polling faster than allowed. Try again in 10 seconds.","interval":10}`, OutcomeSlowDown, 10 * time.Second},
		{400, `{"error":"access_denied","error_description":"The end-user denied the authorization request or it has been expired"}`, OutcomeRejected, 0},
		{400, `{"error":"expired_token","error_description":"The auth_req_id has expired"}`, OutcomeExpired, 0},
		{400, `{"error":"invalid_grant","error_description":"Invalid auth_req_id"}`, OutcomeFatal, 0},
		{429, `{"error":"too_many_requests","error_description":"slow"}`, OutcomeRateLimited, 0},
		{503, `{"error":"temporarily_unavailable","error_description":"x"}`, OutcomeTransient, 0},
		{200, `{"access_token":"eyJ.a.b","id_token":"eyJ.c.d","expires_in":86400,"scope":"openid","token_type":"Bearer"}`, OutcomeTokens, 0},
	} {
		rs.answer(tc.status, tc.body)
		_, err := c.PollBackchannel(context.Background(), "req-1")
		if got := OutcomeOf(err); got != tc.want {
			t.Errorf("%d %s: outcome %v, want %v", tc.status, tc.body, got, tc.want)
		}
		if e, ok := AsError(err); ok && e.Interval != tc.interval {
			t.Errorf("%s: interval %v, want %v", tc.body, e.Interval, tc.interval)
		}
	}
	form, _ := url.ParseQuery(rs.last(t).body)
	if form.Get("grant_type") != GrantCIBA || form.Get("auth_req_id") != "req-1" || form.Get("client_id") != "test-client_id" {
		t.Errorf("poll form = %v", form)
	}
}

func TestCIBAAndClientCredentialsAreRedactedInTheTrace(t *testing.T) {
	rs := newReplayServer(t)
	var seen []Exchange
	c := newClient(t, Config{Domain: rs.URL, ClientID: "id", ClientSecret: "the-client-secret", Observer: func(ex Exchange) { seen = append(seen, ex) }})
	rs.answer(200, `{"auth_req_id":"secret-request-id-123","expires_in":300,"interval":5}`)
	if _, err := c.BackchannelAuthorize(context.Background(), BackchannelRequest{UserID: "auth0|1", BindingMessage: "Hi"}); err != nil {
		t.Fatal(err)
	}
	rs.answer(400, `{"error":"authorization_pending","error_description":"The end-user authorization is pending"}`)
	c.PollBackchannel(context.Background(), "secret-request-id-123")
	rs.answer(200, `{"access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","expires_in":86400,"scope":"read:users","token_type":"Bearer"}`)
	tokens, err := c.ClientCredentials(context.Background(), c.ManagementAudience())
	if err != nil || tokens.Scope != "read:users" {
		t.Fatalf("client credentials: %+v %v", tokens, err)
	}
	form, _ := url.ParseQuery(rs.last(t).body)
	if form.Get("grant_type") != "client_credentials" || form.Get("audience") != rs.URL+"/api/v2/" || form.Has("scope") {
		t.Errorf("client credentials form = %v, want the Management API audience and no scope", form)
	}
	for _, ex := range seen {
		all, _ := json.Marshal(ex)
		for _, secret := range []string{"secret-request-id-123", "the-client-secret", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"} {
			if strings.Contains(string(all), secret) {
				t.Errorf("%s shows %q", ex.Op, secret)
			}
		}
	}
	if len(seen) != 3 || seen[1].Outcome != OutcomePending || seen[1].Grant != GrantCIBA {
		t.Errorf("trace = %d exchanges, second %v %v", len(seen), seen[1].Grant, seen[1].Outcome)
	}
}
