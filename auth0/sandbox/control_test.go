package sandbox

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSandboxInfo(t *testing.T) {
	s := startSandbox(t, Options{})
	a := s.call("GET", "/sandbox", "", nil)
	if a.status != 200 || a.str("domain") != s.URL || a.str("client_id") != clientID || a.str("client_secret") != clientSecret || a.str("connection") != connection {
		t.Fatalf("%d %s", a.status, a.raw)
	}
	var info struct {
		Users        []DemoUser    `json:"users"`
		Devices      []deviceJSON  `json:"devices"`
		Applications []Application `json:"applications"`
	}
	decodeInto(t, a.raw, &info)
	if len(info.Users) != 4 || info.Users[2].Email != "carol@example.com" || info.Users[3].Email != "carol@example.com" ||
		info.Users[3].Connection != "google-oauth2" || info.Users[3].Password != "" || !strings.HasPrefix(info.Users[3].UserID, "google-oauth2|") {
		t.Errorf("carol's two accounts: %+v", info.Users)
	}
	if len(info.Applications) != 3 || info.Applications[1].ClientID != HelpdeskClientID || len(info.Applications[1].Scopes) != 5 ||
		info.Applications[2].ClientID != LimitedHelpdeskClientID || len(info.Applications[2].Scopes) != 2 {
		t.Errorf("applications %+v", info.Applications)
	}
	if len(info.Users) < 2 || info.Users[0].Email != "alice@example.com" || info.Users[0].Password != "alice-password" || info.Users[0].RecoveryCode != "" ||
		info.Users[1].Password != "bob-password" || len(info.Users[1].RecoveryCode) != 24 || !info.Users[1].Enrolled {
		t.Errorf("users %+v", info.Users)
	}
	if len(info.Devices) != 1 || info.Devices[0].Name != "Bob's phone" || info.Devices[0].UserID != info.Users[1].UserID {
		t.Errorf("devices %+v", info.Devices)
	}
}

func TestControlScanStatuses(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("alice@example.com")
	uri := s.associatePush(mfa).str("barcode_uri")
	later := s.associatePush(s.mfaAccessToken("enroll")).str("barcode_uri") // bob's, scanned too late
	scan := func(body any) answer { return s.call("POST", "/sandbox/devices", "", body) }

	wantError(t, scan(map[string]string{"barcode_uri": "https://example.com"}), 400, "invalid_barcode", "")
	wantError(t, scan(map[string]string{}), 400, "invalid_request", "Missing required parameter: barcode_uri")
	wantError(t, scan(map[string]string{"barcode_uri": strings.Replace(uri, "enrollment_tx_id=", "enrollment_tx_id=X", 1)}), 404, "enrollment_transaction_not_found", "")
	a := scan(map[string]string{"barcode_uri": uri, "name": "Pixel 9"})
	if a.status != 201 || len(a.body) != 3 || !strings.HasPrefix(a.str("id"), "dev_") || a.str("name") != "Pixel 9" || a.str("user_id") == "" {
		t.Fatalf("scan: %d %s", a.status, a.raw)
	}
	wantError(t, scan(map[string]string{"barcode_uri": uri}), 409, "enrollment_transaction_used", "")
	devices := s.call("GET", "/sandbox/devices", "", nil)
	var list []deviceJSON
	decodeInto(t, devices.raw, &list)
	if len(list) != 2 || list[1].ID != a.str("id") {
		t.Errorf("devices %+v", list)
	}
	otp := s.call("GET", "/sandbox/devices/"+a.str("id")+"/otp", "", nil)
	if otp.status != 200 || len(otp.str("otp")) != 6 || otp.body["expires_in"] != float64(30) {
		t.Errorf("otp: %d %s", otp.status, otp.raw)
	}
	s.clock.Advance(13 * time.Second)
	if otp := s.call("GET", "/sandbox/devices/"+a.str("id")+"/otp", "", nil); otp.body["expires_in"] != float64(17) {
		t.Errorf("otp 13 s later: %s", otp.raw)
	}
	wantError(t, s.call("GET", "/sandbox/devices/dev_nope/otp", "", nil), 404, "device_not_found", "")
	s.clock.Advance(5 * time.Minute)
	wantError(t, scan(map[string]string{"barcode_uri": later}), 410, "enrollment_transaction_expired", "")
}

func TestControlNotificationStatuses(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com")
	s.challenge(mfa, nil)
	s.challenge(mfa, nil)
	var list []Notification
	decodeInto(t, s.call("GET", "/sandbox/notifications", "", nil).raw, &list)
	if len(list) != 2 || !list[0].CreatedAt.Equal(start) || list[0].Payload.TransactionToken == "" {
		t.Fatalf("notifications %+v", list)
	}
	answer := func(id, action string, body any) answer {
		return s.call("POST", "/sandbox/notifications/"+id+"/"+action, "", body)
	}
	wantError(t, answer("ntf_nope", "approve", nil), 404, "notification_not_found", "")
	if a := answer(list[0].ID, "approve", nil); a.status != 204 {
		t.Fatalf("approve: %d %s", a.status, a.raw)
	}
	wantError(t, answer(list[0].ID, "approve", nil), 409, "already_answered", "")
	wantError(t, answer(list[0].ID, "reject", nil), 409, "already_answered", "")
	wantError(t, answer(list[1].ID, "reject", "not an object"), 400, "invalid_request", "")
	s.clock.Advance(5 * time.Minute)
	wantError(t, answer(list[1].ID, "reject", map[string]string{"reason": "late"}), 410, "notification_expired", "")
	decodeInto(t, s.call("GET", "/sandbox/notifications", "", nil).raw, &list)
	if len(list) != 0 {
		t.Errorf("left %+v", list)
	}
}

func TestPhoneErrorsInGo(t *testing.T) {
	s := startSandbox(t, Options{})
	ctx := context.Background()
	if _, err := s.Phone.Scan(ctx, "not a uri", ""); !errors.Is(err, ErrUnreadableBarcode) {
		t.Errorf("scan: %v", err)
	}
	if _, _, err := s.Phone.OTP("dev_nope"); !errors.Is(err, ErrDeviceUnknown) {
		t.Errorf("otp: %v", err)
	}
	if err := s.Phone.Approve(ctx, "ntf_nope"); !errors.Is(err, ErrNotificationUnknown) {
		t.Errorf("approve: %v", err)
	}
	mfa := s.login("bob@example.com")
	oob := s.challenge(mfa, nil).str("oob_code")
	n := s.Phone.Notifications()[0]
	if err := s.Phone.Reject(ctx, n.ID, "fraud"); err != nil {
		t.Fatal(err)
	}
	if err := s.Phone.Approve(ctx, n.ID); !errors.Is(err, ErrAlreadyAnswered) {
		t.Errorf("approve after reject: %v", err)
	}
	wantError(t, s.poll(mfa, oob), 400, "access_denied", "MFA Authorization rejected.")
}
