//go:build unix

package exitcode

import (
	"context"
	"syscall"
	"testing"
	"time"
)

func TestEachSignalEndsTheContextWithItsStatus(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGHUP: 129, syscall.SIGINT: 130, syscall.SIGTERM: 143} {
		ctx, stop := NotifyContext(context.Background())
		if _, ok := OfContext(ctx); ok {
			t.Fatal("ended before any signal")
		}
		if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(10 * time.Second):
			t.Fatalf("%v did not end the context", sig)
		}
		if got, ok := BySignal(ctx); !ok || got != want {
			t.Errorf("%v: status %d (%v), want %d", sig, got, ok, want)
		}
		if got, ok := OfContext(ctx); !ok || got != want {
			t.Errorf("%v: OfContext %d (%v), want %d", sig, got, ok, want)
		}
		stop()
	}
}

func TestACancelledContextIsInterruptedButNotBySignal(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, ok := OfContext(ctx); !ok || got != Interrupted {
		t.Errorf("OfContext %d %v", got, ok)
	}
	if _, ok := BySignal(ctx); ok {
		t.Error("a plain cancel counted as a signal")
	}
	ctx, stop := NotifyContext(context.Background())
	stop()
	if _, ok := BySignal(ctx); ok {
		t.Error("stop counted as a signal")
	}
}
