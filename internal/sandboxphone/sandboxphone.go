// Package sandboxphone adapts the built-in sandbox's simulated Guardian
// phone to flow.Phone. It lives apart from both so that flow knows nothing
// of the sandbox: the commands that start a sandbox wire its phone in here.
package sandboxphone

import (
	"context"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/flow"
)

// New adapts the sandbox's phone to flow.Phone, so that the interface and
// the plain mode drive it without knowing the sandbox.
func New(p *sandbox.Phone) flow.Phone { return phone{p: p} }

// NewForServer is New for a sandbox server's phone, which also scans the
// QR code on the page of an enrollment ticket's link (a helpdesk's
// ticket), as a person would after opening it.
func NewForServer(s *sandbox.Server) flow.Phone { return phone{p: s.Phone, tickets: s.Tenant} }

type phone struct {
	p       *sandbox.Phone
	tickets *sandbox.Tenant // nil: only enrollment QR codes are scanned
}

func (s phone) Scan(ctx context.Context, barcodeURI, deviceName string) (flow.PhoneDevice, error) {
	if s.tickets != nil && (strings.HasPrefix(barcodeURI, "http://") || strings.HasPrefix(barcodeURI, "https://")) {
		uri, _, err := s.tickets.TicketBarcode(barcodeURI)
		if err != nil {
			return flow.PhoneDevice{}, err
		}
		barcodeURI = uri
	}
	d, err := s.p.Scan(ctx, barcodeURI, deviceName)
	return device(d), err
}

func (s phone) Devices() []flow.PhoneDevice {
	devices := s.p.Devices()
	out := make([]flow.PhoneDevice, len(devices))
	for i, d := range devices {
		out[i] = device(d)
	}
	return out
}

func (s phone) Notifications() []flow.PhoneNotification {
	notes := s.p.Notifications()
	out := make([]flow.PhoneNotification, len(notes))
	for i, n := range notes {
		out[i] = flow.PhoneNotification{ID: n.ID, DeviceID: n.DeviceID, UserID: n.UserID,
			CreatedAt: n.CreatedAt, ExpiresAt: n.ExpiresAt, App: auth0.CleanText(n.App), OS: auth0.CleanText(n.OS),
			BindingMessage: auth0.CleanText(n.BindingMessage)}
	}
	return out
}

func (s phone) Approve(ctx context.Context, id string) error { return s.p.Approve(ctx, id) }

func (s phone) Reject(ctx context.Context, id, reason string) error {
	return s.p.Reject(ctx, id, reason)
}

func (s phone) Dismiss(id string) error { return s.p.Dismiss(id) }

func (s phone) OTP(deviceID string) (string, time.Duration, error) { return s.p.OTP(deviceID) }

func (s phone) Changed() <-chan struct{} { return s.p.Changed() }

// Messages adapts the inbox. Its texts are the tenant's, made inert all
// the same: a number or an address in them came from a script.
func (s phone) Messages() []flow.PhoneMessage {
	msgs := s.p.Messages(sandbox.MessageFilter{})
	out := make([]flow.PhoneMessage, len(msgs))
	for i, m := range msgs {
		out[i] = flow.PhoneMessage{ID: m.ID, Channel: m.Channel, To: auth0.CleanText(m.To), Subject: auth0.CleanText(m.Subject),
			Text: auth0.CleanText(m.Text), Code: auth0.CleanText(m.Code), SentAt: m.SentAt, ExpiresAt: m.ExpiresAt}
	}
	return out
}

// device adapts a device for the screen. Its name is whatever the control
// API or a script gave it, so it is made inert like a server's.
func device(d sandbox.Device) flow.PhoneDevice {
	return flow.PhoneDevice{ID: d.ID, UserID: d.UserID, Name: auth0.CleanText(d.Name),
		App: d.Kind == sandbox.DeviceAuthenticatorApp, Account: auth0.CleanText(d.Account)}
}
