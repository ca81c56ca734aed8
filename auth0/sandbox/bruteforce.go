package sandbox

import (
	"crypto/subtle"
	"net"
	"net/http"
	"time"
)

// Brute-force protection, as Auth0 has it by default: wrong passwords in a
// row for one user from one IP address block that user's sign-ins from
// that address, the right password included, and the wrong password that
// reaches the threshold is already answered so. The error code and
// description are Auth0's, as its login screens show them and apps match
// them; the status is assumed (docs/sandbox.md): Auth0's SDKs class
// too_many_attempts with reaching a limit, which Auth0 answers 429.
var errLoginBlocked = newError(http.StatusTooManyRequests, "too_many_attempts",
	"Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.")

// loginCounter is one user's wrong passwords in a row from one address.
type loginCounter struct {
	wrong   int
	last    time.Time // the last wrong password
	blocked time.Time // sign-ins are refused until then
}

func loginKey(u *user, r *http.Request) string {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		ip = r.RemoteAddr
	}
	return u.id + " " + ip
}

// checkPasswordLocked checks a known user's password from the address in
// key, and counts it: nil when it is right and no block holds.
func (t *Tenant) checkPasswordLocked(u *user, password, key string, now time.Time) *apiError {
	c := t.logins[key]
	switch {
	case c != nil && now.Before(c.blocked):
		return errLoginBlocked
	case subtle.ConstantTimeCompare([]byte(password), []byte(u.password)) == 1:
		delete(t.logins, key) // a right password ends the run of wrong ones
		return nil
	case c == nil:
		c = &loginCounter{}
		t.logins[key] = c
	}
	c.wrong++
	c.last = now
	if c.wrong < t.opts.LoginAttempts {
		return errWrongPassword
	}
	c.wrong, c.blocked = 0, now.Add(t.opts.LoginBlock)
	return errLoginBlocked // the wrong password that blocks says so at once
}

// sweepLoginsLocked forgets blocks that have ended and counts with no
// wrong password for as long as a block lasts, so that the map stays as
// small as the set of addresses guessing now.
func (t *Tenant) sweepLoginsLocked(now time.Time) {
	for key, c := range t.logins {
		if !now.Before(c.blocked) && now.Sub(c.last) >= t.opts.LoginBlock {
			delete(t.logins, key)
		}
	}
}
