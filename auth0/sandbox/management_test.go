package sandbox

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// mgmtToken gets a Management API token for an application.
func (s *sandbox) mgmtToken(id, secret string) string {
	s.t.Helper()
	a := s.form("/oauth/token", map[string]string{"grant_type": "client_credentials", "client_id": id, "client_secret": secret, "audience": s.URL + "/api/v2/"})
	if a.status != 200 || a.str("access_token") == "" {
		s.t.Fatalf("client credentials: %d %s", a.status, a.raw)
	}
	return a.str("access_token")
}

func (s *sandbox) helpdesk() string { return s.mgmtToken(HelpdeskClientID, HelpdeskClientSecret) }

// userID is the id of the user with email in connection.
func (s *sandbox) userID(email, conn string) string {
	s.t.Helper()
	for _, u := range s.Tenant.Directory() {
		if u.Email == email && u.Connection == conn {
			return u.UserID
		}
	}
	s.t.Fatalf("no %s in %s", email, conn)
	return ""
}

func userPath(id string) string { return "/api/v2/users/" + url.PathEscape(id) }

// wantMgmtError checks a Management API error answer.
func wantMgmtError(t *testing.T, a answer, status int, code, message string) {
	t.Helper()
	if a.status != status || a.str("errorCode") != code || (message != "" && a.str("message") != message) ||
		a.body["statusCode"] != float64(status) || a.str("error") != http.StatusText(status) {
		t.Errorf("got %d %s, want %d %s %q", a.status, a.raw, status, code, message)
	}
	if ct := a.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("error Content-Type %q", ct)
	}
}

func TestClientCredentialsGivesTheApplicationsScopes(t *testing.T) {
	s := startSandbox(t, Options{})
	a := s.form("/oauth/token", map[string]string{"grant_type": "client_credentials", "client_id": LimitedHelpdeskClientID,
		"client_secret": LimitedHelpdeskClientSecret, "audience": s.URL + "/api/v2/"})
	if a.status != 200 || a.str("scope") != "read:users read:authentication_methods" || a.str("token_type") != "Bearer" || a.body["expires_in"] != float64(86400) {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	for name, f := range map[string]map[string]string{
		"wrong secret":   {"client_secret": "nope"},
		"other audience": {"audience": "https://api.example.com/"},
		"no audience":    {"audience": ""},
	} {
		form := map[string]string{"grant_type": "client_credentials", "client_id": HelpdeskClientID, "client_secret": HelpdeskClientSecret, "audience": s.URL + "/api/v2/"}
		for k, v := range f {
			form[k] = v
		}
		a := s.form("/oauth/token", form)
		if a.status != 401 && a.status != 403 {
			t.Errorf("%s: %d %s", name, a.status, a.raw)
		}
	}
	// The helpdesk application cannot sign users in with a password.
	a = s.form("/oauth/token", map[string]string{"grant_type": "password", "client_id": HelpdeskClientID, "client_secret": HelpdeskClientSecret,
		"username": "bob@example.com", "password": "bob-password"})
	wantError(t, a, 403, "unauthorized_client", "Grant type 'password' not allowed for the client.")
}

func TestManagementScopesAndTokens(t *testing.T) {
	s := startSandbox(t, Options{})
	bob := s.userID("bob@example.com", connection)
	limited := s.mgmtToken(LimitedHelpdeskClientID, LimitedHelpdeskClientSecret)
	wantMgmtError(t, s.call("DELETE", userPath(bob)+"/authentication-methods", limited, nil), 403, "insufficient_scope",
		"Insufficient scope, expected any of: delete:authentication_methods")
	wantMgmtError(t, s.call("POST", "/api/v2/guardian/enrollments/ticket", limited, map[string]string{"user_id": bob}), 403, "insufficient_scope",
		"Insufficient scope, expected any of: create:guardian_enrollment_tickets")
	if a := s.call("GET", userPath(bob), limited, nil); a.status != 200 {
		t.Errorf("read with the limited application: %d %s", a.status, a.raw)
	}
	for name, bearer := range map[string]string{"none": "", "not a token": "abc", "an MFA API token": s.login("bob@example.com")} {
		a := s.call("GET", userPath(bob), bearer, nil)
		if a.status != 401 || a.body["statusCode"] != float64(401) {
			t.Errorf("%s: %d %s", name, a.status, a.raw)
		}
	}
	token := s.helpdesk()
	s.clock.Advance(86400*time.Second + time.Second)
	if a := s.call("GET", userPath(bob), token, nil); a.status != 401 || !strings.Contains(a.str("message"), "Expired") {
		t.Errorf("expired token: %d %s", a.status, a.raw)
	}
}

func TestUsersByEmailAndUser(t *testing.T) {
	s := startSandbox(t, Options{})
	token := s.helpdesk()
	var carols []map[string]any
	a := s.call("GET", "/api/v2/users-by-email?email="+url.QueryEscape("carol@example.com"), token, nil)
	decodeInto(t, a.raw, &carols)
	if a.status != 200 || len(carols) != 2 || carols[0]["identities"].([]any)[0].(map[string]any)["connection"] != connection ||
		carols[1]["identities"].([]any)[0].(map[string]any)["isSocial"] != true {
		t.Fatalf("carol: %d %s", a.status, a.raw)
	}
	if a := s.call("GET", "/api/v2/users-by-email?email=Carol@example.com", token, nil); a.status != 200 || string(a.raw) != "[]" {
		t.Errorf("the search is case-sensitive: %d %s", a.status, a.raw)
	}
	if a := s.call("GET", "/api/v2/users-by-email", token, nil); a.status != 400 || a.str("errorCode") != "invalid_query_string" {
		t.Errorf("no email: %d %s", a.status, a.raw)
	}
	bob := s.userID("bob@example.com", connection)
	a = s.call("GET", userPath(bob), token, nil)
	if a.status != 200 || a.str("user_id") != bob || a.str("email") != "bob@example.com" || a.body["multifactor"] == nil || a.body["last_login"] != nil {
		t.Errorf("bob: %d %s", a.status, a.raw)
	}
	wantMgmtError(t, s.call("GET", userPath("auth0|000000000000000000000000"), token, nil), 404, "inexistent_user", "The user does not exist.")
	// A sign-in that passes MFA is bob's last login.
	mfa := s.login("bob@example.com")
	otp, _, _ := s.Phone.OTP(s.bobDevice().ID)
	s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": otp}))
	if a := s.call("GET", userPath(bob), token, nil); a.str("last_login") != "2026-03-01T09:00:00.000Z" || a.body["logins_count"] != float64(1) {
		t.Errorf("after a sign-in: %s", a.raw)
	}
}

func TestAuthenticationMethodsListAndDelete(t *testing.T) {
	s := startSandbox(t, Options{})
	token := s.helpdesk()
	bob := s.userID("bob@example.com", connection)
	path := userPath(bob) + "/authentication-methods"
	a := s.call("GET", path+"?include_totals=true&per_page=50", token, nil)
	list, _ := a.body["authenticators"].([]any)
	if a.status != 200 || len(list) != 3 || a.body["total"] != float64(3) || a.body["start"] != float64(0) || a.body["limit"] != float64(50) {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	push, totp := list[0].(map[string]any), list[1].(map[string]any)
	if push["type"] != "push" || push["name"] != "Bob's phone" || push["confirmed"] != true || push["link_id"] != totp["id"] || totp["link_id"] != push["id"] ||
		list[2].(map[string]any)["type"] != "recovery-code" || push["enrolled_at"] == nil {
		t.Errorf("methods %s", a.raw)
	}
	page := s.call("GET", path+"?include_totals=true&per_page=2&page=1", token, nil)
	if rest, _ := page.body["authenticators"].([]any); len(rest) != 1 || page.body["start"] != float64(2) {
		t.Errorf("second page %s", page.raw)
	}
	if bare := s.call("GET", path, token, nil); !strings.HasPrefix(string(bare.raw), "[") {
		t.Errorf("without include_totals: %s", bare.raw)
	}
	// Deleting the push deletes its TOTP twin, and the phone forgets the device.
	del := s.call("DELETE", path+"/"+url.PathEscape(push["id"].(string)), token, nil)
	if del.status != 204 || len(del.raw) != 0 {
		t.Fatalf("delete: %d %s", del.status, del.raw)
	}
	if a := s.call("GET", path+"?include_totals=true", token, nil); len(a.body["authenticators"].([]any)) != 1 || len(s.Phone.Devices()) != 0 {
		t.Errorf("after delete: %s; phone devices %v", a.raw, s.Phone.Devices())
	}
	wantMgmtError(t, s.call("DELETE", path+"/"+url.PathEscape(push["id"].(string)), token, nil), 404, "inexistent_authentication_method", "")
	if a := s.call("DELETE", path, token, nil); a.status != 204 {
		t.Fatalf("delete all: %d %s", a.status, a.raw)
	}
	a = s.call("GET", path+"?include_totals=true&per_page=50", token, nil)
	if string(a.raw) != `{"authenticators":[],"limit":50,"start":0}` {
		t.Errorf("empty list: %s", a.raw)
	}
}

func TestEnrollmentsAndRecoveryCode(t *testing.T) {
	s := startSandbox(t, Options{})
	token := s.helpdesk()
	bob := s.userID("bob@example.com", connection)
	var list []map[string]any
	a := s.call("GET", userPath(bob)+"/enrollments", token, nil)
	decodeInto(t, a.raw, &list)
	if len(list) != 1 || list[0]["status"] != "confirmed" || list[0]["auth_method"] != "guardian" || list[0]["name"] != "Bob's phone" || list[0]["id"] != s.bobDevice().ID {
		t.Errorf("enrollments %s", a.raw)
	}
	old := s.Tenant.Users()[1].RecoveryCode
	a = s.call("POST", userPath(bob)+"/recovery-code-regeneration", token, nil)
	if a.status != 200 || len(a.str("recovery_code")) != 24 || a.str("recovery_code") == old || s.Tenant.Users()[1].RecoveryCode != a.str("recovery_code") {
		t.Errorf("regenerate: %d %s", a.status, a.raw)
	}
	alice := s.userID("alice@example.com", connection)
	if a := s.call("POST", userPath(alice)+"/recovery-code-regeneration", token, nil); a.status != 200 || len(a.str("recovery_code")) != 24 {
		t.Errorf("a user with no code gets one: %d %s", a.status, a.raw)
	}
}

func TestTicketPageEnrollsThroughTheGuardianEndpoint(t *testing.T) {
	s := startSandbox(t, Options{})
	token := s.helpdesk()
	alice := s.userID("alice@example.com", connection)
	a := s.call("POST", "/api/v2/guardian/enrollments/ticket", token, map[string]any{
		"user_id": alice, "send_mail": false, "factor": "push-notification", "email_locale": "fr",
	})
	if a.status != 200 || len(a.str("ticket_id")) != 32 || a.str("ticket_url") != s.URL+"/mfa/enrollment?ticket="+a.str("ticket_id") {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	resp, err := s.Client().Get(a.str("ticket_url"))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "<svg") || !strings.Contains(string(page), "enrollment_tx_id="+a.str("ticket_id")) {
		t.Fatalf("page %d %.300s", resp.StatusCode, page)
	}
	uri, _, err := s.Tenant.TicketBarcode(a.str("ticket_url"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Phone.Scan(t.Context(), uri, "Alice's phone"); err != nil {
		t.Fatalf("scan: %v", err)
	}
	if u := s.Tenant.Users()[0]; !u.Enrolled || u.RecoveryCode == "" {
		t.Errorf("alice after the ticket: %+v", u)
	}
	resp, err = s.Client().Get(a.str("ticket_url"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 410 {
		t.Errorf("a used ticket's page: %d", resp.StatusCode)
	}
	wantMgmtError(t, s.call("POST", "/api/v2/guardian/enrollments/ticket", token, map[string]any{"user_id": "auth0|nobody"}), 404, "inexistent_user", "")
	wantMgmtError(t, s.call("POST", "/api/v2/guardian/enrollments/ticket", token, map[string]any{}), 400, "invalid_body", "")
}
