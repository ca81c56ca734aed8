package flow

import (
	"context"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
)

// SandboxPhone adapts the sandbox's simulated phone to Phone, so that the
// ui package drives it without knowing the sandbox.
func SandboxPhone(p *sandbox.Phone) Phone { return sandboxPhone{p} }

type sandboxPhone struct{ p *sandbox.Phone }

func (s sandboxPhone) Scan(ctx context.Context, barcodeURI, deviceName string) (PhoneDevice, error) {
	d, err := s.p.Scan(ctx, barcodeURI, deviceName)
	return phoneDevice(d), err
}

func (s sandboxPhone) Devices() []PhoneDevice {
	devices := s.p.Devices()
	out := make([]PhoneDevice, len(devices))
	for i, d := range devices {
		out[i] = phoneDevice(d)
	}
	return out
}

func (s sandboxPhone) Notifications() []PhoneNotification {
	notes := s.p.Notifications()
	out := make([]PhoneNotification, len(notes))
	for i, n := range notes {
		out[i] = PhoneNotification{ID: n.ID, DeviceID: n.DeviceID, UserID: n.UserID,
			CreatedAt: n.CreatedAt, ExpiresAt: n.ExpiresAt, App: auth0.CleanText(n.App), OS: auth0.CleanText(n.OS)}
	}
	return out
}

func (s sandboxPhone) Approve(ctx context.Context, id string) error { return s.p.Approve(ctx, id) }

func (s sandboxPhone) Reject(ctx context.Context, id, reason string) error {
	return s.p.Reject(ctx, id, reason)
}

func (s sandboxPhone) Dismiss(id string) error { return s.p.Dismiss(id) }

func (s sandboxPhone) OTP(deviceID string) (string, time.Duration, error) { return s.p.OTP(deviceID) }

func (s sandboxPhone) Changed() <-chan struct{} { return s.p.Changed() }

// phoneDevice adapts a device for the screen. Its name is whatever the
// control API or a script gave it, so it is made inert like a server's.
func phoneDevice(d sandbox.Device) PhoneDevice {
	return PhoneDevice{ID: d.ID, UserID: d.UserID, Name: auth0.CleanText(d.Name)}
}
