package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0/guardian"
)

// challengeRequest is a decoded POST /mfa/challenge body.
type challengeRequest struct {
	mfaToken        string
	types           []string // nil: any
	authenticatorID string
	oobChannel      string // auth0-auth-js sends it; it narrows the choice when no id is given
}

func decodeChallenge(p params) (challengeRequest, *apiError) {
	var req challengeRequest
	if _, e := clientAuth(p, "", false); e != nil {
		return req, e
	}
	var e *apiError
	if req.mfaToken, e = p.required("mfa_token"); e != nil {
		return req, e
	}
	types, e := p.str("challenge_type")
	if e != nil {
		return req, e
	}
	req.types = strings.Fields(types)
	for _, ct := range req.types {
		if ct != "oob" && ct != "otp" {
			return req, newError(http.StatusBadRequest, "unsupported_challenge_type", "The sandbox supports challenge_type oob (push, SMS, voice, email) and otp")
		}
	}
	if req.oobChannel, e = p.str("oob_channel"); e != nil {
		return req, e
	}
	req.authenticatorID, e = p.str("authenticator_id")
	return req, e
}

func (req challengeRequest) allows(a *authenticator) bool {
	return len(req.types) == 0 || slices.Contains(req.types, a.typeName())
}

// pushMessage is what the tenant hands the phone for a push challenge: the
// Guardian payload plus what the sandbox knows about it.
type pushMessage struct {
	payload   guardian.Payload
	pushToken string // the device's push_credentials token: which phone gets it
	userID    string
	created   time.Time
	expires   time.Time
	// bindingMessage is a CIBA request's, shown on the phone: real phones
	// fetch it from Auth0's consent API by the payload's txlnkid.
	bindingMessage string
}

func (t *Tenant) handleChallenge(w http.ResponseWriter, r *http.Request) {
	p, e := readParams(w, r, true)
	if e != nil {
		writeError(w, e)
		return
	}
	req, e := decodeChallenge(p)
	if e != nil {
		writeError(w, e)
		return
	}
	base, now := t.baseURL(r), t.now()
	t.mu.Lock()
	c, e := t.challengeLocked(req, base, r.UserAgent(), now)
	if c.push != nil {
		t.postLocked(*c.push, now) // a push to a device the phone does not hold
	}
	phone := t.phone
	t.mu.Unlock()
	switch {
	case e != nil:
		writeError(w, e)
	case c.oobCode == "":
		writeJSON(w, http.StatusOK, contentJSONCharset, map[string]string{"challenge_type": "otp"})
	case c.sent != nil:
		if phone != nil {
			phone.deliver(*c.sent)
		}
		writeJSON(w, http.StatusOK, contentJSONCharset, map[string]string{"challenge_type": "oob", "oob_code": c.oobCode, "binding_method": "prompt"})
	default:
		// The phone has the push before the client has the answer, so a
		// client that lists notifications next always finds it.
		if phone != nil {
			phone.receive(*c.push)
		}
		writeJSON(w, http.StatusOK, contentJSONCharset, map[string]string{"challenge_type": "oob", "oob_code": c.oobCode})
	}
}

// challenged is a started challenge: an OTP one (no oob_code), a push
// for the phone, or a code sent by SMS, voice or email.
type challenged struct {
	oobCode string
	push    *pushMessage
	sent    *Message
}

// challengeLocked picks the authenticator and starts the challenge.
func (t *Tenant) challengeLocked(req challengeRequest, base, userAgent string, now time.Time) (challenged, *apiError) {
	sess, e := t.session(req.mfaToken, now)
	if e != nil {
		return challenged{}, e
	}
	a, e := pickAuthenticator(sess.user, req)
	switch {
	case e != nil:
		return challenged{}, e
	case a.kind == kindTOTP:
		return challenged{}, nil
	case a.kind.sendsCode():
		return t.sendChallengeLocked(sess, req.mfaToken, a, now)
	}
	u := sess.user
	if ok, rt := t.pushes.take(u.id, now); !ok {
		return challenged{}, tooManyRequests(rt, now, "Too many push notifications for this user: at most "+strconv.Itoa(rt.limit)+" a minute")
	}
	tx := &oobTx{
		code: t.seal("oob_code", sess.expires), user: u, mfaToken: req.mfaToken, expires: sess.expires,
		txToken: randomB64(32), challenge: randomB64(16), device: a.device, created: now,
	}
	t.oobs[tx.code] = tx
	t.txs[tx.txToken] = tx
	msg := &pushMessage{userID: u.id, pushToken: a.device.pushToken, created: now, expires: tx.expires, payload: guardian.Payload{
		DeviceAccountID:  a.device.id,
		TransactionToken: tx.txToken,
		Challenge:        tx.challenge,
		Date:             guardian.PayloadDate(now),
		Host:             base + "/appliance-mfa",
		Source:           parseUserAgent(userAgent),
		Location:         &guardian.Location{Name: "sandbox"},
	}}
	return challenged{oobCode: tx.code, push: msg}, nil
}

// sendChallengeLocked sends a code to the authenticator's number or
// address; its oob_code goes back with the code as binding_code. Each
// challenge sends a new code, which is how a client resends one.
func (t *Tenant) sendChallengeLocked(sess *mfaSession, mfaToken string, a *authenticator, now time.Time) (challenged, *apiError) {
	msg, e := t.sendCodeLocked(sess.user, channelOf[a.kind], a.address, purposeVerification, now)
	if e != nil {
		return challenged{}, e
	}
	tx := &oobTx{user: sess.user, mfaToken: mfaToken, expires: t.codeExpiry(now, sess.expires), bindingCode: msg.Code, created: now}
	tx.code = t.seal("oob_code", tx.expires)
	msg.ExpiresAt = tx.expires
	t.oobs[tx.code] = tx
	return challenged{oobCode: tx.code, sent: &msg}, nil
}

func pickAuthenticator(u *user, req challengeRequest) (*authenticator, *apiError) {
	if req.authenticatorID != "" {
		i := slices.IndexFunc(u.auths, func(a *authenticator) bool { return a.id == req.authenticatorID })
		switch {
		case i < 0:
			return nil, invalidRequest("authenticator_id does not name an authenticator of this user")
		case u.auths[i].kind == kindRecovery:
			return nil, newError(http.StatusBadRequest, "unsupported_challenge_type", "A recovery code is not challenged: use the mfa-recovery-code grant")
		case !u.auths[i].active:
			return nil, invalidRequest("The authenticator is not active: confirm its enrollment first")
		case !req.allows(u.auths[i]):
			return nil, newError(http.StatusBadRequest, "unsupported_challenge_type", "The authenticator does not support the requested challenge_type")
		}
		return u.auths[i], nil
	}
	if !hasActiveFactor(u) {
		return nil, newError(http.StatusBadRequest, "association_required", "The user has no active authenticator: enroll one with /mfa/associate first")
	}
	// Push first, as Auth0 prefers it; the rest in an order of the
	// sandbox's own.
	for _, kind := range []authKind{kindPush, kindTOTP, kindSMS, kindVoice, kindEmail} {
		for _, a := range u.auths {
			if a.kind == kind && a.active && req.allows(a) && (req.oobChannel == "" || channelOf[kind] == req.oobChannel) {
				return a, nil
			}
		}
	}
	return nil, newError(http.StatusBadRequest, "unsupported_challenge_type", "The user has no active authenticator for the requested challenge_type")
}
