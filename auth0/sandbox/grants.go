package sandbox

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0/guardian"
)

var (
	errInvalidOOBCode = newError(http.StatusForbidden, "invalid_grant", "Invalid oob_code.")
	errExpiredOOBCode = newError(http.StatusForbidden, "expired_token", "oob_code is expired")
	errOOBMismatch    = invalidRequest("The oob_code doesn't match the mfa_token")
	errPending        = newError(http.StatusBadRequest, "authorization_pending", "Authorization pending: please repeat the request in a few seconds.")
	errInvalidOTP     = newError(http.StatusForbidden, "invalid_grant", "Invalid otp_code.")
	errInvalidRecover = newError(http.StatusForbidden, "invalid_grant", "Invalid recovery_code.")
)

// granted is what a successful MFA grant hands to token issuance, which
// runs after the lock is released.
type granted struct {
	user         *user
	session      mfaSession
	recoveryCode string // a new one, for the recovery-code grant
}

func (t *Tenant) finishGrant(w http.ResponseWriter, r *http.Request, g *granted, e *apiError) {
	if e != nil {
		writeError(w, e)
		return
	}
	out, err := t.issueTokens(t.baseURL(r), g.user, &g.session, t.now())
	if err != nil {
		writeError(w, newError(http.StatusInternalServerError, "server_error", "Could not sign the tokens"))
		return
	}
	if g.recoveryCode != "" {
		out["recovery_code"] = g.recoveryCode
	}
	writeJSON(w, http.StatusOK, contentJSON, out)
}

// lockedGrant runs a grant's checks under the lock, then issues tokens.
func (t *Tenant) lockedGrant(w http.ResponseWriter, r *http.Request, req tokenRequest, grant func(tokenRequest, time.Time) (*granted, *apiError)) {
	now := t.now()
	t.mu.Lock()
	g, e := grant(req, now)
	t.concludeGrantLocked(w, r, req, g, e, now)
}

// concludeGrantLocked ends a grant whose checks ran under the lock: it
// notes the login, releases the lock, withdraws the pushes the grant
// ended, and answers.
func (t *Tenant) concludeGrantLocked(w http.ResponseWriter, r *http.Request, req tokenRequest, g *granted, e *apiError, now time.Time) {
	if g != nil {
		noteLoginLocked(g.user, r, now)
	}
	ended := t.endedPushesLocked(req, g)
	t.mu.Unlock()
	t.withdrawPushes(ended)
	t.finishGrant(w, r, g, e)
}

// endedPushesLocked lists the push challenges (by txtkn) still waiting on
// the mfa_token a grant has just redeemed: that sign-in is over, so their
// requests on the phone can never be of use. Those in the outbox go now.
func (t *Tenant) endedPushesLocked(req tokenRequest, g *granted) []string {
	if g == nil {
		return nil
	}
	token, _ := req.str("mfa_token")
	var ended []string
	for txToken, tx := range t.txs {
		if tx.mfaToken == token && tx.state == oobPending {
			ended = append(ended, txToken)
		}
	}
	t.withdrawExternalLocked(ended)
	return ended
}

// withdrawPushes takes the requests of ended push challenges off the phone.
func (t *Tenant) withdrawPushes(txTokens []string) {
	if phone := t.connectedPhone(); phone != nil && len(txTokens) > 0 {
		phone.withdraw(txTokens)
	}
}

// oobGrant answers a poll of the mfa-oob grant. The rate limit is per
// sign-in, Auth0's "unique session": every oob_code of one mfa_token
// shares it, so challenging again does not start a new budget. Its
// headers go on every answer.
func (t *Tenant) oobGrant(w http.ResponseWriter, r *http.Request, req tokenRequest) {
	code, e := req.required("oob_code")
	if e != nil {
		writeError(w, e)
		return
	}
	session, _ := req.str("mfa_token")
	if session == "" {
		session = code // refused below all the same; still counted
	}
	now := t.now()
	t.mu.Lock()
	ok, rt := t.polls.take(session, now)
	setHeaders(w, rt.headers(now, !ok))
	if !ok {
		t.mu.Unlock()
		writeError(w, tooManyRequests(rt, now, "Too many mfa-oob requests for this sign-in (mfa_token): at most "+strconv.Itoa(rt.limit)+" a minute"))
		return
	}
	g, e := t.pollLocked(req, r, code, now)
	t.concludeGrantLocked(w, r, req, g, e, now)
}

func (t *Tenant) pollLocked(req tokenRequest, r *http.Request, code string, now time.Time) (*granted, *apiError) {
	if app, e := clientAuth(req.params, r.Header.Get("Authorization"), true); e != nil {
		return nil, e
	} else if !app.allows(grantMFAOOB) {
		return nil, grantNotAllowed(grantMFAOOB)
	}
	mfaToken, e := req.required("mfa_token")
	if e != nil {
		return nil, e
	}
	sess, e := t.session(mfaToken, now)
	if e != nil {
		return nil, e
	}
	tx := t.oobs[code]
	switch {
	case tx != nil: // sealed by the tenant: only its expiry needs a check
		if !now.Before(sealedExpiry(tx.expires)) {
			return nil, errExpiredOOBCode
		}
	case t.unseal("oob_code", code, now) == sealExpired:
		return nil, errExpiredOOBCode
	}
	if tx == nil || tx.state == oobConsumed {
		return nil, errInvalidOOBCode
	}
	if tx.user != sess.user || (tx.mfaToken != "" && tx.mfaToken != mfaToken) {
		return nil, errOOBMismatch
	}
	if tx.bindingCode != "" {
		return t.bindingLocked(tx, req, sess, now)
	}
	switch tx.state {
	case oobRejected:
		errCode := "access_denied"
		if t.opts.RejectWithInvalidGrant {
			errCode = "invalid_grant"
		}
		return nil, newError(http.StatusBadRequest, errCode, "MFA Authorization rejected.")
	case oobApproved:
		tx.state = oobConsumed // tokens are given once
		return &granted{user: sess.user, session: *sess}, nil
	}
	spacing := t.opts.MinPollInterval
	tooSoon := spacing > 0 && !tx.lastPoll.IsZero() && now.Sub(tx.lastPoll) < spacing
	tx.lastPoll = now
	if tooSoon {
		return nil, newError(http.StatusBadRequest, "slow_down",
			"You are polling faster than allowed: wait at least "+spacing.String()+" between requests for the same oob_code.")
	}
	return nil, errPending
}

// attempt checks the mfa_token and the user's failure budget before an
// OTP or recovery code is tried.
func (t *Tenant) attemptLocked(req tokenRequest, field string, now time.Time) (*mfaSession, string, *apiError) {
	mfaToken, e := req.required("mfa_token")
	if e != nil {
		return nil, "", e
	}
	value, e := req.required(field)
	if e != nil {
		return nil, "", e
	}
	sess, e := t.session(mfaToken, now)
	if e != nil {
		return nil, "", e
	}
	if e := t.failureBudgetLocked(sess.user, now); e != nil {
		return nil, "", e
	}
	return sess, value, nil
}

// failureBudgetLocked refuses a code once the user's wrong codes (OTP,
// binding and recovery codes alike) have spent the budget: Auth0's 10,
// then one more every 6 minutes.
func (t *Tenant) failureBudgetLocked(u *user, now time.Time) *apiError {
	if ok, rt := t.failures.peek(u.id, now); !ok {
		e := newError(http.StatusTooManyRequests, "too_many_attempts", "Too many failed codes. Wait for some minutes before retrying.")
		e.header = rt.headers(now, true)
		return e
	}
	return nil
}

// bindingLocked checks the code sent by SMS, voice or email that came back
// with its oob_code. A wrong one counts against the user's budget and
// leaves the oob_code usable; the right one is used up, and confirms the
// enrollment it came from.
func (t *Tenant) bindingLocked(tx *oobTx, req tokenRequest, sess *mfaSession, now time.Time) (*granted, *apiError) {
	code, e := req.str("binding_code")
	switch {
	case e != nil:
		return nil, e
	case code == "":
		return nil, errBindingCodeRequired
	}
	if e := t.failureBudgetLocked(sess.user, now); e != nil {
		return nil, e
	}
	if subtle.ConstantTimeCompare([]byte(code), []byte(tx.bindingCode)) != 1 {
		return t.failLocked(sess.user, now, errInvalidBindingCode)
	}
	tx.state = oobConsumed
	if en := tx.enrollment; en != nil {
		t.activateLocked(en, now)
	}
	return &granted{user: sess.user, session: *sess}, nil
}

func (t *Tenant) failLocked(u *user, now time.Time, e *apiError) (*granted, *apiError) {
	t.failures.take(u.id, now)
	return nil, e
}

func (t *Tenant) otpLocked(req tokenRequest, now time.Time) (*granted, *apiError) {
	sess, otp, e := t.attemptLocked(req, "otp", now)
	if e != nil {
		return nil, e
	}
	u := sess.user
	for _, a := range u.auths {
		// A pending TOTP counts only when it was enrolled alone: a push's
		// twin has no secret on any device until the push is enrolled.
		if a.kind != kindTOTP || (!a.active && (a.group == nil || a.group.primary != a)) {
			continue
		}
		if step, ok := matchTOTP(a, otp, now); ok {
			a.lastStep = step
			if !a.active {
				t.activateLocked(a.group, now)
			}
			a.lastAuth = now
			return &granted{user: u, session: *sess}, nil
		}
	}
	return t.failLocked(u, now, errInvalidOTP)
}

// matchTOTP accepts the code of the current step or of the previous one,
// as Auth0 does (a 60-second window; a device clock ahead is refused), each
// step once.
func matchTOTP(a *authenticator, otp string, now time.Time) (int64, bool) {
	if len(otp) != 6 || strings.Trim(otp, "0123456789") != "" {
		return 0, false
	}
	step := now.Unix() / 30
	for _, s := range []int64{step - 1, step} {
		if s <= a.lastStep {
			continue
		}
		code, err := guardian.TOTP(a.secret, time.Unix(s*30, 0), 6, 30*time.Second, "sha1")
		if err == nil && subtle.ConstantTimeCompare([]byte(code), []byte(otp)) == 1 {
			return s, true
		}
	}
	return 0, false
}

func (t *Tenant) recoveryLocked(req tokenRequest, now time.Time) (*granted, *apiError) {
	sess, code, e := t.attemptLocked(req, "recovery_code", now)
	if e != nil {
		return nil, e
	}
	u := sess.user
	code = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(code))
	rc := activeRecovery(u)
	if rc == nil || subtle.ConstantTimeCompare([]byte(code), []byte(rc.code)) != 1 {
		return t.failLocked(u, now, errInvalidRecover)
	}
	rc.code = newRecoveryCode() // single use: the old one stops working
	rc.lastAuth = now
	return &granted{user: u, session: *sess, recoveryCode: rc.code}, nil
}

func newRecoveryCode() string { return randomString(24, upperAlnum) }

func activeRecovery(u *user) *authenticator {
	for _, a := range u.auths {
		if a.kind == kindRecovery && a.active {
			return a
		}
	}
	return nil
}
