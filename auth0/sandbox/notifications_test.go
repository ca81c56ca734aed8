package sandbox

import (
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/clock"
)

// changedNow reports whether ch was closed, without waiting: the phone
// changes before the answer of the request that changed it is written.
func changedNow(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func (s *sandbox) notifications() []Notification {
	s.t.Helper()
	var list []Notification
	decodeInto(s.t, s.call("GET", "/sandbox/notifications", "", nil).raw, &list)
	return list
}

func (s *sandbox) answerNote(id, action string) answer {
	s.t.Helper()
	return s.call("POST", "/sandbox/notifications/"+id+"/"+action, "", nil)
}

// When a sign-in ends another way (a code, a recovery code, another push
// approved), the phone's request for it is withdrawn: the phone no longer
// offers a request that can only fail.
func TestNotificationIsWithdrawnWhenTheSignInEnds(t *testing.T) {
	s := startSandbox(t, Options{})
	for _, end := range []string{"otp", "recovery code", "another push"} {
		mfa := s.login("bob@example.com")
		other := s.challenge(mfa, nil).str("oob_code")
		s.challenge(mfa, nil)
		notes := s.notifications()
		if len(notes) != 2 {
			t.Fatalf("%s: %d notifications", end, len(notes))
		}
		changed := s.Phone.Changed()
		switch end {
		case "otp":
			code, _, _ := s.Phone.OTP(s.bobDevice().ID)
			if a := s.otpGrant(mfa, code); a.status != 200 {
				t.Fatalf("otp: %d %s", a.status, a.raw)
			}
			s.clock.Advance(30 * time.Second) // each code works once
		case "recovery code":
			if a := s.recoveryGrant(mfa, s.Tenant.Users()[1].RecoveryCode); a.status != 200 {
				t.Fatalf("recovery: %d %s", a.status, a.raw)
			}
		case "another push":
			if a := s.answerNote(notes[0].ID, "approve"); a.status != 204 {
				t.Fatalf("approve: %d %s", a.status, a.raw)
			}
			changed = s.Phone.Changed()
			if a := s.poll(mfa, other); a.status != 200 {
				t.Fatalf("poll: %d %s", a.status, a.raw)
			}
		}
		if !changedNow(changed) {
			t.Errorf("%s: the phone did not change", end)
		}
		if left := s.notifications(); len(left) != 0 {
			t.Errorf("%s: the phone still offers %+v", end, left)
		}
		wantError(t, s.answerNote(notes[1].ID, "approve"), 410, "notification_withdrawn", "the sign-in request was withdrawn: that sign-in has ended")
	}
}

// An expired request leaves the phone as the request's sign-in expires,
// and the phone says so to whoever watches it: on the tenant's clock at
// the next request (tests), and on the wall clock at the expiry itself.
func TestExpiredNotificationIsWithdrawn(t *testing.T) {
	s := startSandbox(t, Options{})
	s.challenge(s.login("bob@example.com"), nil)
	id := s.Phone.Notifications()[0].ID
	changed := s.Phone.Changed()
	s.clock.Advance(5 * time.Minute)
	s.call("GET", "/.well-known/jwks.json", "", nil)
	if !changedNow(changed) {
		t.Error("the phone did not change when its notification expired")
	}
	if left := s.notifications(); len(left) != 0 {
		t.Errorf("left %+v", left)
	}
	wantError(t, s.answerNote(id, "approve"), 410, "notification_expired", "")

	real := startSandbox(t, Options{Clock: clock.Real, MFATokenLifetime: time.Second})
	real.challenge(real.login("bob@example.com"), nil)
	changed = real.Phone.Changed()
	if len(real.Phone.Notifications()) != 1 {
		t.Fatal("no notification")
	}
	waitChanged(t, changed) // nothing else happens: only the expiry can change the phone
	if left := real.Phone.Notifications(); len(left) != 0 {
		t.Errorf("on the wall clock, left %+v", left)
	}
}

// A person can swipe a request away without answering it; the sign-in
// waits on at the tenant until it expires, as on Auth0, which never hears
// of it.
func TestDismissANotification(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com")
	oob := s.challenge(mfa, nil).str("oob_code")
	id := s.Phone.Notifications()[0].ID
	changed := s.Phone.Changed()
	if a := s.answerNote(id, "dismiss"); a.status != 204 {
		t.Fatalf("dismiss: %d %s", a.status, a.raw)
	}
	if !changedNow(changed) || len(s.notifications()) != 0 {
		t.Error("the notification stayed")
	}
	wantError(t, s.answerNote(id, "approve"), 410, "notification_dismissed", "the notification was dismissed")
	wantError(t, s.answerNote(id, "dismiss"), 410, "notification_dismissed", "")
	wantError(t, s.answerNote("ntf_nope", "dismiss"), 404, "notification_not_found", "")
	wantError(t, s.poll(mfa, oob), 400, "authorization_pending", "")
}
