package sandbox

import (
	"crypto/rand"
	"encoding/base32"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// associateRequest is a decoded POST /mfa/associate body.
type associateRequest struct {
	push bool // else otp
}

const unsupportedFactor = "The sandbox supports push (authenticator_types [\"oob\"] with oob_channels [\"auth0\"]) and otp; sms, voice and email are not available"

func decodeAssociate(p params) (associateRequest, *apiError) {
	if e := optionalClientAuth(p); e != nil {
		return associateRequest{}, e
	}
	types, e := p.list("authenticator_types")
	if e != nil {
		return associateRequest{}, e
	}
	if len(types) == 0 {
		return associateRequest{}, missingParam("authenticator_types")
	}
	if len(types) > 1 {
		return associateRequest{}, invalidRequest("Enroll one authenticator type at a time")
	}
	switch types[0] {
	case "otp":
		return associateRequest{}, nil
	case "oob":
		channels, e := p.list("oob_channels")
		if e != nil {
			return associateRequest{}, e
		}
		if len(channels) == 0 {
			return associateRequest{}, missingParam("oob_channels")
		}
		if !slices.Contains(channels, "auth0") {
			return associateRequest{}, invalidRequest(unsupportedFactor)
		}
		return associateRequest{push: true}, nil
	}
	return associateRequest{}, invalidRequest(unsupportedFactor)
}

// optionalClientAuth checks client credentials only when the body has
// them: Auth0's docs list client_id, but its JS SDK does not send it.
func optionalClientAuth(p params) *apiError {
	if _, ok := p["client_id"]; !ok {
		if _, ok := p["client_secret"]; !ok {
			return nil
		}
	}
	_, e := clientAuth(p, "", false)
	return e
}

func (t *Tenant) handleAssociate(w http.ResponseWriter, r *http.Request) {
	base, now := t.baseURL(r), t.now()
	t.mu.Lock()
	pr, e := t.authenticate(r, base, now)
	t.mu.Unlock()
	if e != nil {
		writeError(w, e)
		return
	}
	p, e := readParams(w, r, false)
	if e != nil {
		writeError(w, e)
		return
	}
	req, e := decodeAssociate(p)
	if e == nil && !pr.mfaOnly {
		e = pr.requireScope("enroll")
	}
	if e != nil {
		writeError(w, e)
		return
	}
	t.mu.Lock()
	if pr.mfaOnly && hasActiveFactor(pr.user) {
		t.mu.Unlock()
		writeError(w, newError(http.StatusForbidden, "access_denied", "User is already enrolled."))
		return
	}
	if ok, rt := t.associations.take(pr.user.id, now); !ok {
		t.mu.Unlock()
		writeError(w, tooManyRequests(rt, now, "Too many enrollment requests for this user: at most "+strconv.Itoa(rt.limit)+" a minute"))
		return
	}
	en := t.newEnrollmentLocked(pr.user, req.push, pr.token, now)
	out := enrollmentAnswer(base, en)
	phone := t.phone
	t.mu.Unlock()
	if phone != nil && req.push {
		phone.offerBarcode(out["barcode_uri"].(string))
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, out)
}

func hasActiveFactor(u *user) bool { return u.activeFactors > 0 }

func hasActive(u *user) bool { return u.activeAll > 0 }

func newTOTPSecret() string {
	b := make([]byte, 20)
	rand.Read(b)
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
}

// newEnrollmentLocked creates the pending authenticators of one associate:
// push (with its TOTP twin, a ticket and an oob_code) or a lone TOTP, and a
// recovery code when it is the user's first. They replace the user's
// pending enrollment, if any.
func (t *Tenant) newEnrollmentLocked(u *user, push bool, mfaToken string, now time.Time) *enrollment {
	t.dropPendingLocked(u)
	en := &enrollment{user: u}
	totp := &authenticator{id: "totp|" + newDevID(), kind: kindTOTP, secret: newTOTPSecret(), created: now, lastStep: -1, group: en}
	if push {
		p := &authenticator{id: "push|" + newDevID(), kind: kindPush, created: now, group: en}
		p.twin, totp.twin = totp, p
		en.primary, en.totp = p, totp
		en.ticket = randomString(32, alnum)
		en.expires = now.Add(t.opts.EnrollmentTicketLifetime)
		en.oobCode = t.seal("oob_code", en.expires)
		t.enrollments[en.ticket] = en
		t.oobs[en.oobCode] = &oobTx{code: en.oobCode, user: u, mfaToken: mfaToken, expires: en.expires, enrollment: en, created: now}
		u.auths = append(u.auths, p, totp)
	} else {
		en.primary = totp
		u.auths = append(u.auths, totp)
	}
	if !hasActive(u) {
		en.recovery = &authenticator{id: "recovery-code|" + newDevID(), kind: kindRecovery, code: newRecoveryCode(), created: now, group: en}
		u.auths = append(u.auths, en.recovery)
	}
	return en
}

// dropPendingLocked forgets the user's unconfirmed enrollment: its
// authenticators, its ticket and its oob_code. Auth0 keeps one pending
// enrollment per user, a new ticket replacing the last, so that however
// often associate is called, a user's list holds at most one unconfirmed
// push and TOTP pair.
func (t *Tenant) dropPendingLocked(u *user) {
	for _, a := range u.auths {
		if en := a.group; !a.active && en != nil && en.ticket != "" {
			delete(t.enrollments, en.ticket)
			if tx := t.oobs[en.oobCode]; tx != nil {
				t.forgetOOB(tx)
			}
		}
	}
	u.auths = slices.DeleteFunc(u.auths, func(a *authenticator) bool { return !a.active })
}

// activateLocked confirms an enrollment: its factors become active, and
// its recovery code too unless the user has one already.
func (t *Tenant) activateLocked(en *enrollment, now time.Time) {
	en.used = true
	for _, a := range []*authenticator{en.primary, en.totp} {
		if a != nil {
			a.active, a.group, a.enrolled = true, nil, now
		}
	}
	u := en.user
	if rc := en.recovery; rc != nil && activeRecovery(u) == nil && slices.Contains(u.auths, rc) {
		rc.active, rc.enrolled = true, now
	}
	// The user is enrolled now: recovery codes of other pending
	// enrollments can never become active.
	u.auths = slices.DeleteFunc(u.auths, func(a *authenticator) bool { return a.kind == kindRecovery && !a.active })
	u.recount()
}

// uriComponent escapes like JavaScript's encodeURIComponent (%20, not +).
func uriComponent(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

func enrollmentAnswer(base string, en *enrollment) map[string]any {
	label := "otpauth://totp/" + uriComponent(friendlyName) + ":" + uriComponent(en.user.email)
	var out map[string]any
	if en.totp != nil {
		out = map[string]any{
			"authenticator_type": "oob",
			"oob_channel":        "auth0",
			"oob_code":           en.oobCode,
			"barcode_uri":        label + "?enrollment_tx_id=" + en.ticket + "&base_url=" + uriComponent(base+"/appliance-mfa"),
		}
	} else {
		secret := en.primary.secret
		out = map[string]any{
			"authenticator_type": "otp",
			"secret":             secret,
			"barcode_uri":        label + "?secret=" + secret + "&issuer=" + uriComponent(friendlyName) + "&algorithm=SHA1&digits=6&period=30",
		}
	}
	if en.recovery != nil {
		out["recovery_codes"] = []string{en.recovery.code}
	}
	return out
}
