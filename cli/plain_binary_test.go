//go:build unix

package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
)

// These tests build mfapush and run it as a person or a script would: a
// subprocess with the password piped in, against a sandbox the test serves.

var built struct {
	once sync.Once
	path string
	err  error
}

// mfapushBinary builds the command once per test process.
func mfapushBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "mfapush-bin-")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "mfapush")
		out, err := exec.Command("go", "build", "-o", built.path, "github.com/mfapush/mfapush").CombinedOutput()
		if err != nil {
			built.err = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// TestMain: goleak, no test of this package leaves a goroutine behind;
// then the built binary goes.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		if built.path != "" {
			os.RemoveAll(filepath.Dir(built.path))
		}
		os.Exit(code)
	}))
}

// mfapushCommand runs mfapush against srv, in an environment of its own,
// with no controlling terminal (so nothing is asked on /dev/tty).
func mfapushCommand(t *testing.T, srv *sandboxtest.Server, stdin string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(mfapushBinary(t), args...)
	env, _ := homeEnv(t)
	env["AUTH0_DOMAIN"], env["AUTH0_CLIENT_ID"], env["AUTH0_CLIENT_SECRET"] = srv.URL, sandboxClientID, sandboxClientSecret
	env["LANG"] = "C"
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if _, set := env[name]; !set && !strings.HasPrefix(name, "AUTH0_") && !strings.HasPrefix(name, "MFAPUSH_") && !strings.HasPrefix(name, "LC_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for name, value := range env {
		cmd.Env = append(cmd.Env, name+"="+value)
	}
	cmd.Stdin = strings.NewReader(stdin)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	return cmd
}

func sandboxFor(t *testing.T, autoApprove time.Duration) *sandboxtest.Server {
	return sandboxtest.StartReal(t, sandbox.Options{MinPollInterval: 0, PollsPerMinute: 100000, AutoApprove: autoApprove})
}

func exitCode(t *testing.T, err error) int {
	t.Helper()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	t.Fatal(err)
	return -1
}

func TestBinaryChallengeApproved(t *testing.T) {
	srv := sandboxFor(t, 100*time.Millisecond)
	cmd := mfapushCommand(t, srv, "bob-password\n",
		"challenge", "--plain", "--username", "bob@example.com", "--password-stdin", "--poll-interval", "50ms")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if status := exitCode(t, cmd.Run()); status != 0 {
		t.Fatalf("exit %d\n%s\n%s", status, stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"Tenant: " + srv.URL, "Sending a push to Bob's phone", "Waiting for the approval", "Approved", "Signed in with MFA"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+stderr.String(), "\x1b") || strings.Contains(out+stderr.String(), "bob-password") || stderr.Len() != 0 {
		t.Errorf("stdout %q\nstderr %q", out, stderr.String())
	}
}

// TestBinaryInterruptedExits130 sends SIGINT while the run waits for the
// approval, as Ctrl+C does.
func TestBinaryInterruptedExits130(t *testing.T) {
	srv := sandboxFor(t, 0)
	cmd := mfapushCommand(t, srv, "bob-password\n",
		"challenge", "--username", "bob@example.com", "--password-stdin", "--poll-interval", "50ms")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	for lines.Scan() && !strings.HasPrefix(lines.Text(), "Waiting for the approval") {
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	sent := time.Now()
	for lines.Scan() { // drain, or the child could block writing
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if status := exitCode(t, err); status != 130 {
			t.Errorf("exit %d, want 130\n%s", status, stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("mfapush did not exit after SIGINT")
	}
	if took := time.Since(sent); took > 2*time.Second {
		t.Errorf("exited %v after SIGINT", took)
	}
	if !strings.Contains(stderr.String(), "Interrupted") || strings.Contains(stderr.String(), "reported above") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

func TestBinaryWrongPasswordAndJSON(t *testing.T) {
	srv := sandboxFor(t, 0)
	cmd := mfapushCommand(t, srv, "wrong\n", "authenticators", "--json", "--username", "bob@example.com", "--password-stdin")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if status := exitCode(t, cmd.Run()); status != 1 {
		t.Errorf("exit %d, want 1", status)
	}
	var report struct {
		Outcome string `json:"outcome"`
		Error   struct {
			Kind string `json:"kind"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(stdout.String()), &report); err != nil || report.Outcome != "error" || report.Error.Kind != "wrong_credentials" {
		t.Errorf("stdout %s (%v)", stdout.String(), err)
	}
	// The explanation once, and not fang's error line on top of it.
	if strings.Count(stderr.String(), "Wrong email or password") != 2 || strings.Contains(stderr.String(), "reported above") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

func TestBinaryHomeWithoutTerminal(t *testing.T) {
	srv := sandboxFor(t, 0)
	cmd := mfapushCommand(t, srv, "")
	out, err := cmd.CombinedOutput()
	if status := exitCode(t, err); status != 1 || !strings.Contains(string(out), "mfapush challenge or mfapush authenticators with --plain") {
		t.Errorf("exit %d\n%s", status, out)
	}
}
