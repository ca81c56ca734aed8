package sandbox

import (
	"context"
	"testing"
)

func TestAliceEnrollsPushWithThePhone(t *testing.T) {
	s := startSandbox(t, Options{MinPollInterval: 5e9})
	mfa := s.login("alice@example.com", "openid profile offline_access")
	assoc := s.associatePush(mfa)
	if assoc.status != 200 {
		t.Fatalf("associate: %d %s", assoc.status, assoc.raw)
	}
	oob := assoc.str("oob_code")
	wantError(t, s.poll(mfa, oob), 400, "authorization_pending", "Authorization pending: please repeat the request in a few seconds.")
	d, err := s.Phone.Scan(context.Background(), assoc.str("barcode_uri"), "Alice's Pixel")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Alice's Pixel" || d.UserID == "" {
		t.Errorf("device %+v", d)
	}
	tokens := s.poll(mfa, oob)
	if tokens.status != 200 || tokens.str("access_token") == "" || tokens.str("id_token") == "" || tokens.str("refresh_token") == "" {
		t.Fatalf("tokens: %d %s", tokens.status, tokens.raw)
	}
	wantError(t, s.poll(mfa, oob), 403, "invalid_grant", "Invalid oob_code.")

	// The recovery code came once, with the first authenticator, and works.
	codes, _ := assoc.body["recovery_codes"].([]any)
	if len(codes) != 1 || s.Tenant.Users()[0].RecoveryCode != codes[0] {
		t.Fatalf("recovery codes %v, users %+v", codes, s.Tenant.Users()[0])
	}
	again := s.associatePush(s.login("alice@example.com"))
	wantError(t, again, 403, "access_denied", "User is already enrolled.")
	if a := s.recoveryGrant(s.login("alice@example.com"), codes[0].(string)); a.status != 200 {
		t.Errorf("recovery code: %d %s", a.status, a.raw)
	}
	// Alice's new device answers pushes.
	mfa = s.login("alice@example.com")
	ch := s.challenge(mfa, nil)
	ns := s.Phone.Notifications()
	if len(ns) != 1 || ns[0].DeviceID != d.ID {
		t.Fatalf("notifications %+v", ns)
	}
	if err := s.Phone.Approve(context.Background(), ns[0].ID); err != nil {
		t.Fatal(err)
	}
	if a := s.poll(mfa, ch.str("oob_code")); a.status != 200 {
		t.Errorf("alice's push: %d %s", a.status, a.raw)
	}
}

func TestBobApprovesAndRejects(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com", "openid")
	ch := s.challenge(mfa, nil)
	if ch.status != 200 || ch.str("challenge_type") != "oob" {
		t.Fatalf("challenge: %d %s", ch.status, ch.raw)
	}
	ns := s.Phone.Notifications()
	if len(ns) != 1 {
		t.Fatalf("notifications: %+v", ns)
	}
	if err := s.Phone.Approve(context.Background(), ns[0].ID); err != nil {
		t.Fatal(err)
	}
	if a := s.poll(mfa, ch.str("oob_code")); a.status != 200 {
		t.Fatalf("poll: %d %s", a.status, a.raw)
	}
	ch = s.challenge(mfa, nil)
	ns = s.Phone.Notifications()
	if err := s.Phone.Reject(context.Background(), ns[0].ID, "not me"); err != nil {
		t.Fatal(err)
	}
	wantError(t, s.poll(mfa, ch.str("oob_code")), 400, "access_denied", "MFA Authorization rejected.")
}
