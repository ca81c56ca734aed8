//go:build linux

package cli

import (
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// These tests run the real command line on a pseudo-terminal, as a person
// at a terminal would: keys typed into it, signals sent to it, and its
// settings read back afterwards.

// ptyRun is the command line running on a pseudo-terminal.
type ptyRun struct {
	t         *testing.T
	ptmx, tty *os.File
	cmd       *exec.Cmd
	before    unix.Termios // the terminal's settings before the run
	exited    chan error
	read      chan struct{} // closed when everything the run wrote was read
	status    int

	mu      sync.Mutex
	out     strings.Builder
	changed chan struct{} // closed at the next write
}

// startOnPty runs Main with args in a child process (TestCLIHelperProcess)
// on a new 100x34 pseudo-terminal, its controlling terminal, with the
// embedded sandbox, English and env added to a clean environment.
func startOnPty(t *testing.T, env []string, args ...string) *ptyRun {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 100, Rows: 34}); err != nil {
		t.Fatal(err)
	}
	p := &ptyRun{t: t, ptmx: ptmx, tty: tty, exited: make(chan error, 1), read: make(chan struct{}), status: -1}
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if before.Lflag&unix.ECHO == 0 || before.Lflag&unix.ICANON == 0 {
		t.Fatalf("the pseudo-terminal starts without echo: %#x", before.Lflag)
	}
	p.before = *before
	home := t.TempDir()
	p.cmd = exec.Command(os.Args[0], append([]string{"-test.run=^TestCLIHelperProcess$", "--"}, args...)...)
	p.cmd.Env = append(cleanEnv(), "MFAPUSH_CLI_HELPER=1", "HOME="+home, "XDG_CONFIG_HOME="+home, "TERM=xterm-256color", "LANG=C")
	p.cmd.Env = append(p.cmd.Env, env...)
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = tty, tty, tty
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { // drain the terminal, or the child blocks on a full buffer
		defer close(p.read)
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			p.write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(p.close)
	return p
}

func (p *ptyRun) write(b []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out.Write(b)
	if p.changed != nil {
		close(p.changed)
		p.changed = nil
	}
}

// output is what the run wrote to the terminal so far.
func (p *ptyRun) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor blocks until the terminal shows s.
func (p *ptyRun) waitFor(s string) {
	p.t.Helper()
	p.waitForNth(s, 1)
}

// waitForNth blocks until the terminal has shown s n times: a screen
// shown again after another.
func (p *ptyRun) waitForNth(s string, n int) {
	p.t.Helper()
	timeout := time.After(hangBound)
	for {
		p.mu.Lock()
		if strings.Count(p.out.String(), s) >= n {
			p.mu.Unlock()
			return
		}
		if p.changed == nil {
			p.changed = make(chan struct{})
		}
		changed := p.changed
		p.mu.Unlock()
		select {
		case <-changed:
		case err := <-p.exited:
			p.exited <- err
			p.t.Fatalf("the run ended (%v) before showing %q:\n%q", err, s, p.output())
		case <-timeout:
			p.t.Fatalf("the terminal never showed %q:\n%q", s, p.output())
		}
	}
}

// waitEchoOff blocks until the run has turned echo off, as a password
// prompt or the interface does once it holds the terminal.
func (p *ptyRun) waitEchoOff() {
	p.t.Helper()
	for deadline := time.Now().Add(hangBound); ; time.Sleep(5 * time.Millisecond) {
		if now, err := unix.IoctlGetTermios(int(p.tty.Fd()), unix.TCGETS); err == nil && now.Lflag&unix.ECHO == 0 {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("echo is still on:\n%q", p.output())
		}
	}
}

// send types s on the terminal.
func (p *ptyRun) send(s string) {
	p.t.Helper()
	if _, err := p.ptmx.WriteString(s); err != nil {
		p.t.Fatal(err)
	}
}

// signal sends sig to the run, as the terminal or a kill would.
func (p *ptyRun) signal(sig syscall.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
}

// exit waits, at most hangBound, for the run to end, and returns its
// status as a shell reports it: 128 plus the signal's number when a signal
// killed it. Everything the run wrote has been read by then.
func (p *ptyRun) exit() int {
	p.t.Helper()
	return p.exitWithin(hangBound)
}

// exitWithin is exit for a run that still has work to do before it ends,
// such as a demo playing its story: bound is a hang guard, not a timing
// check.
func (p *ptyRun) exitWithin(bound time.Duration) int {
	p.t.Helper()
	select {
	case err := <-p.exited:
		p.status = statusOf(err)
	case <-time.After(bound):
		p.cmd.Process.Kill()
		p.t.Fatalf("the run did not end within %v:\n%q", bound, p.output())
	}
	p.checkTerminal()
	p.tty.Close() // the last reader of the terminal gone, the drain ends
	<-p.read
	return p.status
}

// checkTerminal fails the test unless the run gave the terminal back with
// the settings it found.
func (p *ptyRun) checkTerminal() {
	p.t.Helper()
	after, err := unix.IoctlGetTermios(int(p.tty.Fd()), unix.TCGETS)
	if err != nil {
		p.t.Fatal(err)
	}
	if after.Lflag&unix.ECHO == 0 || after.Lflag&unix.ICANON == 0 {
		p.t.Errorf("echo or canonical input is still off: lflag %#x, was %#x", after.Lflag, p.before.Lflag)
	}
	if *after != p.before {
		p.t.Errorf("the terminal's settings differ after the run:\n%+v\nwere\n%+v", *after, p.before)
	}
}

func (p *ptyRun) close() {
	if p.status < 0 {
		p.cmd.Process.Kill()
		<-p.exited
	}
	p.tty.Close()
	p.ptmx.Close()
	<-p.read
}

// assertNoTerminalQueries fails the test if the run asked the terminal
// anything (its background colour, its attributes): an answer typed back
// into a terminal another reader holds is lost, and the run waits for it.
func assertNoTerminalQueries(t *testing.T, output string) {
	t.Helper()
	for _, query := range []string{"\x1b]11;?", "\x1b[c"} {
		if strings.Contains(output, query) {
			t.Errorf("the run queried the terminal with %q:\n%q", query, output)
		}
	}
}
