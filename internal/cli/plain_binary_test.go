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

// TestBinarySignalsDuringTheWait sends SIGINT (as Ctrl+C does), SIGTERM
// and SIGHUP while the run waits for the approval: each ends it at once
// with 128 plus the signal's number, in the JSON report too.
func TestBinarySignalsDuringTheWait(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143, syscall.SIGHUP: 129} {
		t.Run(sig.String(), func(t *testing.T) {
			srv := sandboxFor(t, 0)
			cmd := mfapushCommand(t, srv, "bob-password\n",
				"challenge", "--json", "--username", "bob@example.com", "--password-stdin", "--poll-interval", "50ms")
			var stdout, stderr syncBuilder
			cmd.Stdout = &stdout
			stderrPipe, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			lines := bufio.NewScanner(stderrPipe)
			for lines.Scan() && !strings.HasPrefix(lines.Text(), "Waiting for the approval") {
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			for lines.Scan() { // drain, or the child could block writing
				stderr.WriteString(lines.Text() + "\n")
			}
			if status := statusOf(waitAtMost(t, cmd, hangBound)); status != want {
				t.Errorf("exit %d, want %d\n%s", status, want, stderr.String())
			}
			if !strings.Contains(stderr.String(), "Interrupted") || strings.Contains(stderr.String(), "reported above") {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			var report struct {
				Outcome  string `json:"outcome"`
				ExitCode int    `json:"exit_code"`
			}
			if err := json.Unmarshal([]byte(stdout.String()), &report); err != nil || report.Outcome != "interrupted" || report.ExitCode != want {
				t.Errorf("report %+v (%v), want exit_code %d:\n%s", report, err, want, stdout.String())
			}
		})
	}
}

// syncBuilder is a strings.Builder a child process's output can be copied
// into while the test reads it.
type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) WriteString(v string) { s.Write([]byte(v)) }

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
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

// TestBinaryRecoveryCode answers bob's MFA with his recovery code from
// stdin, against the sandbox, as a script would: no push, the new code on
// stdout. --otp-stdin with it is a mistake on the command line.
func TestBinaryRecoveryCode(t *testing.T) {
	srv := sandboxFor(t, 0)
	code := ""
	for _, u := range srv.Tenant.Users() {
		if u.Email == "bob@example.com" {
			code = u.RecoveryCode
		}
	}
	cmd := mfapushCommand(t, srv, "bob-password\n"+code+"\n",
		"challenge", "--username", "bob@example.com", "--password-stdin", "--recovery-code-stdin")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if status := exitCode(t, cmd.Run()); status != 0 {
		t.Fatalf("exit %d\n%s\n%s", status, stdout.String(), stderr.String())
	}
	for _, want := range []string{"Checking the recovery code", "Your new recovery code: ", "Signed in with MFA"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	if strings.Contains(stdout.String()+stderr.String(), code) || len(srv.Phone.Notifications()) != 0 {
		t.Errorf("the used code shown, or a push sent:\n%s\n%s", stdout.String(), stderr.String())
	}

	both := mfapushCommand(t, srv, "bob-password\n123456\n",
		"challenge", "--username", "bob@example.com", "--password-stdin", "--recovery-code-stdin", "--otp-stdin")
	out, err := both.CombinedOutput()
	if status := exitCode(t, err); status != 1 || !strings.Contains(string(out), "--otp-stdin and --recovery-code-stdin cannot go together") {
		t.Errorf("both: exit %d\n%s", status, out)
	}
}
