package sandbox

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0/guardian"
)

func TestListBobsAuthenticators(t *testing.T) {
	s := startSandbox(t, Options{})
	dev := s.bobDevice()
	list := s.listAuthenticators(s.login("bob@example.com"))
	if len(list) != 3 {
		t.Fatalf("%v", list)
	}
	want := []map[string]any{
		{"id": "push|" + dev.ID, "authenticator_type": "oob", "active": true, "oob_channel": "auth0", "name": "Bob's phone"},
		{"authenticator_type": "otp", "active": true},
		{"authenticator_type": "recovery-code", "active": true},
	}
	for i, w := range want {
		if _, ok := w["id"]; !ok {
			w["id"] = list[i]["id"]
		}
		if len(list[i]) != len(w) {
			t.Errorf("%d: fields %v, want %v", i, list[i], w)
		}
		for k, v := range w {
			if list[i][k] != v {
				t.Errorf("%d: %s = %v, want %v", i, k, list[i][k], v)
			}
		}
	}
	// An /mfa/ access token needs read:authenticators.
	a := s.call("GET", "/mfa/authenticators", s.mfaAccessToken("enroll"), nil)
	wantError(t, a, 403, "insufficient_scope", "Insufficient scope, expected: read:authenticators")
	a = s.call("GET", "/mfa/authenticators", "", nil)
	wantError(t, a, 401, "invalid_token", "")
	if a.header.Get("WWW-Authenticate") == "" {
		t.Error("no WWW-Authenticate on 401")
	}
}

func TestDeleteAuthenticators(t *testing.T) {
	s := startSandbox(t, Options{})
	dev := s.bobDevice()
	pushID := "push|" + dev.ID
	path := "/mfa/authenticators/" + url.PathEscape(pushID) // push%7Cdev_…
	if path != "/mfa/authenticators/push%7C"+dev.ID {
		t.Fatalf("escaping: %s", path)
	}
	wantError(t, s.call("DELETE", path, s.login("bob@example.com"), nil), 403, "insufficient_scope", "")
	if d := s.call("DELETE", path, s.login("bob@example.com"), nil).str("error_description"); !strings.Contains(d, "remove:authenticators") {
		t.Errorf("mfa_token refusal does not name the scope: %q", d)
	}
	wantError(t, s.call("DELETE", path, s.mfaAccessToken("read:authenticators"), nil), 403, "insufficient_scope", "Insufficient scope, expected: remove:authenticators")

	token := s.mfaAccessToken("read:authenticators remove:authenticators")
	list := s.listAuthenticators(token)
	recoveryPath := "/mfa/authenticators/" + url.PathEscape(list[2]["id"].(string))
	a := s.call("DELETE", recoveryPath, token, nil)
	if a.status != 403 || !strings.Contains(a.str("error_description"), "administrator") {
		t.Errorf("recovery code: %d %s", a.status, a.raw)
	}
	wantError(t, s.call("DELETE", "/mfa/authenticators/push%7Cdev_nothere", token, nil), 404, "not_found", "")

	changed := s.Phone.Changed()
	if a := s.call("DELETE", path, token, nil); a.status != 204 || len(a.raw) != 0 {
		t.Fatalf("delete push: %d %s", a.status, a.raw)
	}
	<-changed // the phone learns its device is gone
	list = s.listAuthenticators(token)
	if len(list) != 1 || list[0]["authenticator_type"] != "recovery-code" {
		t.Errorf("after deleting push, the TOTP twin is still there: %v", list)
	}
	if len(s.Phone.Devices()) != 0 {
		t.Errorf("phone devices %v", s.Phone.Devices())
	}
	wantError(t, s.call("DELETE", path, token, nil), 404, "not_found", "")
}

func TestDeleteTOTPAlsoDeletesPush(t *testing.T) {
	s := startSandbox(t, Options{})
	token := s.mfaAccessToken("read:authenticators remove:authenticators")
	list := s.listAuthenticators(token)
	if a := s.call("DELETE", "/mfa/authenticators/"+url.PathEscape(list[1]["id"].(string)), token, nil); a.status != 204 {
		t.Fatalf("delete totp: %d %s", a.status, a.raw)
	}
	if list = s.listAuthenticators(token); len(list) != 1 {
		t.Errorf("after deleting totp: %v", list)
	}
	mfa := s.login("bob@example.com")
	wantError(t, s.challenge(mfa, nil), 400, "association_required", "")
	if len(s.Phone.Devices()) != 0 {
		t.Errorf("the phone still lists %v", s.Phone.Devices())
	}
}

func TestUnenrollThroughTheGuardianEndpoint(t *testing.T) {
	s := startSandbox(t, Options{})
	s.Phone.mu.Lock()
	dev := s.Phone.devices[0].enrolled
	s.Phone.mu.Unlock()
	if err := guardian.Unenroll(context.Background(), s.Client(), dev, s.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if list := s.listAuthenticators(s.login("bob@example.com")); len(list) != 1 {
		t.Errorf("after unenroll: %v", list)
	}
	if len(s.Phone.Devices()) != 0 {
		t.Errorf("the phone still lists %v", s.Phone.Devices())
	}
	err := guardian.Unenroll(context.Background(), s.Client(), dev, s.clock.Now())
	var ge *guardian.Error
	if !errors.As(err, &ge) || ge.StatusCode != 404 || ge.ErrorCode != "device_account_not_found" {
		t.Errorf("unenrolled twice: %v", err)
	}
}
