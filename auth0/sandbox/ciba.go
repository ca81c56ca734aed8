package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0/guardian"
)

// Client-Initiated Backchannel Authentication: POST /bc-authorize sends a
// push with a binding message to the user's phone, and the CIBA grant
// polls for the user's answer. The push goes through the same Guardian
// transaction as a challenge's, so the phone answers it the same way.

// cibaRequest is what a CIBA transaction adds to a push transaction.
type cibaRequest struct {
	client   string // the application that asked
	scope    string
	audience string
	binding  string
	interval time.Duration // the spacing the client was told; slow_down adds 5 s
}

// Auth0's CIBA limits: an expiry from 1 s to 72 h, 300 s by default, and
// the push channel for 300 s or less (longer ones go by email).
const (
	cibaDefaultExpiry = 300
	cibaMaxExpiry     = 259200
	cibaMaxPushExpiry = 300
	cibaMaxBinding    = 64
	cibaSlowDownStep  = 5 * time.Second
)

var (
	errCIBAUnknownUser = newError(http.StatusBadRequest, "unknown_user_id", "User ID is malformed or unknown")
	errCIBADenied      = newError(http.StatusBadRequest, "access_denied", "The end-user denied the authorization request or it has been expired")
	errCIBAPending     = newError(http.StatusBadRequest, "authorization_pending", "The end-user authorization is pending")
	errCIBAInvalid     = newError(http.StatusBadRequest, "invalid_grant", "Invalid or expired auth_req_id")
)

// cibaInterval is the polling interval the tenant asks for: Auth0's 5 s,
// or the configured spacing when it is set shorter, rounded up to seconds.
func (t *Tenant) cibaInterval() time.Duration {
	if d := t.opts.MinPollInterval; d > 0 {
		return max((d+time.Second-1)/time.Second*time.Second, time.Second)
	}
	return 5 * time.Second
}

// checkBinding applies Auth0's rule: up to 64 characters, letters, digits
// and +-_.,:# only.
func checkBinding(m string) *apiError {
	if m == "" {
		return invalidRequest("binding_message is required")
	}
	ok := len(m) <= cibaMaxBinding
	for _, r := range m {
		ok = ok && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+-_.,:#", r))
	}
	if !ok {
		// CIBA Core's code for a message the server will not show, which
		// Auth0's other /bc-authorize refusals suggest it follows.
		return newError(http.StatusBadRequest, "invalid_binding_message", "binding_message must be at most 64 characters: letters, digits and +-_.,:# only")
	}
	return nil
}

// loginHintUser reads an iss_sub login_hint for this tenant.
func loginHintUser(hint, issuer string) (string, *apiError) {
	if hint == "" {
		return "", invalidRequest("login_hint is required")
	}
	var h struct {
		Format string `json:"format"`
		Iss    string `json:"iss"`
		Sub    string `json:"sub"`
	}
	if err := json.Unmarshal([]byte(hint), &h); err != nil {
		return "", invalidRequest("login_hint parameter validation failed: it must be a JSON object")
	}
	switch {
	case h.Format != "iss_sub":
		return "", invalidRequest(`login_hint parameter validation failed: "format" must be iss_sub`)
	case h.Iss != issuer:
		return "", invalidRequest(`login_hint parameter validation failed: "iss" must be the tenant's issuer, ` + issuer)
	case h.Sub == "":
		return "", invalidRequest(`login_hint parameter validation failed: "sub" is required`)
	}
	return h.Sub, nil
}

// requestedExpiry reads requested_expiry: whole seconds from 1 to 72 hours.
func requestedExpiry(p params) (int, *apiError) {
	v, e := p.str("requested_expiry")
	if e != nil || v == "" {
		return cibaDefaultExpiry, e
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > cibaMaxExpiry {
		return 0, invalidRequest("requested_expiry must be a whole number of seconds from 1 to " + strconv.Itoa(cibaMaxExpiry))
	}
	if n > cibaMaxPushExpiry {
		return 0, invalidRequest("requested_expiry over 300 seconds sends the request by email, which the sandbox does not: ask for 300 or less")
	}
	return n, nil
}

func (t *Tenant) handleBackchannelAuthorize(w http.ResponseWriter, r *http.Request) {
	p, e := readParams(w, r, true)
	if e != nil {
		writeErrorAs(w, e, contentJSONCharset)
		return
	}
	app, e := clientAuth(p, r.Header.Get("Authorization"), true)
	if e == nil && !app.allows(grantCIBA) {
		e = grantNotAllowed(grantCIBA)
	}
	var req cibaRequest
	var hint string
	var expiry int
	if e == nil {
		req.client = app.ClientID
		req.scope, e = p.str("scope")
	}
	if e == nil && !hasScope(req.scope, "openid") {
		e = invalidRequest("openid scope must be requested")
	}
	if e == nil {
		req.audience, e = p.str("audience")
	}
	if e == nil {
		req.binding, e = p.str("binding_message")
	}
	if e == nil {
		e = checkBinding(req.binding)
	}
	if e == nil {
		hint, e = p.str("login_hint")
	}
	if e == nil {
		expiry, e = requestedExpiry(p)
	}
	base := t.baseURL(r)
	var userID string
	if e == nil {
		userID, e = loginHintUser(hint, base+"/")
	}
	if e != nil {
		writeErrorAs(w, e, contentJSONCharset)
		return
	}
	now := t.now()
	req.interval = t.cibaInterval()
	t.mu.Lock()
	tx, msg, e := t.startCIBALocked(userID, req, base, r.UserAgent(), now, time.Duration(expiry)*time.Second)
	phone := t.phone
	t.mu.Unlock()
	if e != nil {
		writeErrorAs(w, e, contentJSONCharset)
		return
	}
	if phone != nil {
		phone.receive(*msg)
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, map[string]any{
		"auth_req_id": tx.code, "expires_in": expiry, "interval": int64(req.interval / time.Second),
	})
}

// startCIBALocked sends the push to the user's latest push device. The
// caller holds t.mu.
func (t *Tenant) startCIBALocked(userID string, req cibaRequest, base, userAgent string, now time.Time, expiry time.Duration) (*oobTx, *pushMessage, *apiError) {
	u := t.usersByID[userID]
	if u == nil {
		return nil, nil, errCIBAUnknownUser
	}
	var device *deviceAccount
	for _, a := range u.auths {
		if a.kind == kindPush && a.active && a.device != nil {
			device = a.device // the last enrolled wins
		}
	}
	if device == nil {
		return nil, nil, invalidRequest("The user has no Guardian push enrollment to send the request to")
	}
	// Auth0 sends a user at most 5 CIBA requests a minute: the same
	// budget as push challenges, both being pushes to the user's phone.
	if ok, rt := t.pushes.take(u.id, now); !ok {
		return nil, nil, tooManyRequests(rt, now, "Too many requests for this user: at most "+strconv.Itoa(rt.limit)+" a minute")
	}
	tx := &oobTx{
		code: randomB64(48), user: u, expires: now.Add(expiry), txToken: randomB64(32), challenge: randomB64(16),
		device: device, created: now, ciba: &req,
	}
	t.cibas[tx.code] = tx
	t.txs[tx.txToken] = tx
	msg := &pushMessage{userID: u.id, pushToken: device.pushToken, created: now, expires: tx.expires, bindingMessage: req.binding,
		payload: guardian.Payload{
			DeviceAccountID:      device.id,
			TransactionToken:     tx.txToken,
			TransactionLinkingID: "cns_" + randomString(16, alnum),
			Challenge:            tx.challenge,
			Date:                 guardian.PayloadDate(now),
			Host:                 base + "/appliance-mfa",
			Source:               parseUserAgent(userAgent),
			Location:             &guardian.Location{Name: "sandbox"},
		}}
	return tx, msg, nil
}

// cibaGrant answers a poll of the CIBA grant; the application has passed
// client authentication and may use the grant.
func (t *Tenant) cibaGrant(w http.ResponseWriter, r *http.Request, req tokenRequest, app *Application) {
	id, e := req.required("auth_req_id")
	if e != nil {
		writeError(w, e)
		return
	}
	now := t.now()
	t.mu.Lock()
	tx, e := t.pollCIBALocked(id, app, now)
	var sess mfaSession
	if e == nil {
		sess = mfaSession{user: tx.user, audience: tx.ciba.audience, scope: tx.ciba.scope, client: app.ClientID}
		noteLoginLocked(tx.user, r, now)
	}
	t.mu.Unlock()
	if e != nil {
		writeError(w, e)
		return
	}
	t.finishGrant(w, r, &granted{user: sess.user, session: sess}, nil)
}

func (t *Tenant) pollCIBALocked(id string, app *Application, now time.Time) (*oobTx, *apiError) {
	tx := t.cibas[id]
	switch {
	case tx == nil || tx.state == oobConsumed || tx.ciba.client != app.ClientID:
		return nil, errCIBAInvalid
	case !now.Before(tx.expires), tx.state == oobRejected:
		return nil, errCIBADenied
	case tx.state == oobApproved:
		tx.state = oobConsumed // tokens are given once
		return tx, nil
	}
	tooSoon := t.opts.MinPollInterval > 0 && !tx.lastPoll.IsZero() && now.Sub(tx.lastPoll) < tx.ciba.interval
	tx.lastPoll = now
	if !tooSoon {
		return nil, errCIBAPending
	}
	tx.ciba.interval += cibaSlowDownStep
	secs := int64(tx.ciba.interval / time.Second)
	e := newError(http.StatusBadRequest, "slow_down", "You are polling faster than allowed. Try again in "+strconv.FormatInt(secs, 10)+" seconds.")
	e.body = func() []byte {
		b, _ := json.Marshal(map[string]any{"error": e.code, "error_description": e.desc, "interval": secs})
		return b
	}
	// Auth0's reference for the grant: Retry-After gives the same wait.
	e.header = http.Header{"Retry-After": {strconv.FormatInt(secs, 10)}}
	return nil, e
}
