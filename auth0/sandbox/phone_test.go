package sandbox

import (
	"context"
	"testing"
	"time"
)

// waitChanged waits for the phone to report a change.
func waitChanged(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("the phone reported no change")
	}
}

func TestAutoApproveAfterTheDelay(t *testing.T) {
	s := startSandbox(t, Options{AutoApprove: 2 * time.Second})
	mfa := s.login("bob@example.com")
	oob := s.challenge(mfa, nil).str("oob_code")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.clock.BlockUntilWaiters(ctx, 1); err != nil {
		t.Fatal(err)
	}
	wantError(t, s.poll(mfa, oob), 400, "authorization_pending", "")
	changed := s.Phone.Changed()
	s.clock.Advance(2 * time.Second)
	waitChanged(t, changed)
	if len(s.Phone.Notifications()) != 0 {
		t.Error("the approved push is still listed")
	}
	if a := s.poll(mfa, oob); a.status != 200 {
		t.Errorf("poll after auto approval: %d %s", a.status, a.raw)
	}
}

func TestAutoScanAfterTheDelay(t *testing.T) {
	s := startSandbox(t, Options{AutoScan: time.Second})
	mfa := s.login("alice@example.com")
	oob := s.associatePush(mfa).str("oob_code")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.clock.BlockUntilWaiters(ctx, 1); err != nil {
		t.Fatal(err)
	}
	changed := s.Phone.Changed()
	s.clock.Advance(time.Second)
	waitChanged(t, changed)
	devices := s.Phone.Devices()
	if len(devices) != 2 || devices[1].Name != "Sandbox phone" {
		t.Fatalf("devices %+v", devices)
	}
	if a := s.poll(mfa, oob); a.status != 200 {
		t.Errorf("poll after auto scan: %d %s", a.status, a.raw)
	}
}

func TestCloseStopsPendingAutoActions(t *testing.T) {
	s := startSandbox(t, Options{AutoApprove: time.Hour, AutoScan: time.Hour})
	s.challenge(s.login("bob@example.com"), nil)
	s.associatePush(s.login("alice@example.com"))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.clock.BlockUntilWaiters(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// goleak in TestMain checks that the waiting goroutines are gone.
}

func TestChangedSignalsEachChange(t *testing.T) {
	s := startSandbox(t, Options{})
	ch := s.Phone.Changed()
	select {
	case <-ch:
		t.Fatal("changed before any change")
	default:
	}
	mfa := s.login("bob@example.com")
	s.challenge(mfa, nil)
	waitChanged(t, ch)
	ch = s.Phone.Changed()
	if err := s.Phone.Approve(context.Background(), s.Phone.Notifications()[0].ID); err != nil {
		t.Fatal(err)
	}
	waitChanged(t, ch)
}
