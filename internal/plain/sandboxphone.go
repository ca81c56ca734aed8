package plain

import (
	"context"
	"time"

	"github.com/mfapush/mfapush/flow"
)

// SandboxPhone is the built-in sandbox's simulated phone. In the TUI a
// panel plays it; in plain mode no one can, so the run answers for it after
// Delay (and says so at the start): it scans the enrollment code and
// approves pushes.
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
