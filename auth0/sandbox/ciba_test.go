package sandbox

import (
	"strings"
	"testing"
	"time"
)

// bcAuthorize starts a CIBA request for a user with the helpdesk application.
func (s *sandbox) bcAuthorize(userID string, extra map[string]string) answer {
	s.t.Helper()
	f := map[string]string{
		"client_id": HelpdeskClientID, "client_secret": HelpdeskClientSecret, "scope": "openid", "binding_message": "Helpdesk-4821",
		"login_hint": `{"format":"iss_sub","iss":"` + s.URL + `/","sub":"` + userID + `"}`,
	}
	for k, v := range extra {
		if v == "" {
			delete(f, k)
		} else {
			f[k] = v
		}
	}
	return s.form("/bc-authorize", f)
}

func (s *sandbox) pollCIBA(authReqID string) answer {
	s.t.Helper()
	return s.form("/oauth/token", map[string]string{"grant_type": grantCIBA, "client_id": HelpdeskClientID, "client_secret": HelpdeskClientSecret, "auth_req_id": authReqID})
}

func TestCIBAPushIsApprovedOnThePhone(t *testing.T) {
	s := startSandbox(t, DefaultOptions())
	bob := s.userID("bob@example.com", connection)
	a := s.bcAuthorize(bob, nil)
	if a.status != 200 || len(a.str("auth_req_id")) != 64 || a.body["expires_in"] != float64(300) || a.body["interval"] != float64(5) ||
		a.header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	id := a.str("auth_req_id")
	notes := s.Phone.Notifications()
	if len(notes) != 1 || notes[0].BindingMessage != "Helpdesk-4821" || notes[0].Payload.TransactionLinkingID == "" || notes[0].DeviceID != s.bobDevice().ID {
		t.Fatalf("phone %+v", notes)
	}
	wantError(t, s.pollCIBA(id), 400, "authorization_pending", "The end-user authorization is pending")
	s.clock.Advance(time.Second)
	slow := s.pollCIBA(id)
	if slow.status != 400 || slow.str("error") != "slow_down" || slow.body["interval"] != float64(10) ||
		slow.str("error_description") != "You are polling faster than allowed. Try again in 10 seconds." {
		t.Errorf("too fast: %d %s", slow.status, slow.raw)
	}
	if err := s.Phone.Approve(t.Context(), notes[0].ID); err != nil {
		t.Fatal(err)
	}
	s.clock.Advance(10 * time.Second)
	tok := s.pollCIBA(id)
	if tok.status != 200 || tok.str("access_token") == "" || tok.str("id_token") == "" || tok.str("scope") != "openid" {
		t.Fatalf("approved: %d %s", tok.status, tok.raw)
	}
	s.clock.Advance(10 * time.Second)
	wantError(t, s.pollCIBA(id), 400, "invalid_grant", "")
}

func TestCIBARejectedExpiredAndRefused(t *testing.T) {
	s := startSandbox(t, Options{}) // no poll spacing
	bob := s.userID("bob@example.com", connection)
	id := s.bcAuthorize(bob, nil).str("auth_req_id")
	if err := s.Phone.Reject(t.Context(), s.Phone.Notifications()[0].ID, ""); err != nil {
		t.Fatal(err)
	}
	denied := "The end-user denied the authorization request or it has been expired"
	wantError(t, s.pollCIBA(id), 400, "access_denied", denied)

	id = s.bcAuthorize(bob, map[string]string{"requested_expiry": "60"}).str("auth_req_id")
	s.clock.Advance(61 * time.Second)
	wantError(t, s.pollCIBA(id), 400, "access_denied", denied)

	alice := s.userID("alice@example.com", connection)
	for name, c := range map[string]struct {
		user   string
		extra  map[string]string
		status int
		code   string
	}{
		"unknown user":          {"auth0|nobody", nil, 400, "unknown_user_id"},
		"no push enrollment":    {alice, nil, 400, "invalid_request"},
		"no openid":             {bob, map[string]string{"scope": "profile"}, 400, "invalid_request"},
		"no binding message":    {bob, map[string]string{"binding_message": ""}, 400, "invalid_request"},
		"space in the message":  {bob, map[string]string{"binding_message": "Helpdesk call 4821"}, 400, "invalid_binding_message"},
		"other issuer":          {bob, map[string]string{"login_hint": `{"format":"iss_sub","iss":"https://other.example.com/","sub":"` + bob + `"}`}, 400, "invalid_request"},
		"expiry for email":      {bob, map[string]string{"requested_expiry": "301"}, 400, "invalid_request"},
		"the MFA application":   {bob, map[string]string{"client_id": clientID, "client_secret": clientSecret}, 403, "unauthorized_client"},
		"wrong client secret":   {bob, map[string]string{"client_secret": "nope"}, 401, "access_denied"},
		"expiry not a number":   {bob, map[string]string{"requested_expiry": "soon"}, 400, "invalid_request"},
		"login hint not a JSON": {bob, map[string]string{"login_hint": bob}, 400, "invalid_request"},
	} {
		a := s.bcAuthorize(c.user, c.extra)
		if a.status != c.status || a.str("error") != c.code {
			t.Errorf("%s: %d %s, want %d %s", name, a.status, a.raw, c.status, c.code)
		}
	}
	// Another application cannot poll the helpdesk's request.
	id = s.bcAuthorize(bob, nil).str("auth_req_id")
	a := s.form("/oauth/token", map[string]string{"grant_type": grantCIBA, "client_id": LimitedHelpdeskClientID, "client_secret": LimitedHelpdeskClientSecret, "auth_req_id": id})
	wantError(t, a, 400, "invalid_grant", "")
}

func TestCIBAFiveRequestsAMinute(t *testing.T) {
	s := startSandbox(t, Options{})
	bob := s.userID("bob@example.com", connection)
	for i := range 5 {
		if a := s.bcAuthorize(bob, nil); a.status != 200 {
			t.Fatalf("request %d: %d %s", i+1, a.status, a.raw)
		}
	}
	a := s.bcAuthorize(bob, nil)
	if a.status != 429 || a.header.Get("X-Ratelimit-Limit") != "5" || a.header.Get("Retry-After") == "" {
		t.Errorf("sixth: %d %s %v", a.status, a.raw, a.header)
	}
	if a := s.call("GET", "/sandbox/notifications", "", nil); a.status != 200 {
		t.Fatal(a.status)
	} else if !strings.Contains(string(a.raw), `"binding_message":"Helpdesk-4821"`) {
		t.Errorf("notifications %s", a.raw)
	}
}
