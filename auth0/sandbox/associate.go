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
	channel string // auth0, sms, voice or email; "" for otp
	address string // the phone number, or the email ("" for the user's own)
}

const unsupportedFactor = "authenticator_types must be [\"otp\"] or [\"oob\"], and oob_channels one of [\"auth0\"], [\"sms\"], [\"voice\"] or [\"email\"]"

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
		return decodeOOBChannel(p, channels)
	}
	return associateRequest{}, invalidRequest(unsupportedFactor)
}

// decodeOOBChannel reads the channel of an oob enrollment and its phone
// number or email address.
func decodeOOBChannel(p params, channels []string) (associateRequest, *apiError) {
	if slices.Contains(channels, "auth0") {
		return associateRequest{channel: "auth0"}, nil
	}
	if len(channels) > 1 {
		return associateRequest{}, invalidRequest("Enroll one oob channel at a time")
	}
	req := associateRequest{channel: channels[0]}
	var e *apiError
	switch req.channel {
	case "sms", "voice":
		if req.address, e = p.required("phone_number"); e != nil {
			return req, e
		}
		if !e164.MatchString(req.address) {
			return req, errInvalidPhone
		}
	case "email":
		if req.address, e = p.str("email"); e != nil {
			return req, e
		}
		if req.address != "" && !validEmail(req.address) {
			return req, errInvalidEmail
		}
	default:
		return req, invalidRequest(unsupportedFactor)
	}
	return req, nil
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
	var msg *Message
	if req.channel != "" && req.channel != "auth0" {
		if req.address == "" {
			req.address = pr.user.email // Auth0 takes the user's own address
		}
		m, e := t.sendCodeLocked(pr.user, req.channel, req.address, purposeEnrollment, now)
		if e != nil {
			t.mu.Unlock()
			writeError(w, e)
			return
		}
		msg = &m
	}
	en := t.newEnrollmentLocked(pr.user, req, pr.token, now)
	if msg != nil {
		t.oobs[en.oobCode].bindingCode = msg.Code
	}
	out := enrollmentAnswer(base, en)
	phone := t.phone
	t.mu.Unlock()
	if phone != nil {
		if uri, ok := out["barcode_uri"].(string); ok {
			phone.offerBarcode(uri)
		}
		if msg != nil {
			phone.deliver(*msg)
		}
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
// push (with its TOTP twin, a ticket and an oob_code), a lone TOTP, a phone
// number (SMS and voice twins) or an email address (with an oob_code), and
// a recovery code when it is the user's first. They replace the user's
// pending enrollment, if any.
func (t *Tenant) newEnrollmentLocked(u *user, req associateRequest, mfaToken string, now time.Time) *enrollment {
	t.dropPendingLocked(u)
	en := &enrollment{user: u, channel: req.channel}
	switch req.channel {
	case "sms", "voice", "email":
		t.newCodeEnrollmentLocked(en, req, mfaToken, now)
	default:
		t.newAppEnrollmentLocked(en, req.channel == "auth0", mfaToken, now)
	}
	if !hasActive(u) {
		en.recovery = &authenticator{id: "recovery-code|" + newDevID(), kind: kindRecovery, code: newRecoveryCode(), created: now, group: en}
		u.auths = append(u.auths, en.recovery)
	}
	return en
}

// newCodeEnrollmentLocked adds a phone number, reached by SMS and voice
// as twins of one id (Auth0 lists sms|dev_X and voice|dev_X), or an email
// address, and the oob_code its code confirms.
func (t *Tenant) newCodeEnrollmentLocked(en *enrollment, req associateRequest, mfaToken string, now time.Time) {
	u, id := en.user, newDevID()
	if req.channel == "email" {
		en.primary = &authenticator{id: "email|" + id, kind: kindEmail, address: req.address, name: maskEmail(req.address), created: now, group: en}
		u.auths = append(u.auths, en.primary)
	} else {
		sms := &authenticator{id: "sms|" + id, kind: kindSMS, address: req.address, name: maskPhone(req.address), created: now, group: en}
		voice := &authenticator{id: "voice|" + id, kind: kindVoice, address: req.address, name: sms.name, created: now, group: en}
		sms.twin, voice.twin = voice, sms
		en.primary = sms
		if req.channel == "voice" {
			en.primary = voice
		}
		u.auths = append(u.auths, sms, voice)
	}
	en.expires = now.Add(t.opts.CodeLifetime)
	en.oobCode = t.seal("oob_code", en.expires)
	t.oobs[en.oobCode] = &oobTx{code: en.oobCode, user: u, mfaToken: mfaToken, expires: en.expires, enrollment: en, created: now}
}

// newAppEnrollmentLocked adds push with its TOTP twin, a ticket and an
// oob_code, or a lone TOTP.
func (t *Tenant) newAppEnrollmentLocked(en *enrollment, push bool, mfaToken string, now time.Time) {
	u := en.user
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
}

// dropPendingLocked forgets the user's unconfirmed enrollment: its
// authenticators, its ticket and its oob_code. Auth0 keeps one pending
// enrollment per user, a new ticket replacing the last, so that however
// often associate is called, a user's list holds at most one unconfirmed
// push and TOTP pair.
func (t *Tenant) dropPendingLocked(u *user) {
	for _, a := range u.auths {
		if en := a.group; !a.active && en != nil {
			if en.ticket != "" {
				delete(t.enrollments, en.ticket)
			}
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
	for _, a := range []*authenticator{en.primary, en.primary.twin, en.totp} {
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
	switch {
	case en.channel == "sms" || en.channel == "voice" || en.channel == "email":
		out = map[string]any{
			"authenticator_type": "oob",
			"binding_method":     "prompt",
			"oob_channel":        en.channel,
			"oob_code":           en.oobCode,
		}
	case en.totp != nil:
		out = map[string]any{
			"authenticator_type": "oob",
			"oob_channel":        "auth0",
			"oob_code":           en.oobCode,
			"barcode_uri":        label + "?enrollment_tx_id=" + en.ticket + "&base_url=" + uriComponent(base+"/appliance-mfa"),
		}
	default:
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
