package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/ui"
)

// A panic in one of the interface's commands, in the real command line on
// a real pseudo-terminal: the program must give the terminal back as it
// found it (echo and canonical input on, the cursor shown, the main screen
// back) and exit with an error status.
func TestPanicInACommandRestoresTheTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 100, Rows: 34}); err != nil {
		t.Fatal(err)
	}
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if before.Lflag&unix.ECHO == 0 || before.Lflag&unix.ICANON == 0 {
		t.Fatalf("the pseudo-terminal starts without echo: %#x", before.Lflag)
	}

	home := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestPanicHelperProcess$", "--", "enroll")
	cmd.Env = append(cleanEnv(), "MFAPUSH_PANIC_HELPER=1", "HOME="+home, "XDG_CONFIG_HOME="+home, "TERM=xterm-256color", "LANG=C")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var outMu sync.Mutex
	go func() { // drain the terminal, or the child blocks on a full buffer
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			outMu.Lock()
			out.Write(buf[:n])
			outMu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Once the interface has the terminal (keys typed before raw mode would
	// go through the line discipline), sign alice in, then press s (the
	// phone scans the QR code) until the scan's command runs and panics.
	for took := time.Now(); ; time.Sleep(10 * time.Millisecond) {
		outMu.Lock()
		ready := strings.Contains(out.String(), "\x1b[?1049h")
		outMu.Unlock()
		if ready {
			break
		}
		if time.Since(took) > 30*time.Second {
			cmd.Process.Kill()
			t.Fatal("the interface never started")
		}
	}
	time.Sleep(200 * time.Millisecond)
	io.WriteString(ptmx, "alice@example.com\ralice-password\r")
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(30 * time.Second)
wait:
	for {
		select {
		case err = <-exited:
			break wait
		case <-tick.C:
			io.WriteString(ptmx, "s")
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("the program did not end after the panic")
		}
	}
	time.Sleep(100 * time.Millisecond) // the last bytes on their way through the terminal
	outMu.Lock()
	output := out.String()
	outMu.Unlock()

	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit: %v, want status 1 for a crash", err)
	}
	if !strings.Contains(output, "Caught panic") || !strings.Contains(output, injectedPanic) {
		t.Fatalf("the panic did not happen as injected; the terminal got:\n%q", output)
	}
	// It did take the terminal: the alternate screen and a hidden cursor.
	if !strings.Contains(output, "\x1b[?1049h") || !strings.Contains(output, "\x1b[?25l") {
		t.Fatalf("the interface never took over the terminal:\n%q", output)
	}
	after, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if after.Lflag&unix.ECHO == 0 || after.Lflag&unix.ICANON == 0 {
		t.Errorf("echo or canonical input is still off after the panic: lflag %#x, was %#x", after.Lflag, before.Lflag)
	}
	if *after != *before {
		t.Errorf("the terminal settings differ after the panic:\n%+v\nwere\n%+v", *after, *before)
	}
	for _, pair := range [][2]string{{"\x1b[?25l", "\x1b[?25h"}, {"\x1b[?1049h", "\x1b[?1049l"}} {
		if strings.LastIndex(output, pair[1]) < strings.LastIndex(output, pair[0]) {
			t.Errorf("the output does not end with %q after its last %q", pair[1], pair[0])
		}
	}
}

const injectedPanic = "injected panic in a command"

// TestPanicHelperProcess is the child of the test above: the real command
// line, whose phone panics in the command that watches it.
func TestPanicHelperProcess(t *testing.T) {
	if os.Getenv("MFAPUSH_PANIC_HELPER") != "1" {
		t.Skip("runs only as the child of TestPanicInACommandRestoresTheTerminal")
	}
	decorateOptions = func(o ui.Options) ui.Options {
		o.Phone = panickyPhone{o.Phone}
		return o
	}
	os.Exit(Main(os.Args[len(os.Args)-1:]))
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
			!strings.HasPrefix(kv, "XDG_CONFIG_HOME=") && !strings.HasPrefix(kv, "TERM=") {
			out = append(out, kv)
		}
	}
	return out
}
