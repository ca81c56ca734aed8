package flow

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// PhoneDevice is an account on the simulated phone: a Guardian account
// (push and its codes), or an authenticator app's account (codes only).
type PhoneDevice struct {
	ID     string // the Guardian enrollment id (dev_…), or otp_… for an app account
	UserID string
	Name   string
	// App marks an authenticator app's account, scanned from an OTP
	// enrollment's QR code; Account is its label, the user's email.
	App     bool
	Account string
}

// PhoneMessage is a code the tenant sent by SMS, voice call or email,
// which the simulated phone receives for every number and address.
type PhoneMessage struct {
	ID        string
	Channel   string // sms, voice or email (auth0.Channel*)
	To        string // the number or the address
	Subject   string // an email's
	Text      string // the SMS, the call's transcript, the email's body
	Code      string
	SentAt    time.Time
	ExpiresAt time.Time
}

// PhoneNotification is a push waiting on the simulated phone.
type PhoneNotification struct {
	ID        string
	DeviceID  string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	App       string // the app that asked, from its User-Agent
	OS        string
	// BindingMessage is a helpdesk's CIBA message, read aloud to the
	// caller; "" for a sign-in's push.
	BindingMessage string
}

// Phone is the sandbox's simulated Guardian phone, driven from the TUI.
type Phone interface {
	Scan(ctx context.Context, barcodeURI, deviceName string) (PhoneDevice, error)
	Devices() []PhoneDevice
	Notifications() []PhoneNotification
	Approve(ctx context.Context, notificationID string) error
	Reject(ctx context.Context, notificationID, reason string) error
	// Dismiss swipes a notification away unanswered.
	Dismiss(notificationID string) error
	OTP(deviceID string) (code string, validFor time.Duration, err error)
	// Messages are the codes received, newest first.
	Messages() []PhoneMessage
	// Changed is closed at the phone's next change.
	Changed() <-chan struct{}
}

// PhoneChangedMsg says the phone's devices or notifications changed.
type PhoneChangedMsg struct{}

// PhoneScannedMsg answers a scan.
type PhoneScannedMsg struct {
	Device PhoneDevice
	Err    error
}

// PhoneAnsweredMsg answers an approve or reject.
type PhoneAnsweredMsg struct {
	NotificationID string
	Approved       bool
	Err            error
}

// WatchPhone waits for the phone's next change; re-arm it after each
// message. It returns nothing once the program's context ends.
func WatchPhone(env Env, phone Phone) tea.Cmd {
	changed := phone.Changed()
	return func() tea.Msg {
		select {
		case <-changed:
			return PhoneChangedMsg{}
		case <-env.ctx().Done():
			return nil
		}
	}
}

// ScanWithPhone makes the simulated phone scan a QR code and enroll.
func ScanWithPhone(env Env, phone Phone, barcodeURI, deviceName string) tea.Cmd {
	return func() tea.Msg {
		dev, err := phone.Scan(env.ctx(), barcodeURI, deviceName)
		return PhoneScannedMsg{Device: dev, Err: err}
	}
}

// DismissOnPhone swipes away the phone's requests for one push
// authenticator (push|dev_…), as a person does who gave up signing in:
// the wait for it was abandoned, so the request would only go stale. It
// answers no message: the phone's change reaches the screen through
// WatchPhone.
func DismissOnPhone(env Env, phone Phone, authenticatorID string) tea.Cmd {
	device := strings.TrimPrefix(authenticatorID, "push|")
	return func() tea.Msg {
		for _, n := range phone.Notifications() {
			if n.DeviceID == device {
				_ = phone.Dismiss(n.ID) // one answered meanwhile has left anyway
			}
		}
		return nil
	}
}

// AnswerOnPhone approves or rejects a push on the simulated phone.
func AnswerOnPhone(env Env, phone Phone, notificationID string, approve bool) tea.Cmd {
	return func() tea.Msg {
		var err error
		if approve {
			err = phone.Approve(env.ctx(), notificationID)
		} else {
			err = phone.Reject(env.ctx(), notificationID, "")
		}
		return PhoneAnsweredMsg{NotificationID: notificationID, Approved: approve, Err: err}
	}
}
