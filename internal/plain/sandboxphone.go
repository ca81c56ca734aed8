package plain

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// SandboxPhone is the built-in sandbox's simulated phone. In the TUI a
// panel plays it; in plain mode no one can, so the run answers for it after
// Delay (and says so at the start): it scans the enrollment code,
// approves pushes, and passes on the codes it receives or its
// authenticator app computes.
type SandboxPhone struct {
	Phone flow.Phone
	Delay time.Duration
}

// scan has the phone scan the code after the delay. stop ends the wait
// for it and returns once nothing runs.
func (p *SandboxPhone) scan(ctx context.Context, barcodeURI, name string) (stop func()) {
	return p.after(ctx, func(ctx context.Context) {
		_, _ = p.Phone.Scan(ctx, barcodeURI, name) // a failure shows as the wait running out
	})
}

// approve has the phone approve the push it receives, after the delay.
func (p *SandboxPhone) approve(ctx context.Context) (stop func()) {
	return p.after(ctx, func(ctx context.Context) {
		for {
			changed := p.Phone.Changed()
			if notes := p.Phone.Notifications(); len(notes) > 0 {
				_ = p.Phone.Approve(ctx, notes[0].ID)
				return
			}
			select {
			case <-changed:
			case <-ctx.Done():
				return
			}
		}
	})
}

func (p *SandboxPhone) after(ctx context.Context, act func(context.Context)) (stop func()) {
	if p == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		timer := time.NewTimer(p.Delay)
		defer timer.Stop()
		select {
		case <-timer.C:
			act(ctx)
		case <-ctx.Done():
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// phoneCode gets, after the delay, the code the sandbox's phone received
// or computes; nil when there is no sandbox phone to ask.
type phoneCode func(context.Context) (string, error)

// errNoCodeOnPhone: the phone holds no code for what was asked.
var errNoCodeOnPhone = errors.New("the sandbox's simulated phone received no code")

// inboxMark is the messages the phone holds now, so that the code read
// later is the one sent since.
func (p *SandboxPhone) inboxMark() map[string]bool {
	if p == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, m := range p.Phone.Messages() {
		seen[m.ID] = true
	}
	return seen
}

// sentCode reads the code of f's channel that arrived after the mark. The
// tenant delivers it before it answers the request that sent it, so it is
// there once that answer came.
func (p *SandboxPhone) sentCode(f *flow.Factor, seen map[string]bool) phoneCode {
	if p == nil {
		return nil
	}
	return func(ctx context.Context) (string, error) {
		if err := p.pause(ctx); err != nil {
			return "", err
		}
		for _, m := range p.Phone.Messages() { // newest first
			if !seen[m.ID] && m.Channel == f.ID {
				return m.Code, nil
			}
		}
		return "", errNoCodeOnPhone
	}
}

// appCode scans an authenticator app's QR code into the phone and reads
// the account's first code.
func (p *SandboxPhone) appCode(uri, name string) phoneCode {
	if p == nil {
		return nil
	}
	return func(ctx context.Context) (string, error) {
		if err := p.pause(ctx); err != nil {
			return "", err
		}
		dev, err := p.Phone.Scan(ctx, uri, name)
		if err != nil {
			return "", err
		}
		code, _, err := p.Phone.OTP(dev.ID)
		return code, err
	}
}

// accountCode reads the current code of the user's one account on the
// phone that computes codes: an authenticator app's account for the
// username, or the Guardian account of one of the user's push
// authenticators (in list), whose code its OTP twin takes. Several app
// accounts: the newest. nil when the phone holds none, or both kinds: the
// authenticator list does not say which of them an OTP entry belongs to,
// so the code is typed.
func (p *SandboxPhone) accountCode(username string, list []auth0.Authenticator) phoneCode {
	if p == nil {
		return nil
	}
	var app string
	var guardian []string
	for _, d := range p.Phone.Devices() {
		switch {
		case d.App && strings.EqualFold(d.Account, username):
			app = d.ID
		case !d.App && slices.ContainsFunc(list, func(a auth0.Authenticator) bool {
			return a.Active && a.Kind() == auth0.KindPush && a.EnrollmentID() == d.ID
		}):
			guardian = append(guardian, d.ID)
		}
	}
	id := app
	switch {
	case app != "" && len(guardian) > 0, app == "" && len(guardian) != 1:
		return nil
	case app == "":
		id = guardian[0]
	}
	return func(ctx context.Context) (string, error) {
		if err := p.pause(ctx); err != nil {
			return "", err
		}
		code, _, err := p.Phone.OTP(id)
		return code, err
	}
}

// pause waits the phone's delay, or until ctx ends.
func (p *SandboxPhone) pause(ctx context.Context) error {
	timer := time.NewTimer(p.Delay)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
