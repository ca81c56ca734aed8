//go:build linux

package cli

import (
	"strings"
	"syscall"
	"testing"
)

// The plain password prompt holds the terminal (echo off, a read pending)
// when Ctrl+C, SIGTERM or SIGHUP comes: the run must end at once with the
// signal's status, give the terminal back as it found it, and never ask
// the terminal anything on the way out (NO_COLOR or not).
func TestSignalsAtThePlainPasswordPrompt(t *testing.T) {
	for name, tc := range map[string]struct {
		end  func(p *ptyRun)
		want int
	}{
		"ctrl+c":  {func(p *ptyRun) { p.send("\x03") }, 130},
		"SIGTERM": {func(p *ptyRun) { p.signal(syscall.SIGTERM) }, 143},
		"SIGHUP":  {func(p *ptyRun) { p.signal(syscall.SIGHUP) }, 129},
	} {
		t.Run(name, func(t *testing.T) {
			p := startOnPty(t, []string{"NO_COLOR=1"}, "challenge", "--plain", "--username", "bob@example.com")
			p.waitFor("Password for bob@example.com (not shown): ")
			p.waitEchoOff()
			tc.end(p)
			if status := p.exit(); status != tc.want {
				t.Errorf("exit %d, want %d:\n%q", status, tc.want, p.output())
			}
			assertNoTerminalQueries(t, p.output())
			if name != "SIGHUP" && !strings.Contains(p.output(), "Interrupted.") {
				t.Errorf("the run did not say it was interrupted:\n%q", p.output())
			}
		})
	}
}

// An error in plain mode on a terminal (a wrong password typed at the
// prompt) ends at once, without asking the terminal for its colours.
func TestPlainErrorOnATerminalAsksTheTerminalNothing(t *testing.T) {
	p := startOnPty(t, nil, "challenge", "--plain", "--username", "bob@example.com")
	p.waitFor("Password for bob@example.com (not shown): ")
	p.waitEchoOff()
	p.send("wrong\r")
	if status := p.exit(); status != 1 {
		t.Errorf("exit %d, want 1:\n%q", status, p.output())
	}
	if !strings.Contains(p.output(), "Wrong email or password") {
		t.Errorf("no explanation:\n%q", p.output())
	}
	assertNoTerminalQueries(t, p.output())
}

// A usage error on a terminal is reported without asking the terminal
// anything either.
func TestUsageErrorOnATerminalAsksTheTerminalNothing(t *testing.T) {
	p := startOnPty(t, nil, "challenge", "--no-such-flag")
	if status := p.exit(); status != 1 {
		t.Errorf("exit %d, want 1:\n%q", status, p.output())
	}
	if !strings.Contains(p.output(), "Unknown flag: --no-such-flag") || !strings.Contains(p.output(), "--help") {
		t.Errorf("output:\n%q", p.output())
	}
	assertNoTerminalQueries(t, p.output())
}
