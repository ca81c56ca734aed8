package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

// The sandbox control API, under /sandbox/: what a phone, a demo script or
// a test needs to play the user's part.

var errNoPhone = newError(http.StatusServiceUnavailable, "no_phone", "No simulated phone is connected to this tenant")

// DemoUser is a demo user as GET /sandbox shows it.
type DemoUser struct {
	Email        string `json:"email"`
	Password     string `json:"password,omitempty"` // none for a social connection's user
	UserID       string `json:"user_id"`
	Name         string `json:"name"`
	Connection   string `json:"connection"`
	Enrolled     bool   `json:"enrolled"`
	RecoveryCode string `json:"recovery_code,omitempty"`
	// Factors are the kinds of the user's confirmed authenticators
	// ("push", "otp", "sms", "voice", "email", "recovery-code"), for the
	// home screen's note; kept off the control API's JSON.
	Factors []string `json:"-"`
}

type deviceJSON struct {
	ID     string `json:"id"`
	UserID string `json:"user_id"`
	Name   string `json:"name"`
	Kind   string `json:"kind,omitempty"` // "otp" for an authenticator-app account
}

func toDeviceJSON(d Device) deviceJSON {
	return deviceJSON{ID: d.ID, UserID: d.UserID, Name: d.Name, Kind: d.Kind}
}

func devicesJSON(devices []Device) []deviceJSON {
	out := make([]deviceJSON, len(devices))
	for i, d := range devices {
		out[i] = toDeviceJSON(d)
	}
	return out
}

// Users lists the demo users one signs in as, with their passwords and
// current recovery codes (this is a demo tenant).
func (t *Tenant) Users() []DemoUser { return t.demoUsers(false) }

// Directory lists every user of the tenant, the helpdesk's demo users
// too (carol's two accounts, one in a social connection).
func (t *Tenant) Directory() []DemoUser { return t.demoUsers(true) }

func (t *Tenant) demoUsers(all bool) []DemoUser {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]DemoUser, 0, len(t.users))
	for _, u := range t.users {
		if u.helpdeskOnly && !all {
			continue
		}
		d := DemoUser{Email: u.email, Password: u.password, UserID: u.id, Name: u.name, Connection: u.connection, Enrolled: hasActiveFactor(u),
			Factors: u.activeKinds.names()}
		if rc := activeRecovery(u); rc != nil {
			d.RecoveryCode = rc.code
		}
		out = append(out, d)
	}
	return out
}

func (t *Tenant) handleSandboxInfo(w http.ResponseWriter, r *http.Request) {
	base := t.baseURL(r)
	devices := []deviceJSON{}
	if phone := t.connectedPhone(); phone != nil {
		devices = devicesJSON(phone.Devices())
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, map[string]any{
		"domain": base, "client_id": clientID, "client_secret": clientSecret, "connection": connection,
		"mfa_audience": base + "/mfa/", "management_audience": managementAudience(base),
		"applications": Applications(), "users": t.Directory(), "devices": devices,
	})
}

type scanRequest struct {
	BarcodeURI string `json:"barcode_uri"`
	// TicketURL is an enrollment ticket's link: the phone scans the QR
	// code on the page it opens.
	TicketURL string `json:"ticket_url"`
	Name      string `json:"name"`
}

func decodeScan(body []byte) (scanRequest, *apiError) {
	var s scanRequest
	if err := json.Unmarshal(body, &s); err != nil {
		return s, invalidRequest(`The body must be {"barcode_uri": "otpauth://…", "name": "Pixel 9"} or {"ticket_url": "…", "name": "Pixel 9"}`)
	}
	if s.BarcodeURI == "" && s.TicketURL == "" {
		return s, missingParam("barcode_uri")
	}
	s.Name = clean(s.Name, 100)
	return s, nil
}

func (t *Tenant) handleScan(w http.ResponseWriter, r *http.Request) {
	phone := t.connectedPhone()
	if phone == nil {
		writeError(w, errNoPhone)
		return
	}
	body, e := readControlBody(w, r)
	if e != nil {
		writeError(w, e)
		return
	}
	req, e := decodeScan(body)
	if e != nil {
		writeError(w, e)
		return
	}
	noteFields(r, fieldsOf(body))
	uri := req.BarcodeURI
	if uri == "" {
		var err error
		if uri, _, err = t.ticketBarcodeAt(t.baseURL(r), req.TicketURL); err != nil {
			writeError(w, ticketPageError(err))
			return
		}
	}
	d, err := phone.scan(r.Context(), phone.hc, uri, req.Name, phone.opts.Keys, t.baseURL(r))
	if err != nil {
		writeError(w, phoneError(err))
		return
	}
	writeJSON(w, http.StatusCreated, contentJSONCharset, toDeviceJSON(d))
}

// ticketPageError is the control API's answer for a ticket the phone
// cannot scan, as for a barcode's ticket.
func ticketPageError(err error) *apiError {
	switch {
	case errors.Is(err, ErrTicketPageExpired):
		return newError(http.StatusGone, "enrollment_transaction_expired", err.Error())
	case errors.Is(err, ErrTicketPageUsed):
		return newError(http.StatusConflict, "enrollment_transaction_used", err.Error())
	}
	return newError(http.StatusNotFound, "enrollment_transaction_not_found", err.Error())
}

// phoneError maps the phone's errors to the control API's answers.
func phoneError(err error) *apiError {
	for _, m := range []struct {
		err    error
		status int
		code   string
	}{
		{ErrUnreadableBarcode, http.StatusBadRequest, "invalid_barcode"},
		{ErrForeignBarcode, http.StatusBadRequest, "foreign_barcode"},
		{ErrTicketUnknown, http.StatusNotFound, "enrollment_transaction_not_found"},
		{ErrTicketExpired, http.StatusGone, "enrollment_transaction_expired"},
		{ErrTicketUsed, http.StatusConflict, "enrollment_transaction_used"},
		{ErrDeviceUnknown, http.StatusNotFound, "device_not_found"},
		{ErrNotificationUnknown, http.StatusNotFound, "notification_not_found"},
		{ErrAlreadyAnswered, http.StatusConflict, "already_answered"},
		{ErrNotificationExpired, http.StatusGone, "notification_expired"},
		{ErrNotificationWithdrawn, http.StatusGone, "notification_withdrawn"},
		{ErrNotificationDismissed, http.StatusGone, "notification_dismissed"},
	} {
		if errors.Is(err, m.err) {
			return newError(m.status, m.code, err.Error())
		}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return newError(http.StatusServiceUnavailable, "phone_timeout", "The phone gave up: "+err.Error())
	}
	return newError(http.StatusBadGateway, "phone_error", "The phone's request to the Guardian endpoint failed: "+err.Error())
}

func (t *Tenant) handleListDevices(w http.ResponseWriter, r *http.Request) {
	phone := t.connectedPhone()
	if phone == nil {
		writeError(w, errNoPhone)
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, devicesJSON(phone.Devices()))
}

func (t *Tenant) handleDeviceOTP(w http.ResponseWriter, r *http.Request) {
	phone := t.connectedPhone()
	if phone == nil {
		writeError(w, errNoPhone)
		return
	}
	code, validFor, err := phone.OTP(r.PathValue("id"))
	if err != nil {
		writeError(w, phoneError(err))
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, map[string]any{
		"otp": code, "expires_in": int64((validFor + time.Second - 1) / time.Second),
	})
}

// handleListNotifications lists the pushes waiting on every enrolled
// device: the phone's, then (external) those of devices other clients
// enrolled, each list oldest first.
func (t *Tenant) handleListNotifications(w http.ResponseWriter, r *http.Request) {
	list := []Notification{}
	if phone := t.connectedPhone(); phone != nil {
		list = append(list, phone.Notifications()...)
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, append(list, t.externalNotifications()...))
}

type answerRequest struct {
	Reason string `json:"reason"`
}

// decodeAnswer reads the optional body of approve and reject.
func decodeAnswer(body []byte) (answerRequest, *apiError) {
	var a answerRequest
	if len(body) == 0 {
		return a, nil
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return a, invalidRequest(`The body must be empty or {"reason": "…"}`)
	}
	a.Reason = clean(a.Reason, 100)
	return a, nil
}

// phoneForPush is the simulated phone that holds the push named in the
// path, or nil once the refusal is written: a push delivered to a device
// of another client, or no phone connected.
func (t *Tenant) phoneForPush(w http.ResponseWriter, r *http.Request) *Phone {
	if t.isExternalPush(r.PathValue("id")) {
		writeError(w, errExternalPush)
		return nil
	}
	phone := t.connectedPhone()
	if phone == nil {
		writeError(w, errNoPhone)
	}
	return phone
}

func (t *Tenant) handleAnswer(accept bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		phone := t.phoneForPush(w, r)
		if phone == nil {
			return
		}
		body, e := readControlBody(w, r)
		var req answerRequest
		if e == nil {
			req, e = decodeAnswer(body)
		}
		if e != nil {
			writeError(w, e)
			return
		}
		id := r.PathValue("id")
		var err error
		if accept {
			err = phone.Approve(r.Context(), id)
		} else {
			err = phone.Reject(r.Context(), id, req.Reason)
		}
		if err != nil {
			writeError(w, phoneError(err))
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// handleDismiss swipes a notification away on the phone, unanswered.
func (t *Tenant) handleDismiss(w http.ResponseWriter, r *http.Request) {
	phone := t.phoneForPush(w, r)
	if phone == nil {
		return
	}
	if _, e := readControlBody(w, r); e != nil {
		writeError(w, e)
		return
	}
	if err := phone.Dismiss(r.PathValue("id")); err != nil {
		writeError(w, phoneError(err))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// SeedDemoDevices enrolls bob's push device (Options.DemoDeviceName) on the
// connected phone, through the Guardian endpoint at baseURL, so that the
// phone is the only holder of its TOTP secret; its key is the fixed demo
// key (demoDeviceKey).
func (t *Tenant) SeedDemoDevices(ctx context.Context, baseURL string) error {
	return t.seedDemoDevices(ctx, baseURL, nil)
}

// seedDemoDevices is SeedDemoDevices with the Guardian request sent
// through hc (nil: the phone's own client).
func (t *Tenant) seedDemoDevices(ctx context.Context, baseURL string, hc *http.Client) error {
	t.mu.Lock()
	phone, bob := t.phone, t.usersByEmail["bob@example.com"]
	if phone == nil || hasActiveFactor(bob) {
		t.mu.Unlock()
		if phone == nil {
			return errors.New("sandbox: no phone is connected to enroll bob's device")
		}
		return nil
	}
	en := t.newEnrollmentLocked(bob, associateRequest{channel: "auth0"}, "", t.now())
	uri := enrollmentAnswer(baseURL, en)["barcode_uri"].(string)
	t.forgetOOB(t.oobs[en.oobCode]) // nobody polls for it
	t.mu.Unlock()
	if hc == nil {
		hc = phone.hc
	}
	_, err := phone.scan(ctx, hc, uri, t.opts.DemoDeviceName, demoDeviceKey, baseURL)
	return err
}
