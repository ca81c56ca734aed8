package sandbox

import (
	"testing"
	"time"
)

// A flood of /mfa/associate leaves one pending enrollment per user, as on
// Auth0, where a new ticket replaces the user's pending one: the tenant's
// state and the user's list stay the same size however many calls come.
func TestAssociateFloodStaysBounded(t *testing.T) {
	s := startSandbox(t, Options{AssociationsPerMinute: 1 << 20})
	alice := s.login("alice@example.com")
	before := s.Tenant.Stats()
	first := s.associatePush(alice)
	for i := range 300 {
		var a answer
		if i%3 == 0 {
			a = s.call("POST", "/mfa/associate", alice, map[string]any{"authenticator_types": []string{"otp"}})
		} else {
			a = s.associatePush(alice)
		}
		if a.status != 200 {
			t.Fatalf("call %d: %d %s", i, a.status, a.raw)
		}
	}
	last := s.associatePush(alice)
	if st := s.Tenant.Stats(); st.Enrollments != before.Enrollments+1 || st.OOBCodes != before.OOBCodes+1 || st.PendingAuthenticators != 3 {
		t.Errorf("after 302 calls the tenant holds %+v", st)
	}
	if list := s.listAuthenticators(alice); len(list) != 3 {
		t.Errorf("alice's list has %d entries: %v", len(list), list)
	}
	// The first ticket was replaced; the last one enrolls.
	wantError(t, s.call("POST", "/sandbox/devices", "", map[string]string{"barcode_uri": first.str("barcode_uri")}), 404, "enrollment_transaction_not_found", "")
	wantError(t, s.poll(alice, first.str("oob_code")), 403, "invalid_grant", "Invalid oob_code.")
	if a := s.call("POST", "/sandbox/devices", "", map[string]string{"barcode_uri": last.str("barcode_uri")}); a.status != 201 {
		t.Fatalf("scan the last: %d %s", a.status, a.raw)
	}
	if tokens := s.poll(alice, last.str("oob_code")); tokens.status != 200 {
		t.Errorf("poll the last: %d %s", tokens.status, tokens.raw)
	}
}

// /mfa/associate is rate-limited per user: 10 a minute by default.
func TestAssociateRateLimitPerUser(t *testing.T) {
	s := startSandbox(t, Options{})
	alice := s.login("alice@example.com")
	for i := range 10 {
		if a := s.associatePush(alice); a.status != 200 {
			t.Fatalf("call %d: %d %s", i, a.status, a.raw)
		}
	}
	a := s.associatePush(alice)
	wantError(t, a, 429, "too_many_requests", "Too many enrollment requests for this user: at most 10 a minute")
	if a.header.Get("Retry-After") != "6" || a.header.Get("X-Ratelimit-Limit") != "10" || a.header.Get("X-Ratelimit-Remaining") != "0" {
		t.Errorf("headers %v", a.header)
	}
	// Another user has a bucket of their own.
	if a := s.associatePush(s.mfaAccessToken("enroll")); a.status != 200 {
		t.Errorf("bob: %d %s", a.status, a.raw)
	}
	s.clock.Advance(6 * time.Second)
	if a := s.associatePush(alice); a.status != 200 {
		t.Errorf("6 s later: %d %s", a.status, a.raw)
	}
	if st := s.Tenant.Stats(); st.RateBuckets == 0 {
		t.Error("the buckets are not counted")
	}
}
