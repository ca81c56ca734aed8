package cli

import (
	"context"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/flow"
)

// sandboxPhone lets the TUI drive the sandbox's simulated phone through
// flow.Phone, so that flow and ui need not know the sandbox.
type sandboxPhone struct{ p *sandbox.Phone }

func (s sandboxPhone) Scan(ctx context.Context, barcodeURI, deviceName string) (flow.PhoneDevice, error) {
	d, err := s.p.Scan(ctx, barcodeURI, deviceName)
	return phoneDevice(d), err
}

func (s sandboxPhone) Devices() []flow.PhoneDevice {
	devices := s.p.Devices()
	out := make([]flow.PhoneDevice, len(devices))
	for i, d := range devices {
		out[i] = phoneDevice(d)
	}
	return out
}

func (s sandboxPhone) Notifications() []flow.PhoneNotification {
	notes := s.p.Notifications()
	out := make([]flow.PhoneNotification, len(notes))
	for i, n := range notes {
		out[i] = flow.PhoneNotification{ID: n.ID, DeviceID: n.DeviceID, UserID: n.UserID,
			CreatedAt: n.CreatedAt, ExpiresAt: n.ExpiresAt, App: n.App, OS: n.OS}
	}
	return out
}

func (s sandboxPhone) Approve(ctx context.Context, id string) error { return s.p.Approve(ctx, id) }

func (s sandboxPhone) Reject(ctx context.Context, id, reason string) error {
	return s.p.Reject(ctx, id, reason)
}

func (s sandboxPhone) OTP(deviceID string) (string, time.Duration, error) { return s.p.OTP(deviceID) }

func (s sandboxPhone) Changed() <-chan struct{} { return s.p.Changed() }

func phoneDevice(d sandbox.Device) flow.PhoneDevice {
	return flow.PhoneDevice{ID: d.ID, UserID: d.UserID, Name: d.Name}
}
