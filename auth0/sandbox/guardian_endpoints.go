package sandbox

import (
	"crypto"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mfapush/mfapush/auth0/guardian"
)

// The Guardian device endpoints, under /appliance-mfa/api/.

func guardianErr(status int, code, message string) *guardianError {
	return &guardianError{status: status, code: code, message: message}
}

var (
	errTicketUnknown = guardianErr(http.StatusNotFound, "enrollment_transaction_not_found", "Enrollment transaction not found")
	errTicketUsed    = guardianErr(http.StatusConflict, "enrollment_conflict", "The enrollment transaction was already used")
	// Auth0's code for an expired ticket or transaction is the one for an
	// inactive one: enrollment_transaction_not_found ("not active or has
	// expired") and login_transaction_not_found ("not active or has
	// already expired"). Only the message tells them apart.
	errTicketExpired = guardianErr(http.StatusNotFound, "enrollment_transaction_not_found", "The enrollment transaction has expired")
	errTxUnknown     = guardianErr(http.StatusNotFound, "invalid_token", "Invalid transaction token")
	errTxExpired     = guardianErr(http.StatusNotFound, "login_transaction_not_found", "The login transaction has expired")
	errTxAnswered    = guardianErr(http.StatusNotFound, "login_transaction_not_found", "The login transaction was already answered")
	errBadResponse   = guardianErr(http.StatusUnauthorized, "invalid_token", "Invalid challenge_response")
	errDeviceUnknown = guardianErr(http.StatusNotFound, "device_account_not_found", "Device account not found")
)

// guardianEnrollRequest is a decoded POST /api/enroll body.
type guardianEnrollRequest struct {
	identifier  string
	name        string
	pushService string
	pushToken   string
	key         crypto.PublicKey
}

func invalidBody(message string) *guardianError {
	return guardianErr(http.StatusBadRequest, "invalid_body", message)
}

// objectFieldNames are the top-level field names of a body that must be a
// JSON object, sorted, for the request log.
func objectFieldNames(body []byte) ([]string, *guardianError) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil || raw == nil {
		return nil, invalidBody("The body must be a JSON object")
	}
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	return names, nil
}

// readGuardianRequest reads and decodes a Guardian request body, notes its
// field names in the request log, and answers a bad one itself (ok false).
func readGuardianRequest[T any](w http.ResponseWriter, r *http.Request, decode func([]byte) (T, []string, *guardianError)) (req T, ok bool) {
	body, e := readBody(w, r)
	if e != nil {
		writeGuardianError(w, invalidBody(e.desc))
		return req, false
	}
	req, names, ge := decode(body)
	noteFields(r, names)
	if ge != nil {
		writeGuardianError(w, ge)
		return req, false
	}
	return req, true
}

// decodeGuardianEnroll reads the enroll body; it returns the top-level
// field names for the request log.
func decodeGuardianEnroll(body []byte) (guardianEnrollRequest, []string, *guardianError) {
	names, ge := objectFieldNames(body)
	if ge != nil {
		return guardianEnrollRequest{}, nil, ge
	}
	var b struct {
		Identifier      string           `json:"identifier"`
		Name            string           `json:"name"`
		PushCredentials *pushCredentials `json:"push_credentials"`
		PublicKey       *guardian.JWK    `json:"public_key"`
	}
	if err := json.Unmarshal(body, &b); err != nil {
		return guardianEnrollRequest{}, names, invalidBody("A field has the wrong type: identifier and name are strings, push_credentials and public_key objects")
	}
	req := guardianEnrollRequest{identifier: clean(b.Identifier, 256), name: clean(b.Name, 100)}
	if req.identifier == "" {
		return req, names, invalidBody("identifier is required")
	}
	if req.name == "" {
		req.name = "Guardian device"
	}
	if b.PublicKey == nil {
		return req, names, invalidBody("public_key is required")
	}
	key, err := b.PublicKey.PublicKey() // RSA as Auth0's SDKs send, or EC P-256
	if err != nil {
		return req, names, invalidBody("public_key: " + err.Error())
	}
	req.key = key
	if pc := b.PushCredentials; pc != nil {
		req.pushService, req.pushToken = pc.Service, pc.Token
	}
	return req, names, nil
}

// ticketFromHeader reads Authorization: Ticket id="…".
func ticketFromHeader(h string) (string, bool) {
	scheme, rest, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Ticket") {
		return "", false
	}
	id, ok := strings.CutPrefix(strings.TrimSpace(rest), "id=")
	if unquoted, quoted := strings.CutPrefix(id, `"`); quoted {
		id, quoted = strings.CutSuffix(unquoted, `"`)
		ok = ok && quoted
	}
	return id, ok && id != "" && strings.Trim(id, alnum+"-_.") == ""
}

func (t *Tenant) handleGuardianEnroll(w http.ResponseWriter, r *http.Request) {
	ticket, ok := ticketFromHeader(r.Header.Get("Authorization"))
	if !ok {
		writeGuardianError(w, guardianErr(http.StatusUnauthorized, "invalid_token", `Missing or malformed Authorization: Ticket id="<enrollment_tx_id>"`))
		return
	}
	req, ok := readGuardianRequest(w, r, decodeGuardianEnroll)
	if !ok {
		return
	}
	base := t.baseURL(r)
	t.mu.Lock()
	out, ge := t.enrollLocked(ticket, req, base, t.now())
	t.mu.Unlock()
	if ge != nil {
		writeGuardianError(w, ge)
		return
	}
	writeJSON(w, http.StatusCreated, contentJSONCharset, out)
}

func (t *Tenant) enrollLocked(ticket string, req guardianEnrollRequest, base string, now time.Time) (map[string]any, *guardianError) {
	en := t.enrollments[ticket]
	switch {
	case en == nil || !slices.Contains(en.user.auths, en.primary):
		return nil, errTicketUnknown
	case en.used:
		return nil, errTicketUsed
	case !now.Before(en.expires):
		return nil, errTicketExpired
	}
	u := en.user
	dev := &deviceAccount{
		id: strings.TrimPrefix(en.primary.id, "push|"), user: u, push: en.primary,
		identifier: req.identifier, name: req.name, key: req.key, token: randomB64(32),
		pushService: req.pushService, pushToken: req.pushToken,
	}
	en.primary.device, en.primary.name = dev, req.name
	t.devices[dev.id] = dev
	t.activateLocked(en, now)
	if tx := t.oobs[en.oobCode]; tx != nil {
		tx.state = oobApproved
	}
	return map[string]any{
		"id": dev.id, "url": base + "/appliance-mfa", "issuer": friendlyName, "user_id": u.id, "token": dev.token,
		"totp": guardian.TOTPParams{Secret: en.totp.secret, Algorithm: "sha1", Digits: 6, Period: 30},
	}, nil
}

// decodeResolve reads the resolve-transaction body.
func decodeResolve(body []byte) (string, *guardianError) {
	var b struct {
		ChallengeResponse string `json:"challenge_response"`
	}
	if err := json.Unmarshal(body, &b); err != nil {
		return "", invalidBody("The body must be {\"challenge_response\": \"<JWT>\"}")
	}
	if b.ChallengeResponse == "" {
		return "", invalidBody("challenge_response is required")
	}
	return b.ChallengeResponse, nil
}

func (t *Tenant) handleGuardianResolve(w http.ResponseWriter, r *http.Request) {
	txToken, ok := bearer(r)
	if !ok {
		writeGuardianError(w, guardianErr(http.StatusUnauthorized, "invalid_token", "Missing Authorization: Bearer <txtkn>"))
		return
	}
	body, e := readBody(w, r)
	if e != nil {
		writeGuardianError(w, invalidBody(e.desc))
		return
	}
	noteFields(r, []string{"challenge_response"})
	raw, ge := decodeResolve(body)
	if ge != nil {
		writeGuardianError(w, ge)
		return
	}
	audience := t.baseURL(r) + "/appliance-mfa/api/resolve-transaction"
	t.mu.Lock()
	ge = t.resolveLocked(txToken, raw, audience, t.now())
	t.mu.Unlock()
	if ge != nil {
		writeGuardianError(w, ge)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// resolveLocked checks the transaction and the device's answer, then
// approves or rejects the challenge.
func (t *Tenant) resolveLocked(txToken, raw, audience string, now time.Time) *guardianError {
	tx := t.txs[txToken]
	switch {
	case tx == nil:
		return errTxUnknown
	case !now.Before(tx.expires):
		return errTxExpired
	case tx.state != oobPending:
		return errTxAnswered
	case t.devices[tx.device.id] != tx.device:
		return errDeviceUnknown
	}
	accepted, err := verifyChallengeResponse(raw, tx, audience, now)
	if err != nil {
		return errBadResponse
	}
	tx.state = oobRejected
	if accepted {
		tx.state = oobApproved
		if tx.device.push != nil {
			tx.device.push.lastAuth = now
		}
	}
	return nil
}

// verifyChallengeResponse checks the device's JWT: its signature with the
// enrolled key (RS256, or ES256 for an EC key), sub = the challenge, aud = the resolve URL, iss = the
// enrolled identifier, and that it has not expired.
func verifyChallengeResponse(raw string, tx *oobTx, audience string, now time.Time) (bool, error) {
	var claims guardian.ChallengeClaims
	_, err := jwt.ParseWithClaims(raw, &claims, func(*jwt.Token) (any, error) { return tx.device.key, nil },
		jwt.WithValidMethods([]string{guardian.SigningMethod(tx.device.key)}), jwt.WithTimeFunc(func() time.Time { return now }),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithAudience(audience),
		jwt.WithIssuer(tx.device.identifier), jwt.WithSubject(tx.challenge))
	if err != nil {
		return false, err
	}
	if claims.Method != "push" {
		return false, jwt.ErrTokenInvalidClaims
	}
	return claims.Accepted, nil
}

func (t *Tenant) handleGuardianDeleteDevice(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	access, ge := deviceAccess(r, t.baseURL(r))
	if ge != nil {
		writeGuardianError(w, ge)
		return
	}
	t.mu.Lock()
	dev, ge := t.deviceLocked(id, access, t.now())
	if ge == nil {
		t.deleteAuthenticatorLocked(dev.user, dev.push.id)
	}
	phone := t.phone
	t.mu.Unlock()
	if ge != nil {
		writeGuardianError(w, ge)
		return
	}
	if phone != nil {
		phone.forgetDevice(id)
	}
	w.WriteHeader(http.StatusNoContent)
}

// deviceAccessRequest is the bearer of a device-account request and the
// audience its JWT must name.
type deviceAccessRequest struct{ token, audience string }

func deviceAccess(r *http.Request, base string) (deviceAccessRequest, *guardianError) {
	token, ok := bearer(r)
	if !ok {
		return deviceAccessRequest{}, guardianErr(http.StatusUnauthorized, "invalid_token", "Missing Authorization: Bearer <device token or JWT>")
	}
	return deviceAccessRequest{token: token, audience: base + "/appliance-mfa/api/device-accounts"}, nil
}

// deviceLocked is the device account id names, if the request's bearer
// authorizes it. The caller holds t.mu.
func (t *Tenant) deviceLocked(id string, access deviceAccessRequest, now time.Time) (*deviceAccount, *guardianError) {
	dev := t.devices[id]
	switch {
	case dev == nil:
		return nil, errDeviceUnknown
	case !deviceAuthorized(dev, access.token, access.audience, now):
		return nil, guardianErr(http.StatusUnauthorized, "invalid_token", "The token does not authorize this device account")
	}
	return dev, nil
}

// deviceAuthorized accepts the enroll answer's token, or a JWT signed by
// the device key with iss = device account id and sub = user id.
func deviceAuthorized(dev *deviceAccount, token, audience string, now time.Time) bool {
	if subtle.ConstantTimeCompare([]byte(token), []byte(dev.token)) == 1 {
		return true
	}
	_, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return dev.key, nil },
		jwt.WithValidMethods([]string{guardian.SigningMethod(dev.key)}), jwt.WithTimeFunc(func() time.Time { return now }),
		jwt.WithExpirationRequired(), jwt.WithAudience(audience), jwt.WithIssuer(dev.id), jwt.WithSubject(dev.user.id))
	return err == nil
}
