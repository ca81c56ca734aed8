package sandbox

import (
	"context"
	"testing"
)

// Enrolling bob again under the same device name is the same phone
// re-enrolling his account: it replaces the old account on the phone, and
// at the tenant, as a Guardian app does. Another name is another device,
// and another user's device is another account.
func TestEnrollingTheSameAccountAgainReplacesIt(t *testing.T) {
	s := startSandbox(t, Options{})
	old := s.bobDevice()
	access := s.mfaAccessToken("enroll read:authenticators")
	d, err := s.Phone.Scan(context.Background(), s.associatePush(access).str("barcode_uri"), "Bob's phone")
	if err != nil {
		t.Fatal(err)
	}
	if devices := s.Phone.Devices(); len(devices) != 1 || devices[0].ID != d.ID || d.ID == old.ID {
		t.Errorf("the phone holds %+v, want only the new %s", devices, d.ID)
	}
	var pushes []string
	for _, a := range s.listAuthenticators(access) {
		if a["authenticator_type"] == "oob" {
			pushes = append(pushes, a["id"].(string))
		}
	}
	if len(pushes) != 1 || pushes[0] != "push|"+d.ID {
		t.Errorf("bob's push authenticators %v, want only push|%s", pushes, d.ID)
	}
	// The new device answers bob's pushes.
	mfa := s.login("bob@example.com")
	oob := s.challenge(mfa, nil).str("oob_code")
	if err := s.Phone.Approve(context.Background(), s.Phone.Notifications()[0].ID); err != nil {
		t.Fatal(err)
	}
	if a := s.poll(mfa, oob); a.status != 200 {
		t.Errorf("poll: %d %s", a.status, a.raw)
	}

	if _, err := s.Phone.Scan(context.Background(), s.associatePush(access).str("barcode_uri"), "Bob's tablet"); err != nil {
		t.Fatal(err)
	}
	uri := s.associatePush(s.login("alice@example.com")).str("barcode_uri")
	if _, err := s.Phone.Scan(context.Background(), uri, "Bob's phone"); err != nil {
		t.Fatal(err)
	}
	if devices := s.Phone.Devices(); len(devices) != 3 {
		t.Errorf("devices %+v, want bob's phone and tablet, and alice's", devices)
	}
}
