package sandbox

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

const blockedDescription = "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it."

func (s *sandbox) password(email, password string) answer {
	s.t.Helper()
	return s.form("/oauth/token", client(map[string]string{"grant_type": "password", "username": email, "password": password}))
}

// Auth0's brute-force protection: the 10th wrong password in a row for one
// user from one address answers too_many_attempts, and so does every
// attempt after it, the right password included, until the block ends.
func TestWrongPasswordsBlockTheUserFromThatAddress(t *testing.T) {
	s := startSandbox(t, Options{})
	for i := 1; i <= 9; i++ {
		wantError(t, s.password("bob@example.com", "guess"), 403, "invalid_grant", "Wrong email or password.")
	}
	wantError(t, s.password("bob@example.com", "guess"), 429, "too_many_attempts", blockedDescription)
	blocked := s.password("bob@example.com", "bob-password")
	wantError(t, blocked, 429, "too_many_attempts", blockedDescription)
	if h := blocked.header.Get("Retry-After"); h != "" {
		t.Errorf("Retry-After %q: Auth0's block has no end a client could wait for", h)
	}
	// Other users, and bob from another address, sign in as before.
	s.login("alice@example.com")
	other := &sandbox{t: t, Server: &Server{URL: s.URL, client: fromAddress(t, "127.0.0.2")}}
	other.login("bob@example.com")
	// Names no user has are not counted.
	for range 20 {
		wantError(t, s.password("nobody@example.com", "guess"), 403, "invalid_grant", "Wrong email or password.")
	}

	s.clock.Advance(15*time.Minute - time.Second)
	wantError(t, s.password("bob@example.com", "bob-password"), 429, "too_many_attempts", blockedDescription)
	s.clock.Advance(time.Second)
	s.login("bob@example.com")
	wantError(t, s.password("bob@example.com", "guess"), 403, "invalid_grant", "Wrong email or password.")

	s.clock.Advance(time.Hour)
	s.call("GET", "/.well-known/jwks.json", "", nil) // the sweep forgets idle counts
	if st := s.Tenant.Stats(); st.LoginCounters != 0 {
		t.Errorf("%d counts left", st.LoginCounters)
	}
}

// The count is of wrong passwords in a row: a right one starts it again.
// The threshold is an option.
func TestARightPasswordResetsTheCount(t *testing.T) {
	s := startSandbox(t, Options{LoginAttempts: 3})
	for range 2 {
		for range 2 {
			wantError(t, s.password("bob@example.com", "guess"), 403, "invalid_grant", "Wrong email or password.")
		}
		s.login("bob@example.com")
	}
	wantError(t, s.password("bob@example.com", "guess"), 403, "invalid_grant", "")
	wantError(t, s.password("bob@example.com", "guess"), 403, "invalid_grant", "")
	wantError(t, s.password("bob@example.com", "guess"), 429, "too_many_attempts", blockedDescription)
}

// fromAddress is a client whose connections come from ip, another
// loopback address.
func fromAddress(t *testing.T, ip string) *http.Client {
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	transport := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return dialer.DialContext(ctx, network, addr)
	}}
	t.Cleanup(transport.CloseIdleConnections)
	return &http.Client{Transport: transport}
}
