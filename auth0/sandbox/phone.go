package sandbox

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mfapush/mfapush/auth0/guardian"
	"github.com/mfapush/mfapush/internal/clock"
)

// The phone's errors. The control API maps them to 400, 404, 410 and 409.
var (
	ErrUnreadableBarcode     = errors.New("the QR code is neither a Guardian enrollment nor an authenticator-app account")
	ErrTicketUnknown         = errors.New("the enrollment ticket is unknown to the tenant")
	ErrTicketExpired         = errors.New("the enrollment ticket has expired: start the enrollment again")
	ErrTicketUsed            = errors.New("the enrollment ticket was already used")
	ErrDeviceUnknown         = errors.New("the phone has no such device")
	ErrNotificationUnknown   = errors.New("the phone has no such notification")
	ErrAlreadyAnswered       = errors.New("the notification was already answered")
	ErrNotificationExpired   = errors.New("the notification has expired")
	ErrForeignBarcode        = errors.New("the QR code is for another tenant")
	ErrNotificationWithdrawn = errors.New("the sign-in request was withdrawn: that sign-in has ended")
	ErrNotificationDismissed = errors.New("the notification was dismissed")
)

// PhoneOptions configure a Phone.
type PhoneOptions struct {
	Clock       clock.Clock                     // default clock.Real
	Keys        func() (*rsa.PrivateKey, error) // default: a new RSA-2048 key per enrollment
	AutoApprove time.Duration                   // approve every push after this delay; 0 = off
	AutoScan    time.Duration                   // scan every offered QR after this delay; 0 = off
	ScanName    string                          // the device name for auto scans; default "Sandbox phone"
	OnError     func(action string, err error)  // what failed out of sight (an auto action, deleting a replaced account); default: ignored

	// TenantURL is the sandbox the phone belongs to: it enrolls only with
	// that tenant's Guardian endpoints. A barcode is text anyone can
	// write, and one whose base_url pointed elsewhere would make the phone
	// post to any host. Start sets it; "" lets the phone enroll anywhere.
	TenantURL string
}

// Device is an account the phone holds: a Guardian device account (push
// and its one-time codes), or an authenticator-app account (codes only).
type Device struct {
	ID         string    `json:"id"` // dev_…: the push authenticator is push|<ID>; otp_… for an app account
	UserID     string    `json:"user_id"`
	Name       string    `json:"name"`
	Issuer     string    `json:"issuer"`
	EnrolledAt time.Time `json:"enrolled_at"`
	// Kind is "" for a Guardian account and DeviceAuthenticatorApp for an
	// account scanned from an OTP enrollment's QR code.
	Kind    string `json:"kind,omitempty"`
	Account string `json:"account,omitempty"` // an app account's label: the user's email
}

// DeviceAuthenticatorApp is the Kind of an authenticator-app account: the
// phone computes its codes from the secret of the QR code, and the tenant
// never hears from it.
const DeviceAuthenticatorApp = "otp"

// Notification is a push waiting for an answer.
type Notification struct {
	ID         string    `json:"id"`
	DeviceID   string    `json:"device_id"`
	UserID     string    `json:"user_id"`
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	App        string    `json:"app"`         // browser or app that asked for the login
	AppVersion string    `json:"app_version"` // its version, if known
	OS         string    `json:"os"`
	Location   string    `json:"location"`
	// BindingMessage is a CIBA request's message, the one the helpdesk
	// reads aloud; empty for a sign-in's push.
	BindingMessage string           `json:"binding_message,omitempty"`
	Payload        guardian.Payload `json:"mfa"`
	// External marks a push to a device another client enrolled, not the
	// phone: that client answers it with resolve-transaction.
	External bool `json:"external,omitempty"`
}

// Phone is the simulated Guardian phone: a real client of the Guardian
// device endpoints that holds device keys and TOTP secrets, receives pushes
// over the sandbox's in-process channel and answers them. It is safe for
// concurrent use.
type Phone struct {
	hc        *http.Client
	opts      PhoneOptions
	pushToken string
	ctx       context.Context // cancelled by Close: auto actions stop
	cancel    context.CancelFunc
	wg        sync.WaitGroup

	mu        sync.Mutex
	closed    bool
	tenant    tenantLink // set by Tenant.ConnectPhone
	devices   []*phoneDevice
	pending   []*Notification
	answering map[string]bool
	gone      map[string]goneNote // answered, expired, withdrawn or dismissed, remembered for a while
	inbox     []Message           // SMS, voice calls and emails, oldest first
	changed   chan struct{}
	userID    func(email string) string // the connected tenant's users, for app accounts

	// expiry fires at the earliest pending expiry (expiryAt) on the wall
	// clock, so that an expired request leaves the phone as it expires.
	// The wall clock, measured from the phone's: a manual clock that
	// other code shares must never see the phone waiting on it (tests
	// move that clock, and the tenant's next sweep expires requests).
	expiry   *time.Timer
	expiryAt time.Time
}

type phoneDevice struct {
	Device
	enrolled *guardian.EnrolledDevice // nil for an app account
	totp     *guardian.TOTPParams
}

type goneNote struct {
	err error // what answering it now says
	at  time.Time
}

// goneMemory is how long answered and expired notifications are remembered.
const goneMemory = time.Hour

// NewPhone makes a phone that talks to Guardian endpoints through hc.
func NewPhone(hc *http.Client, opts PhoneOptions) *Phone {
	if opts.Clock == nil {
		opts.Clock = clock.Real
	}
	if opts.Keys == nil {
		opts.Keys = newPhoneKey
	}
	if opts.ScanName == "" {
		opts.ScanName = "Sandbox phone"
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Phone{
		hc: hc, opts: opts, pushToken: "sandbox-push-" + randomB64(12), ctx: ctx, cancel: cancel,
		answering: map[string]bool{}, gone: map[string]goneNote{}, changed: make(chan struct{}),
	}
}

// Close stops the phone's timers and waits for its auto actions.
func (p *Phone) Close() error {
	p.mu.Lock()
	p.closed = true
	if p.expiry != nil {
		p.expiry.Stop()
	}
	p.mu.Unlock()
	p.cancel()
	p.wg.Wait()
	return nil
}

// Changed returns a channel closed at the next change of the devices,
// notifications or messages.
func (p *Phone) Changed() <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.changed
}

func (p *Phone) notifyLocked() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// setUserLookup gives the phone the tenant's users, so that an app
// account names its user as a Guardian account does.
func (p *Phone) setUserLookup(userID func(email string) string) {
	p.mu.Lock()
	p.userID = userID
	p.mu.Unlock()
}

// Scan reads an enrollment QR code: a Guardian enrollment enrolls a new
// device (a new key, then POST /api/enroll with the ticket); an
// authenticator-app QR code (an OTP enrollment's, with its secret) adds an
// account whose codes the phone computes.
func (p *Phone) Scan(ctx context.Context, barcodeURI, deviceName string) (Device, error) {
	return p.scan(ctx, p.hc, barcodeURI, deviceName, p.opts.Keys, p.opts.TenantURL)
}

// scan enrolls through hc with a key from keys, with the tenant at
// tenantURL only ("" for any).
func (p *Phone) scan(ctx context.Context, hc *http.Client, barcodeURI, deviceName string, keys func() (*rsa.PrivateKey, error), tenantURL string) (Device, error) {
	enrollment, err := guardian.ParseBarcodeURI(barcodeURI)
	if err != nil {
		if app, appErr := guardian.ParseTOTPURI(barcodeURI); appErr == nil {
			return p.addApp(app, deviceName), nil
		}
		return Device{}, fmt.Errorf("%w: %w", ErrUnreadableBarcode, err)
	}
	if err := checkTenant(enrollment, tenantURL); err != nil {
		return Device{}, err
	}
	key, err := keys()
	if err != nil {
		return Device{}, fmt.Errorf("sandbox phone: key: %w", err)
	}
	if deviceName == "" {
		deviceName = p.opts.ScanName
	}
	enrolled, err := guardian.Enroll(ctx, hc, enrollment, guardian.Device{
		Identifier: "sandbox-" + randomString(22, alnum), Name: deviceName,
		PushService: "sandbox", PushToken: p.pushToken, Key: key,
	})
	if err != nil {
		return Device{}, p.ticketError(err, enrollment.TransactionID)
	}
	d := &phoneDevice{enrolled: enrolled, totp: enrolled.TOTP, Device: Device{
		ID: enrolled.ID, UserID: enrolled.UserID, Name: deviceName, Issuer: enrolled.Issuer, EnrolledAt: p.opts.Clock.Now(),
	}}
	// A Guardian app holds one account per user of a tenant: enrolling the
	// same account again (a new QR code after a reset, or on purpose)
	// replaces the one it had rather than listing two alike. The simulated
	// phone stands for as many devices as it is given names, so the same
	// name for the same user is the same phone re-enrolling. The replaced
	// account is deleted at the tenant too, as the app does for an account
	// removed from it: no device holds its key any more, so a push to it
	// could never be answered.
	same := func(old *phoneDevice) bool {
		return old.enrolled != nil && old.UserID == d.UserID && old.Name == d.Name && old.enrolled.APIBase == enrolled.APIBase
	}
	p.mu.Lock()
	var replaced []*phoneDevice
	for _, old := range p.devices {
		if same(old) {
			replaced = append(replaced, old)
		}
	}
	p.devices = append(slices.DeleteFunc(p.devices, same), d)
	p.notifyLocked()
	p.mu.Unlock()
	for _, old := range replaced {
		p.forgetDevice(old.ID) // with its requests
		if err := guardian.Unenroll(ctx, p.hc, old.enrolled, p.opts.Clock.Now()); err != nil && p.opts.OnError != nil {
			p.opts.OnError("unenroll", err)
		}
	}
	return d.Device, nil
}

// addApp adds an authenticator-app account, replacing the phone's account
// for the same issuer and user: scanning a new QR code for the same
// account is enrolling it again, and only the new secret works.
func (p *Phone) addApp(app guardian.TOTPAccount, name string) Device {
	if name == "" {
		name = app.Issuer
		if app.Account != "" {
			name = strings.TrimSpace(app.Issuer + " (" + app.Account + ")")
		}
	}
	d := &phoneDevice{
		totp: &guardian.TOTPParams{Secret: app.Secret, Algorithm: app.Algorithm, Digits: app.Digits, Period: app.Period},
		Device: Device{ID: "otp_" + randomString(16, alnum), Name: clean(name, 100), Issuer: app.Issuer, Account: app.Account,
			Kind: DeviceAuthenticatorApp, EnrolledAt: p.opts.Clock.Now()},
	}
	p.mu.Lock()
	userID := p.userID
	p.mu.Unlock()
	if userID != nil {
		d.UserID = userID(app.Account) // the tenant's lock: never under the phone's
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.devices = append(slices.DeleteFunc(p.devices, func(old *phoneDevice) bool {
		return old.Kind == DeviceAuthenticatorApp && old.Issuer == app.Issuer && old.Account == app.Account
	}), d)
	p.notifyLocked()
	return d.Device
}

// checkTenant refuses an enrollment whose Guardian endpoints are not the
// tenant's at tenantURL.
func checkTenant(e guardian.Enrollment, tenantURL string) error {
	if tenantURL == "" {
		return nil
	}
	want, err := guardian.APIBase(tenantURL)
	if err != nil {
		return err
	}
	if got, err := e.APIBase(); err != nil || !strings.EqualFold(got, want) {
		return fmt.Errorf("%w: its base_url is %s, and the simulated phone enrolls only with this sandbox (%s)",
			ErrForeignBarcode, quoted(e.BaseURL), want)
	}
	return nil
}

// ticketError names an enroll refusal. Auth0 answers an expired ticket as
// an unknown one (enrollment_transaction_not_found); the phone tells them
// apart by its tenant's record, which a real Guardian app cannot.
func (p *Phone) ticketError(err error, ticket string) error {
	var ge *guardian.Error
	if errors.As(err, &ge) {
		switch ge.ErrorCode {
		case "enrollment_transaction_not_found":
			if expired := p.tenantRecord().ticketExpired; expired != nil && expired(ticket) {
				return ErrTicketExpired
			}
			return ErrTicketUnknown
		case "enrollment_conflict", "already_enrolled":
			return ErrTicketUsed
		}
	}
	return err
}

// Devices lists the phone's devices in the order they were enrolled.
func (p *Phone) Devices() []Device {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Device, len(p.devices))
	for i, d := range p.devices {
		out[i] = d.Device
	}
	return out
}

func (p *Phone) deviceLocked(id string) *phoneDevice {
	for _, d := range p.devices {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// OTP is the device's current TOTP code and how long it stays current.
func (p *Phone) OTP(deviceID string) (string, time.Duration, error) {
	p.mu.Lock()
	d := p.deviceLocked(deviceID)
	p.mu.Unlock()
	if d == nil || d.totp == nil {
		return "", 0, ErrDeviceUnknown
	}
	params := d.totp
	period := time.Duration(params.Period) * time.Second
	now := p.opts.Clock.Now()
	code, err := guardian.TOTP(params.Secret, now, params.Digits, period, params.Algorithm)
	if err != nil {
		return "", 0, err
	}
	validFor := period - time.Duration(now.UnixNano()%int64(period))
	return code, validFor, nil
}

// receive is the sandbox's push channel: the tenant calls it, without its
// lock, for each push challenge.
func (p *Phone) receive(msg pushMessage) {
	if !p.holds(msg) {
		return // another device's push: the tenant keeps it (outbox)
	}
	n := msg.notification()
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.pending = append(p.pending, n)
	p.notifyLocked()
	if p.expiryAt.IsZero() || n.ExpiresAt.Before(p.expiryAt) {
		p.armLocked(n.ExpiresAt)
	}
	p.mu.Unlock()
	if d := p.opts.AutoApprove; d > 0 {
		p.after(d, "approve", func(ctx context.Context) error { return p.Approve(ctx, n.ID) })
	}
}

// offerBarcode is the sandbox's stand-in for pointing the phone's camera
// at a new enrollment QR code.
func (p *Phone) offerBarcode(uri string) {
	if d := p.opts.AutoScan; d > 0 {
		p.after(d, "scan", func(ctx context.Context) error {
			_, err := p.Scan(ctx, uri, "")
			return err
		})
	}
}

// after runs f once d has passed on the phone's clock, unless the phone
// closes first.
func (p *Phone) after(d time.Duration, action string, f func(context.Context) error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		select {
		case <-p.opts.Clock.After(d):
		case <-p.ctx.Done():
			return
		}
		if err := f(p.ctx); err != nil && p.opts.OnError != nil && p.ctx.Err() == nil {
			p.opts.OnError(action, err)
		}
	}()
}

// forgetDevice drops a device whose account the tenant deleted, with its
// pending notifications.
func (p *Phone) forgetDevice(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	before := len(p.devices) + len(p.pending)
	p.devices = slices.DeleteFunc(p.devices, func(d *phoneDevice) bool { return d.ID == id })
	p.pending = slices.DeleteFunc(p.pending, func(n *Notification) bool { return n.DeviceID == id })
	if len(p.devices)+len(p.pending) != before {
		p.notifyLocked()
	}
}

// Notifications lists the pushes not yet answered nor expired, oldest first.
func (p *Phone) Notifications() []Notification {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expireLocked()
	out := make([]Notification, 0, len(p.pending))
	for _, n := range p.pending {
		if p.deviceLocked(n.DeviceID) != nil {
			out = append(out, *n)
		}
	}
	return out
}

// expireLocked moves expired notifications out, says so to the phone's
// watchers, forgets old ones, and sets the timer for the next expiry.
func (p *Phone) expireLocked() {
	now := p.opts.Clock.Now()
	if p.removeLocked(func(n *Notification) bool { return !now.Before(n.ExpiresAt) }, ErrNotificationExpired, now) {
		p.notifyLocked()
	}
	for id, g := range p.gone {
		if now.Sub(g.at) > goneMemory {
			delete(p.gone, id)
		}
	}
	var next time.Time
	for _, n := range p.pending {
		if !p.answering[n.ID] && (next.IsZero() || n.ExpiresAt.Before(next)) {
			next = n.ExpiresAt
		}
	}
	p.armLocked(next)
}

// armLocked sets the expiry timer for at (zero: none).
func (p *Phone) armLocked(at time.Time) {
	p.expiryAt = at
	switch {
	case at.IsZero() || p.closed:
		if p.expiry != nil {
			p.expiry.Stop()
		}
	case p.expiry == nil:
		p.expiry = time.AfterFunc(at.Sub(p.opts.Clock.Now()), p.expire)
	default:
		p.expiry.Reset(at.Sub(p.opts.Clock.Now()))
	}
}

// expire is the expiry timer's work, and the tenant's at each sweep.
func (p *Phone) expire() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expireLocked()
}

// removeLocked takes the pending notifications that match out (not one
// being answered), remembering why they went; it reports whether any did.
func (p *Phone) removeLocked(match func(*Notification) bool, why error, now time.Time) bool {
	before := len(p.pending)
	p.pending = slices.DeleteFunc(p.pending, func(n *Notification) bool {
		if p.answering[n.ID] || !match(n) {
			return false
		}
		p.gone[n.ID] = goneNote{err: why, at: now}
		return true
	})
	return len(p.pending) != before
}

// withdraw takes out the requests of push transactions that ended (by
// txtkn): their sign-in got its tokens another way. A real phone's
// notification would go stale; the simulated one shows only what can
// still be answered.
func (p *Phone) withdraw(txTokens []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ended := func(n *Notification) bool { return slices.Contains(txTokens, n.Payload.TransactionToken) }
	if p.removeLocked(ended, ErrNotificationWithdrawn, p.opts.Clock.Now()) {
		p.notifyLocked()
	}
}

// Dismiss swipes a notification away unanswered, as a person does who
// gave up signing in. The tenant never hears of it, as Auth0 does not:
// the sign-in waits on until it expires.
func (p *Phone) Dismiss(notificationID string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expireLocked()
	switch {
	case p.answering[notificationID]:
		return ErrAlreadyAnswered
	case p.removeLocked(func(n *Notification) bool { return n.ID == notificationID }, ErrNotificationDismissed, p.opts.Clock.Now()):
		p.notifyLocked()
		return nil
	}
	return p.goneLocked(notificationID)
}

// goneLocked says why a notification is no longer pending.
func (p *Phone) goneLocked(id string) error {
	if g, ok := p.gone[id]; ok {
		return g.err
	}
	return ErrNotificationUnknown
}

// Approve approves a push: it signs the challenge and resolves the
// transaction through the Guardian endpoint.
func (p *Phone) Approve(ctx context.Context, notificationID string) error {
	return p.answer(ctx, notificationID, true, "")
}

// Reject rejects a push, with an optional reason.
func (p *Phone) Reject(ctx context.Context, notificationID, reason string) error {
	return p.answer(ctx, notificationID, false, reason)
}

func (p *Phone) answer(ctx context.Context, id string, accept bool, reason string) error {
	now := p.opts.Clock.Now()
	p.mu.Lock()
	p.expireLocked()
	i := slices.IndexFunc(p.pending, func(n *Notification) bool { return n.ID == id })
	var d *phoneDevice
	var err error
	switch {
	case i < 0:
		err = p.goneLocked(id)
	case p.answering[id]:
		err = ErrAlreadyAnswered
	default:
		if d = p.deviceLocked(p.pending[i].DeviceID); d == nil {
			err = ErrNotificationUnknown
		}
	}
	if err != nil {
		p.mu.Unlock()
		return err
	}
	n := *p.pending[i]
	p.answering[id] = true
	p.mu.Unlock()

	err = guardian.Resolve(ctx, p.hc, d.enrolled, n.Payload, now, accept, reason)
	// Auth0 answers an expired transaction as an answered one
	// (login_transaction_not_found): the notification's own expiry tells.
	expired := !p.opts.Clock.Now().Before(n.ExpiresAt)

	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.answering, id)
	var ge *guardian.Error
	note := goneNote{err: ErrAlreadyAnswered, at: now}
	switch {
	case err == nil:
	case errors.As(err, &ge) && ge.ErrorCode == "login_transaction_not_found" && expired:
		note.err, err = ErrNotificationExpired, ErrNotificationExpired
	case errors.As(err, &ge) && ge.ErrorCode == "login_transaction_not_found":
		err = ErrAlreadyAnswered
	case errors.As(err, &ge) && ge.StatusCode == http.StatusNotFound:
		err = ErrNotificationUnknown // the tenant has forgotten the transaction
	default:
		return err // the notification stays: the answer may be tried again
	}
	p.pending = slices.DeleteFunc(p.pending, func(n *Notification) bool { return n.ID == id })
	p.gone[id] = note
	p.notifyLocked()
	return err
}
