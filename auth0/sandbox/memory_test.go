package sandbox

import (
	"fmt"
	"testing"
	"time"
)

// fill makes 10,000 push enrollments, each for a user of its own (a user
// has one pending enrollment at a time), and 10,000 push challenges for
// bob (each with a notification on the phone), plus rate-limit buckets.
func fill(t *testing.T, s *sandbox) {
	t.Helper()
	tn := s.Tenant
	bob := s.login("bob@example.com")
	wantError(t, s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": bob, "otp": "000000"})), 403, "invalid_grant", "")
	now := s.clock.Now()
	for i := range 10_000 {
		tn.mu.Lock()
		tn.addUser(fmt.Sprintf("user%d@example.com", i), "User", "password", connection, now)
		u := tn.users[len(tn.users)-1]
		en := tn.newEnrollmentLocked(u, associateRequest{channel: "auth0"}, tn.newSession(u, "", "", now), now)
		tn.polls.take(en.oobCode, now)
		c, e := tn.challengeLocked(challengeRequest{mfaToken: bob}, s.URL, "test", now)
		tn.mu.Unlock()
		if e != nil {
			t.Fatal(e)
		}
		s.Phone.receive(*c.push)
	}
	st := tn.Stats()
	if st.MFATokens < 10_000 || st.Enrollments < 10_000 || st.OOBCodes != 20_000 || st.PendingAuthenticators < 20_000 || st.RateBuckets < 10_000 {
		t.Fatalf("after filling: %+v", st)
	}
	if n := len(s.Phone.Notifications()); n != 10_000 {
		t.Fatalf("%d notifications", n)
	}
}

func TestExpiredStateIsForgottenOnAccess(t *testing.T) {
	s := startSandbox(t, Options{PushesPerMinute: 1_000_000})
	fill(t, s)
	s.clock.Advance(25 * time.Hour) // past every lifetime, grace and the pending TTL
	s.call("GET", "/.well-known/jwks.json", "", nil)
	if st := s.Tenant.Stats(); st != (Stats{}) {
		t.Errorf("after expiry and a request: %+v", st)
	}
	if n := len(s.Phone.Notifications()); n != 0 {
		t.Errorf("%d notifications left", n)
	}
	s.clock.Advance(2 * time.Hour)
	s.Phone.Notifications()
	s.Phone.mu.Lock()
	left := len(s.Phone.pending) + len(s.Phone.gone) + len(s.Phone.answering)
	s.Phone.mu.Unlock()
	if left != 0 {
		t.Errorf("the phone remembers %d notifications", left)
	}
	// Bob's enrollment is still there: active state is never swept.
	if list := s.listAuthenticators(s.login("bob@example.com")); len(list) != 3 {
		t.Errorf("bob's authenticators %v", list)
	}
}

func TestBackgroundSweep(t *testing.T) {
	s := startSandbox(t, Options{PushesPerMinute: 1_000_000, sweepEvery: 200 * time.Millisecond})
	fill(t, s)
	s.clock.Advance(25 * time.Hour)
	deadline := time.Now().Add(10 * time.Second)
	for s.Tenant.Stats() != (Stats{}) { // no request: only the sweeper can clear it
		if time.Now().After(deadline) {
			t.Fatalf("not swept: %+v", s.Tenant.Stats())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPendingAuthenticatorsLiveADay(t *testing.T) {
	s := startSandbox(t, Options{})
	s.associatePush(s.login("alice@example.com"))
	s.clock.Advance(23 * time.Hour)
	if list := s.listAuthenticators(s.login("alice@example.com")); len(list) != 3 {
		t.Errorf("after 23 h: %v", list)
	}
	s.clock.Advance(time.Hour)
	if list := s.listAuthenticators(s.login("alice@example.com")); len(list) != 0 {
		t.Errorf("after 24 h: %v", list)
	}
}
