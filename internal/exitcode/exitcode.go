// Package exitcode is mfapush's one table of exit statuses, the same for
// every command and mode (the TUI, the plain mode, sandbox, decode,
// config), and the signals that end a run.
//
//	0    done: enrolled, approved, listed; or nothing was started (the home
//	     screen left with q; config without problems; decode, version, help)
//	1    an error: what the tenant answered (wrong password, expired, timed
//	     out, rate limited…), the network, the settings, the command line
//	     (an unknown flag or a bad value), a busy port, a token decode cannot read
//	2    rejected on the device, or cancelled by the user: q before a flow
//	     ended, end of input (Ctrl+D) at a prompt, no to --reveal-secrets
//	129  SIGHUP: the terminal was closed
//	130  SIGINT: Ctrl+C, on any screen, prompt or wait, and to stop sandbox
//	143  SIGTERM: kill, or a service manager stopping it
//
// A mistake on the command line is an error (1), not a status of its own:
// 2 tells a script that a person said no, and must not also mean a typo.
// A signal gives 128 plus its number, as a shell reports a process the
// signal killed, although mfapush stops cleanly first: it cancels the
// request in flight and restores the terminal.
package exitcode

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// The statuses.
const (
	OK          = 0
	Error       = 1
	Cancelled   = 2
	Hangup      = 128 + int(syscall.SIGHUP)
	Interrupted = 128 + int(syscall.SIGINT)
	Terminated  = 128 + int(syscall.SIGTERM)
)

// Signals are the signals a run stops on.
var Signals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM}

// Signaled is the cause of a context that a signal ended.
type Signaled struct{ Signal os.Signal }

func (s Signaled) Error() string { return s.Signal.String() + " received" }

// Status is the exit status for the signal: 128 plus its number.
func (s Signaled) Status() int {
	if n, ok := s.Signal.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return Interrupted
}

// NotifyContext returns a context that ends when one of Signals arrives,
// with a Signaled cause; stop releases the signals.
func NotifyContext(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, Signals...)
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case s := <-sig:
			cancel(Signaled{s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sig)
		cancel(context.Canceled)
		<-done
	}
}

// OfContext is the status of a run whose context has ended: the signal's
// when a signal ended it, else Interrupted (a test, or a parent that
// cancelled it). ok is false while the context is still going.
func OfContext(ctx context.Context) (status int, ok bool) {
	if ctx.Err() == nil {
		return OK, false
	}
	var s Signaled
	if errors.As(context.Cause(ctx), &s) {
		return s.Status(), true
	}
	return Interrupted, true
}

// BySignal reports the status of a context a signal ended; ok is false
// when no signal ended it.
func BySignal(ctx context.Context) (status int, ok bool) {
	var s Signaled
	if ctx.Err() != nil && errors.As(context.Cause(ctx), &s) {
		return s.Status(), true
	}
	return OK, false
}
