package sandbox

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestPollSpacingGivesSlowDown(t *testing.T) {
	s := startSandbox(t, Options{MinPollInterval: 5 * time.Second})
	mfa := s.login("alice@example.com")
	oob := s.associatePush(mfa).str("oob_code")
	wantError(t, s.poll(mfa, oob), 400, "authorization_pending", "") // the first poll is never slow_down
	s.clock.Advance(4 * time.Second)
	a := s.poll(mfa, oob)
	wantError(t, a, 400, "slow_down", "")
	s.clock.Advance(4 * time.Second) // 4 s after the slow_down: still too soon
	wantError(t, s.poll(mfa, oob), 400, "slow_down", "")
	s.clock.Advance(5 * time.Second)
	wantError(t, s.poll(mfa, oob), 400, "authorization_pending", "")
	// Another oob_code has its own spacing.
	other := s.associatePush(mfa).str("oob_code")
	wantError(t, s.poll(mfa, other), 400, "authorization_pending", "")
}

func TestPollRateLimitPerOOBCode(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("alice@example.com")
	oob := s.associatePush(mfa).str("oob_code")
	for i := 1; i <= 12; i++ {
		a := s.poll(mfa, oob)
		wantError(t, a, 400, "authorization_pending", "")
		if a.header.Get("X-Ratelimit-Limit") != "12" || a.header.Get("X-Ratelimit-Remaining") != strconv.Itoa(12-i) || a.header.Get("X-Ratelimit-Reset") == "" {
			t.Fatalf("poll %d headers %v", i, a.header)
		}
	}
	a := s.poll(mfa, oob)
	wantError(t, a, 429, "too_many_requests", "")
	reset := strconv.FormatInt(s.clock.Now().Add(5*time.Second).Unix(), 10) // one poll comes back every 5 s
	if a.header.Get("X-Ratelimit-Limit") != "12" || a.header.Get("X-Ratelimit-Remaining") != "0" ||
		a.header.Get("X-Ratelimit-Reset") != reset || a.header.Get("Retry-After") != "5" {
		t.Errorf("429 headers %v, want reset %s", a.header, reset)
	}
	s.clock.Advance(5 * time.Second)
	if a := s.poll(mfa, oob); a.status != 400 || a.header.Get("X-Ratelimit-Remaining") != "0" {
		t.Errorf("after 5 s: %d %v", a.status, a.header)
	}
	wantError(t, s.poll(mfa, oob), 429, "too_many_requests", "")
	// Other oob_codes are not limited.
	bob := s.login("bob@example.com")
	wantError(t, s.poll(bob, s.challenge(bob, nil).str("oob_code")), 400, "authorization_pending", "")
	s.clock.Advance(time.Minute)
	if a := s.poll(mfa, oob); a.status != 400 || a.header.Get("X-Ratelimit-Remaining") != "11" {
		t.Errorf("after a minute: %d %v", a.status, a.header)
	}
}

func TestExpiredMFATokenAndTicket(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("alice@example.com")
	assoc := s.associatePush(mfa)
	s.clock.Advance(5 * time.Minute)
	wantError(t, s.poll(mfa, assoc.str("oob_code")), 403, "expired_token", "mfa_token is expired")
	if _, err := s.Phone.Scan(context.Background(), assoc.str("barcode_uri"), ""); !errors.Is(err, ErrTicketExpired) {
		t.Errorf("scan of an expired ticket: %v", err)
	}
	// A ticket that expires before its mfa_token: the oob_code is expired.
	s2 := startSandbox(t, Options{EnrollmentTicketLifetime: time.Minute})
	mfa = s2.login("alice@example.com")
	oob := s2.associatePush(mfa).str("oob_code")
	s2.clock.Advance(time.Minute)
	wantError(t, s2.poll(mfa, oob), 403, "expired_token", "oob_code is expired")
	// Other mfa_token routes say expired too.
	wantError(t, s.challenge(mfa, nil), 403, "invalid_grant", "Malformed mfa_token") // s2's token is not s's
	a := s2.associatePush(mfa)
	if a.status != 200 {
		t.Fatalf("associate before the mfa_token expires: %d", a.status)
	}
	s2.clock.Advance(4 * time.Minute)
	b := s2.associatePush(mfa)
	if b.status != 401 || b.str("error") != "invalid_token" || b.str("error_description") != "mfa_token is expired" {
		t.Errorf("associate with an expired mfa_token: %d %s", b.status, b.raw)
	}
	wantError(t, s2.challenge(mfa, nil), 403, "expired_token", "mfa_token is expired")
}

func TestOOBCodeMisuse(t *testing.T) {
	s := startSandbox(t, Options{})
	alice := s.login("alice@example.com")
	oob := s.associatePush(alice).str("oob_code")
	otherAlice := s.login("alice@example.com")
	bob := s.login("bob@example.com")
	wantError(t, s.poll(otherAlice, oob), 400, "invalid_request", "The oob_code doesn't match the mfa_token")
	wantError(t, s.poll(bob, oob), 400, "invalid_request", "The oob_code doesn't match the mfa_token")
	wantError(t, s.poll(alice, "not-a-code"), 403, "invalid_grant", "Invalid oob_code.")
	wantError(t, s.poll(alice, alice), 403, "invalid_grant", "Invalid oob_code.") // an mfa_token is no oob_code
	wantError(t, s.poll("Fe26.2*nope", oob), 403, "invalid_grant", "Malformed mfa_token")
	// The confirmation poll ignores a Bearer header, as Auth0 does.
	v := url.Values{"grant_type": {grantMFAOOB}, "mfa_token": {alice}, "oob_code": {oob}, "client_id": {clientID}, "client_secret": {clientSecret}}
	req, _ := http.NewRequest("POST", s.URL+"/oauth/token", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer "+alice)
	wantError(t, s.do(req), 400, "authorization_pending", "")
}

func TestRejectionCodes(t *testing.T) {
	for _, invalidGrant := range []bool{false, true} {
		s := startSandbox(t, Options{RejectWithInvalidGrant: invalidGrant})
		mfa := s.login("bob@example.com")
		oob := s.challenge(mfa, nil).str("oob_code")
		if err := s.Phone.Reject(context.Background(), s.Phone.Notifications()[0].ID, ""); err != nil {
			t.Fatal(err)
		}
		code := "access_denied"
		if invalidGrant {
			code = "invalid_grant"
		}
		wantError(t, s.poll(mfa, oob), 400, code, "MFA Authorization rejected.")
		wantError(t, s.poll(mfa, oob), 400, code, "MFA Authorization rejected.")
	}
}

func TestPushesPerMinute(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com")
	for i := range 5 {
		if a := s.challenge(mfa, nil); a.status != 200 {
			t.Fatalf("push %d: %d %s", i+1, a.status, a.raw)
		}
	}
	a := s.challenge(mfa, nil)
	wantError(t, a, 429, "too_many_requests", "")
	if a.header.Get("X-Ratelimit-Limit") != "5" || a.header.Get("X-Ratelimit-Remaining") != "0" || a.header.Get("Retry-After") != "12" {
		t.Errorf("headers %v", a.header)
	}
	if n := len(s.Phone.Notifications()); n != 5 {
		t.Errorf("%d notifications, want 5", n)
	}
	// OTP challenges are not pushes.
	if a := s.challenge(mfa, map[string]string{"challenge_type": "otp"}); a.status != 200 {
		t.Errorf("otp challenge: %d %s", a.status, a.raw)
	}
	s.clock.Advance(12 * time.Second)
	if a := s.challenge(mfa, nil); a.status != 200 {
		t.Errorf("after 12 s: %d %s", a.status, a.raw)
	}
}

func TestFailuresPerHour(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com")
	otp := func(code string) answer {
		return s.form("/oauth/token", client(map[string]string{"grant_type": grantMFAOTP, "mfa_token": mfa, "otp": code}))
	}
	recovery := func(code string) answer {
		return s.form("/oauth/token", client(map[string]string{"grant_type": grantMFARecoveryCode, "mfa_token": mfa, "recovery_code": code}))
	}
	for i := range 5 {
		wantError(t, otp("000000"), 403, "invalid_grant", "Invalid otp_code.")
		wantError(t, recovery("WRONG"+strconv.Itoa(i)), 403, "invalid_grant", "Invalid recovery_code.")
	}
	good, _, _ := s.Phone.OTP(s.bobDevice().ID)
	a := otp(good)
	wantError(t, a, 429, "too_many_attempts", "")
	if a.header.Get("X-Ratelimit-Limit") != "10" || a.header.Get("Retry-After") != "360" {
		t.Errorf("headers %v", a.header)
	}
	wantError(t, recovery(s.Tenant.Users()[1].RecoveryCode), 429, "too_many_attempts", "")
	s.clock.Advance(6 * time.Minute) // one failure is forgiven every 6 minutes
	mfa = s.login("bob@example.com")
	good, _, _ = s.Phone.OTP(s.bobDevice().ID)
	if a := otp(good); a.status != 200 {
		t.Errorf("after 6 minutes: %d %s", a.status, a.raw)
	}
}

func TestPollingOptionsLetTheirPaceThrough(t *testing.T) {
	opts := PollingOptions(time.Second)
	opts.Clock = nil // the test's manual clock
	s := startSandbox(t, opts)
	mfa := s.login("bob@example.com")
	oob := s.challenge(mfa, nil).str("oob_code")
	// mfapush waits interval x 1.2 between polls, for up to the five
	// minutes of the mfa_token.
	for i := range 240 {
		s.clock.Advance(1200 * time.Millisecond)
		if a := s.poll(mfa, oob); a.status != 400 || a.str("error") != "authorization_pending" {
			t.Fatalf("poll %d: %d %s", i+1, a.status, a.raw)
		}
	}
	if got := PollingOptions(5 * time.Second); got.PollsPerMinute != 12 || got.MinPollInterval != 5*time.Second {
		t.Errorf("at Auth0's spacing: %d a minute, slow_down below %v", got.PollsPerMinute, got.MinPollInterval)
	}
}
