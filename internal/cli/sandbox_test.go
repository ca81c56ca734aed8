package cli

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/internal/i18n"
)

// serveSandbox runs the command's body until the test cancels it, and
// returns the variables of the export lines it printed first.
func serveSandbox(t *testing.T, f sandboxFlags) (map[string]string, func() error) {
	env, _, stop := serveSandboxLines(t, f)
	return env, stop
}

// serveSandboxLines is serveSandbox, with the lines as printed.
func serveSandboxLines(t *testing.T, f sandboxFlags) (map[string]string, []string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := runSandbox(ctx, pw, f, i18n.For(i18n.English))
		pw.Close()
		done <- err
	}()
	env := map[string]string{}
	var printed []string
	lines := bufio.NewScanner(pr)
	for lines.Scan() && lines.Text() != "" {
		printed = append(printed, lines.Text())
		k, v, _ := strings.Cut(strings.TrimPrefix(lines.Text(), "export "), "=")
		env[k] = v
	}
	drained := make(chan struct{})
	go func() { io.Copy(io.Discard, pr); close(drained) }()
	stop := sync.OnceValue(func() error {
		cancel()
		<-drained
		select {
		case err := <-done:
			return err
		case <-time.After(hangBound):
			return errors.New("the command did not stop")
		}
	})
	if len(env) == 0 {
		t.Fatalf("no output: %v", stop())
	}
	return env, printed, stop
}

// TestSandboxPrintsLinesAShellRuns: the lines sandbox prints first, pasted
// into a shell, export the variables that the README's curl commands and
// mfapush read (a child process sees them).
func TestSandboxPrintsLinesAShellRuns(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	env, printed, stop := serveSandboxLines(t, sandboxFlags{addr: "127.0.0.1:0", tls: true})
	defer stop()
	script := strings.Join(printed, "\n") + "\n" + `sh -c 'printf "%s\n" "$AUTH0_DOMAIN" "$AUTH0_CLIENT_ID" "$AUTH0_CLIENT_SECRET" "$SSL_CERT_FILE"'`
	cmd := exec.Command("sh", "-c", script)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := strings.Join([]string{env["AUTH0_DOMAIN"], "sandbox-client", "sandbox-secret", env["SSL_CERT_FILE"]}, "\n") + "\n"
	if string(out) != want || env["SSL_CERT_FILE"] == "" {
		t.Errorf("the shell exported\n%s\nwant\n%s\nfrom\n%s", out, want, strings.Join(printed, "\n"))
	}
}

func TestSandboxCommandServesUntilCancelled(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	env, stop := serveSandbox(t, sandboxFlags{addr: "127.0.0.1:0", minPollInterval: 5 * time.Second})
	if !strings.HasPrefix(env["AUTH0_DOMAIN"], "http://127.0.0.1:") || env["AUTH0_CLIENT_ID"] != "sandbox-client" || env["AUTH0_CLIENT_SECRET"] != "sandbox-secret" {
		t.Errorf("printed %v", env)
	}
	resp, err := http.Get(env["AUTH0_DOMAIN"] + "/sandbox")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Bob's phone") {
		t.Errorf("GET /sandbox: %d %s", resp.StatusCode, body)
	}
	http.DefaultClient.CloseIdleConnections()
	if err := stop(); err != nil {
		t.Errorf("stop: %v", err)
	}
	if _, err := http.Get(env["AUTH0_DOMAIN"] + "/sandbox"); err == nil {
		t.Error("still serving after cancel")
	}
}

func TestSandboxCommandTLS(t *testing.T) {
	env, stop := serveSandbox(t, sandboxFlags{addr: "127.0.0.1:0", tls: true})
	defer stop()
	caFile := env["SSL_CERT_FILE"]
	if !strings.HasPrefix(env["AUTH0_DOMAIN"], "https://127.0.0.1:") || caFile == "" {
		t.Fatalf("printed %v", env)
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	defer tr.CloseIdleConnections()
	for _, host := range []string{env["AUTH0_DOMAIN"], strings.Replace(env["AUTH0_DOMAIN"], "127.0.0.1", "localhost", 1)} {
		resp, err := (&http.Client{Transport: tr}).Get(host + "/.well-known/jwks.json")
		if err != nil {
			t.Fatalf("%s: %v", host, err)
		}
		resp.Body.Close()
	}
	tr.CloseIdleConnections()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(caFile); !os.IsNotExist(err) {
		t.Errorf("the CA file is still there: %v", err)
	}
}

func TestSandboxCommandRefusals(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	cases := map[string]struct {
		args []string
		want string
	}{
		"public address":   {[]string{"--addr", "0.0.0.0:8484"}, "refusing --addr 0.0.0.0:8484: listen on loopback"},
		"no port":          {[]string{"--addr", "localhost"}, `invalid --addr "localhost": use host:port`},
		"busy port":        {[]string{"--addr", busy.Addr().String()}, "port " + busy.Addr().String() + " is busy"},
		"bad duration":     {[]string{"--auto-approve", "soon"}, `invalid --auto-approve "soon": use a duration`},
		"negative poll":    {[]string{"--min-poll-interval", "-1s"}, "invalid --min-poll-interval -1s"},
		"bad scan as well": {[]string{"--auto-scan=5"}, `invalid --auto-scan "5"`},
	}
	for name, c := range cases {
		root := newRootCommand(i18n.For(i18n.English))
		root.SetArgs(append([]string{"sandbox"}, c.args...))
		root.SetOut(io.Discard)
		root.SetErr(io.Discard)
		err := root.ExecuteContext(context.Background())
		if exitStatus(context.Background(), err) != 1 || err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: exit %d, %v; want 1 and %q", name, exitStatus(context.Background(), err), err, c.want)
		}
		if err != nil && (strings.Contains(err.Error(), "\n") || len(err.Error()) > 74+len(busy.Addr().String())-len("127.0.0.1:8484")) {
			t.Errorf("%s: not one short line: %q", name, err)
		}
	}
}

// TestSandboxErrorOnStderr runs the real command line in a child process:
// fang prints an ERROR header and the message on one line.
func TestSandboxErrorOnStderr(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCLIHelperProcess$", "--", "sandbox", "--addr", "0.0.0.0:8484")
	cmd.Env = append(os.Environ(), "MFAPUSH_CLI_HELPER=1")
	var stderr, stdout strings.Builder
	cmd.Stderr, cmd.Stdout = &stderr, &stdout
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit: %v; stderr %q", err, stderr.String())
	}
	var lines []string
	for _, l := range strings.Split(stderr.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" && l != "ERROR" {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 || !strings.Contains(lines[0], "listen on loopback, such as 127.0.0.1:8484") {
		t.Errorf("stderr lines %q", lines)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout %q", stdout.String())
	}
}

// TestShellWordSurvivesAShell: a value the sandbox prints reads back the
// same through sh, whatever it holds.
func TestShellWordSurvivesAShell(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	for _, v := range []string{"http://127.0.0.1:8484", "/tmp/mfapush-sandbox-1/ca.pem", "/tmp/a b/c.pem", "it's", "$HOME `id`", ""} {
		out, err := exec.Command("sh", "-c", "printf %s "+shellWord(v)).Output()
		if err != nil || string(out) != v {
			t.Errorf("%q printed as %s read back %q (%v)", v, shellWord(v), out, err)
		}
	}
}
