package cli

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"testing"
	"time"
)

// TestCLIHelperProcess is the command line in a child process of a test:
// Main with the arguments after "--".
func TestCLIHelperProcess(t *testing.T) {
	if os.Getenv("MFAPUSH_CLI_HELPER") != "1" {
		t.Skip("runs only as the child process of another test")
	}
	for _, prepare := range helperSetup {
		prepare()
	}
	os.Exit(Main(os.Args[slices.Index(os.Args, "--")+1:]))
}

// helperSetup runs in the child process before Main: a test file adds what
// its children need (a fault to inject).
var helperSetup []func()

// statusOf is an exited child's status as a shell reports it.
func statusOf(err error) int {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case !errors.As(err, &exit):
		return -1
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return exit.ExitCode()
}

// hangBound is how long a run may take to show what a test waits for, or
// to end after a key or a signal that ends it. It catches a hang, not a
// slow run: a child built with the race detector, on a loaded machine,
// stays far under it.
const hangBound = time.Minute

// waitAtMost waits for cmd to end, killing it and failing the test after d.
func waitAtMost(t *testing.T, cmd *exec.Cmd, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s did not end within %v", cmd.Args, d)
		return nil
	}
}
