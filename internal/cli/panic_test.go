//go:build linux

package cli

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/ui"
)

// A panic in one of the interface's commands, in the real command line on
// a real pseudo-terminal: the program must give the terminal back as it
// found it (echo and canonical input on, the cursor shown, the main screen
// back) and exit with an error status.
func TestPanicInACommandRestoresTheTerminal(t *testing.T) {
	p := startOnPty(t, []string{injectPanicEnv + "=1"}, "enroll")
	// Once the interface has the terminal (keys typed before raw mode would
	// go through the line discipline), sign alice in, then press s (the
	// phone scans the QR code) until the scan's command runs and panics.
	p.waitFor("\x1b[?1049h")
	p.waitEchoOff()
	p.send("alice@example.com\ralice-password\r")
	p.waitFor("Which factor")
	p.send("\r") // push, first of the factors offered
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(hangBound)
wait:
	for {
		select {
		case err := <-p.exited:
			p.exited <- err
			break wait
		case <-tick.C:
			p.send("s")
		case <-deadline:
			t.Fatal("the program did not end after the panic")
		}
	}
	if status := p.exit(); status != 1 {
		t.Errorf("exit %d, want 1 for a crash", status)
	}
	output := p.output()
	if !strings.Contains(output, "Caught panic") || !strings.Contains(output, injectedPanic) {
		t.Fatalf("the panic did not happen as injected; the terminal got:\n%q", output)
	}
	assertScreenRestored(t, output)
}

// assertScreenRestored fails the test unless the interface took the
// terminal (the alternate screen, a hidden cursor) and gave it back.
func assertScreenRestored(t *testing.T, output string) {
	t.Helper()
	for _, pair := range [][2]string{{"\x1b[?25l", "\x1b[?25h"}, {"\x1b[?1049h", "\x1b[?1049l"}} {
		if !strings.Contains(output, pair[0]) {
			t.Fatalf("the interface never took over the terminal (no %q):\n%q", pair[0], output)
		}
		if strings.LastIndex(output, pair[1]) < strings.LastIndex(output, pair[0]) {
			t.Errorf("the output does not end with %q after its last %q", pair[1], pair[0])
		}
	}
}

const (
	injectedPanic  = "injected panic in a command"
	injectPanicEnv = "MFAPUSH_INJECT_PANIC"
)

func init() { helperSetup = append(helperSetup, injectPanic) }

// injectPanic makes the phone panic in the command that scans the QR code,
// in the child process of a test that asks for it.
func injectPanic() {
	if os.Getenv(injectPanicEnv) != "1" {
		return
	}
	decorateOptions = func(o ui.Options) ui.Options {
		o.Phone = panickyPhone{o.Phone}
		return o
	}
}

// panickyPhone panics when the program, in a command, scans the QR code.
type panickyPhone struct{ flow.Phone }

func (panickyPhone) Scan(context.Context, string, string) (flow.PhoneDevice, error) {
	panic(injectedPanic)
}

// cleanEnv is this process's environment without the Auth0 and mfapush
// settings, so the child runs the embedded sandbox.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AUTH0_") && !strings.HasPrefix(kv, "MFAPUSH_") && !strings.HasPrefix(kv, "HOME=") &&
			!strings.HasPrefix(kv, "XDG_CONFIG_HOME=") && !strings.HasPrefix(kv, "TERM=") && !strings.HasPrefix(kv, "NO_COLOR=") &&
			!strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") {
			out = append(out, kv)
		}
	}
	return out
}
