//go:build unix

package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// TestREADMECommands runs the README's commands: every sh block and every
// `mfapush …` in the text. Each is in readmeCases, run against a sandbox
// with the built binary first on PATH, or listed with the reason it cannot
// run here; a command of the README that no case knows fails the test, and
// so does a case that matches nothing, so the README and this test change
// together.
func TestREADMECommands(t *testing.T) {
	bin := mfapushBinary(t)
	text := readme(t)
	var commands []string
	for _, m := range regexp.MustCompile("(?ms)^```sh\n(.*?)^```$").FindAllStringSubmatch(text, -1) {
		commands = append(commands, strings.TrimSpace(m[1]))
	}
	for _, m := range regexp.MustCompile("`(mfapush(?: [^`]*)?)`").FindAllStringSubmatch(text, -1) {
		commands = append(commands, m[1])
	}
	matched := map[int]int{}
	for _, command := range commands {
		var found []int
		for i, c := range readmeCases {
			if c.match(command) {
				found = append(found, i)
			}
		}
		if len(found) != 1 {
			t.Errorf("the README's command is known to %d cases, want 1:\n%s", len(found), command)
			continue
		}
		c := readmeCases[found[0]]
		matched[found[0]]++
		if c.reason != "" {
			t.Logf("not run: %s: %s", firstLine(command), c.reason)
			continue
		}
		t.Run(firstLine(command), func(t *testing.T) { c.run(t, &readmeRunner{t: t, bin: bin}, command) })
	}
	for i, c := range readmeCases {
		if matched[i] == 0 {
			t.Errorf("case %d (%s) matches no command of the README", i, c.name)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// readmeCase is what the test does with the README's commands it matches:
// run them, or not, for the reason given.
type readmeCase struct {
	name   string
	match  func(command string) bool
	reason string
	run    func(t *testing.T, r *readmeRunner, command string)
}

func is(s string) func(string) bool { return func(c string) bool { return c == s } }

func startsWith(s string) func(string) bool {
	return func(c string) bool { return strings.HasPrefix(c, s) }
}

var readmeCases = []readmeCase{
	{name: "set up", match: startsWith("go run .\ngo test ./..."),
		reason: "go run . opens the interface, which needs a person at a terminal (TestTUIExitStatuses runs it on a pseudo-terminal); go test ./... is the suite this test is part of"},
	{name: "the interface", match: func(c string) bool {
		return c == "mfapush" || c == "mfapush enroll" || c == "mfapush challenge" || c == "mfapush authenticators"
	}, reason: "opens the interface, which needs a person at a terminal (TestTUIExitStatuses runs it on a pseudo-terminal)"},
	{name: "the demo", match: func(c string) bool {
		return c == "mfapush demo" || c == "mfapush --present" || strings.HasPrefix(c, "mfapush demo --")
	}, reason: "plays to a person at a terminal (TestDemoOnATerminal runs it on a pseudo-terminal)"},
	{name: "the README's animation", match: startsWith("go run . demo --record /tmp/demo.cast --size 100x34"),
		reason: "rewrites docs/images/demo.svg; TestDemoRecordsTheWholeStory records the story without a terminal and plays it back"},
	{name: "a recording", match: is("mfapush --record demo.cast"),
		reason: "opens the interface, which needs a person at a terminal (TestRecordMasksTheSecretsTheScreenShowed records a run on a pseudo-terminal)"},
	{name: "a real tenant", match: func(c string) bool {
		return strings.Contains(c, "dev-abc123.us.auth0.com") || c == "mfapush --profile helpdesk-eu enroll"
	}, reason: "needs a real Auth0 tenant and a person to approve on a phone"},
	{name: "the curl walk-through", match: func(c string) bool {
		return strings.Contains(c, "curl") && !strings.Contains(c, "mfapush")
	}, reason: "runs in auth0/sandbox TestREADMEWalkThrough, against a fresh sandbox"},

	{name: "--help", match: is("mfapush --help"), run: func(t *testing.T, r *readmeRunner, command string) {
		out := r.ok(command, nil)
		if !strings.Contains(out, "Exit status") || !strings.Contains(out, "143 SIGTERM") {
			t.Errorf("the help lacks the exit statuses:\n%s", out)
		}
	}},
	{name: "decode", match: is("mfapush decode"), run: func(t *testing.T, r *readmeRunner, command string) {
		token := jwtFor(`{"alg":"RS256","typ":"JWT"}`, `{"sub":"auth0|bob"}`)
		if out := r.ok("echo "+token+" | "+command, nil); !strings.Contains(out, "auth0|bob") {
			t.Errorf("decode:\n%s", out)
		}
	}},
	{name: "plain mode on the embedded sandbox", match: startsWith("echo bob-password | mfapush challenge --plain"),
		run: func(t *testing.T, r *readmeRunner, command string) {
			var report struct {
				Outcome  string `json:"outcome"`
				ExitCode int    `json:"exit_code"`
			}
			out := r.ok(command, nil)
			if err := json.Unmarshal([]byte(out), &report); err != nil || report.Outcome != "approved" || report.ExitCode != 0 {
				t.Errorf("report %+v (%v):\n%s", report, err, out)
			}
		}},
	{name: "plain enrollment of SMS on the embedded sandbox", match: startsWith("echo alice-password | mfapush enroll --plain"),
		run: func(t *testing.T, r *readmeRunner, command string) {
			var report struct {
				Outcome    string `json:"outcome"`
				Enrollment struct {
					Factor string `json:"factor"`
				} `json:"enrollment"`
			}
			out := r.ok(command, nil)
			if err := json.Unmarshal([]byte(out), &report); err != nil || report.Outcome != "enrolled" || report.Enrollment.Factor != "sms" {
				t.Errorf("report %+v (%v):\n%s", report, err, out)
			}
		}},
	{name: "plain codes on mfapush sandbox", match: func(c string) bool { return strings.Contains(c, "--otp-stdin") },
		run: func(t *testing.T, r *readmeRunner, command string) {
			r.needs("curl", "jq")
			exports, _ := r.sandbox()
			out := r.ok(command, exports)
			if strings.Count(out, "Signed in with MFA") != 2 || !strings.Contains(out, "Checking the code") || !strings.Contains(out, "Your new recovery code: ") {
				t.Errorf("output:\n%s", out)
			}
		}},
	{name: "config", match: is("mfapush config"), run: func(t *testing.T, r *readmeRunner, command string) {
		fr := i18n.For(i18n.French).Config // the README's profile speaks French
		path := r.writeREADMEConfig("")
		out := r.ok(command, map[string]string{"AUTH0_AUDIENCE": "https://api.example.com"})
		for _, want := range []string{
			fmt.Sprintf(fr.FileProfile, path, "helpdesk-eu"),
			fmt.Sprintf(fr.ShortProfile, "helpdesk-eu"), fmt.Sprintf(fr.FromEnv, "AUTH0_AUDIENCE"), fr.Default,
			"••••••••" + readmeSecret[len(readmeSecret)-4:],
		} {
			if !strings.Contains(out, want) {
				t.Errorf("mfapush config lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, readmeSecret) {
			t.Errorf("the secret is shown:\n%s", out)
		}
		// A problem in the file names its line.
		path = r.writeREADMEConfig(`theme = "pink"` + "\n")
		stdout, stderr, status := r.sh(command, nil)
		if status != 1 || !strings.Contains(stdout, path) || !regexp.MustCompile(`, ligne \d+\)`).MatchString(stdout) {
			t.Errorf("a bad theme: status %d, want 1 and the file's line\n%s\n%s", status, stdout, stderr)
		}
	}},
	{name: "completions", match: is("mfapush completion bash|zsh|fish"), run: func(t *testing.T, r *readmeRunner, command string) {
		for _, shell := range []string{"bash", "zsh", "fish"} {
			if out := r.ok("mfapush completion "+shell, nil); !strings.Contains(out, "mfapush") {
				t.Errorf("%s: %q", shell, out)
			}
		}
	}},
	{name: "man page", match: is("mfapush man"), run: func(t *testing.T, r *readmeRunner, command string) {
		if out := r.ok(command, nil); !strings.HasPrefix(out, ".TH") {
			t.Errorf("not a man page: %.200q", out)
		}
	}},
	{name: "the sandbox for curl", match: func(c string) bool { return c == "go run . sandbox" || c == "mfapush sandbox" },
		run: func(t *testing.T, r *readmeRunner, command string) {
			_, cmd := r.sandbox()
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			if status := statusOf(waitAtMost(t, cmd, hangBound)); status != 130 {
				t.Errorf("Ctrl+C stopped the sandbox with %d, want 130", status)
			}
		}},
	{name: "the sandbox's lines", match: startsWith("export AUTH0_DOMAIN=http://127.0.0.1:8484\n"),
		run: func(t *testing.T, r *readmeRunner, command string) {
			_, printed := r.sandboxLines()
			url := strings.TrimPrefix(printed[0], "export AUTH0_DOMAIN=")
			if got := strings.ReplaceAll(strings.Join(printed, "\n"), url, "http://127.0.0.1:8484"); got != command {
				t.Errorf("sandbox printed\n%s\nthe README shows\n%s", got, command)
			}
		}},
	{name: "the sandbox over https", match: is("mfapush sandbox --tls"), run: func(t *testing.T, r *readmeRunner, command string) {
		exports, cmd := r.sandbox("--tls")
		ca := exports["SSL_CERT_FILE"]
		if pem, err := os.ReadFile(ca); err != nil || !strings.Contains(string(pem), "BEGIN CERTIFICATE") {
			t.Fatalf("SSL_CERT_FILE %q: %v", ca, err)
		}
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if status := statusOf(waitAtMost(t, cmd, hangBound)); status != 143 {
			t.Errorf("SIGTERM stopped the sandbox with %d, want 143", status)
		}
		if _, err := os.Stat(ca); !os.IsNotExist(err) {
			t.Errorf("the CA is still there: %v", err)
		}
	}},
}

// readmeSecret is the client secret of the README's profile, in the file
// the profile names.
const readmeSecret = "Rd7-readme-s3cr3t-from-a-file-0042"

// readmeRunner runs commands as the README's reader would: in sh, with the
// built mfapush first on PATH, in a home of their own, English, and no
// tenant configured (the embedded sandbox).
type readmeRunner struct {
	t    *testing.T
	bin  string
	home string
}

func (r *readmeRunner) env(extra map[string]string) []string {
	if r.home == "" {
		r.home = r.t.TempDir()
	}
	env := []string{
		"PATH=" + filepath.Dir(r.bin) + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + r.home, "XDG_CONFIG_HOME=" + filepath.Join(r.home, ".config"), "LANG=C",
	}
	for k, v := range extra {
		env = append(env, k+"="+v)
	}
	return env
}

// sh runs command in sh, "go run ." standing for the built mfapush.
func (r *readmeRunner) sh(command string, extra map[string]string) (stdout, stderr string, status int) {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", strings.ReplaceAll(command, "go run .", "mfapush"))
	cmd.Env = r.env(extra)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // no terminal to ask on
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	status = statusOf(cmd.Run())
	return out.String(), errOut.String(), status
}

// ok runs command and fails the test unless it exits 0.
func (r *readmeRunner) ok(command string, extra map[string]string) string {
	r.t.Helper()
	stdout, stderr, status := r.sh(command, extra)
	if status != 0 {
		r.t.Fatalf("exit %d:\n%s\n%s", status, stdout, stderr)
	}
	return stdout
}

func (r *readmeRunner) needs(tools ...string) {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			r.t.Skipf("%s is not installed", tool)
		}
	}
}

// sandbox starts mfapush sandbox with args on a free port (the README's
// 8484 may be taken), and returns the variables of its export lines and
// the running command, stopped at the end of the test.
func (r *readmeRunner) sandbox(args ...string) (map[string]string, *exec.Cmd) {
	r.t.Helper()
	exports, _, cmd := r.startSandbox(args...)
	return exports, cmd
}

// sandboxLines is sandbox, with the export lines as printed.
func (r *readmeRunner) sandboxLines(args ...string) (map[string]string, []string) {
	r.t.Helper()
	exports, printed, _ := r.startSandbox(args...)
	return exports, printed
}

func (r *readmeRunner) startSandbox(args ...string) (map[string]string, []string, *exec.Cmd) {
	r.t.Helper()
	cmd := exec.Command(r.bin, append([]string{"sandbox", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = r.env(nil)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		r.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	exports := map[string]string{}
	var printed []string
	lines := bufio.NewScanner(stdout)
	for lines.Scan() && lines.Text() != "" {
		printed = append(printed, lines.Text())
		name, value, _ := strings.Cut(strings.TrimPrefix(lines.Text(), "export "), "=")
		exports[name] = value
	}
	go func() { // drain: the sandbox prints on
		for lines.Scan() {
		}
	}()
	if exports["AUTH0_DOMAIN"] == "" {
		r.t.Fatalf("sandbox printed %q", printed)
	}
	return exports, printed, cmd
}

// writeREADMEConfig writes the README's config file (with more lines in
// its profile) and the secret file it names, both private, and returns the
// config file's path.
func (r *readmeRunner) writeREADMEConfig(more string) string {
	r.t.Helper()
	m := regexp.MustCompile("(?ms)^```toml\n(.*?)^```$").FindStringSubmatch(readme(r.t))
	if m == nil {
		r.t.Fatal("the README has no config file")
	}
	r.env(nil)
	dir := filepath.Join(r.home, ".config", "mfapush")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		r.t.Fatal(err)
	}
	path := filepath.Join(dir, "config.toml")
	for name, content := range map[string]string{path: m[1] + more, filepath.Join(dir, "helpdesk-eu.secret"): readmeSecret + "\n"} {
		if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
			r.t.Fatal(err)
		}
	}
	return path
}
