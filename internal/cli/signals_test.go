//go:build linux

package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The plain password prompt holds the terminal (echo off, a read pending)
// when Ctrl+C, SIGTERM, SIGHUP, Ctrl+D or the password comes: the run must
// end at once with the status of the table, give the terminal back as it
// found it, and never ask the terminal anything on the way out (NO_COLOR
// or not).
func TestThePlainPasswordPromptEndsAtOnce(t *testing.T) {
	for name, tc := range map[string]struct {
		end  func(p *ptyRun)
		want int
		says string
	}{
		"ctrl+c":         {func(p *ptyRun) { p.send("\x03") }, 130, "Interrupted."},
		"SIGTERM":        {func(p *ptyRun) { p.signal(syscall.SIGTERM) }, 143, "Interrupted."},
		"SIGHUP":         {func(p *ptyRun) { p.signal(syscall.SIGHUP) }, 129, ""},
		"ctrl+d":         {func(p *ptyRun) { p.send("\x04") }, 2, "Cancelled."},
		"wrong password": {func(p *ptyRun) { p.send("wrong\r") }, 1, "Wrong email or password"},
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
			if !strings.Contains(p.output(), tc.says) {
				t.Errorf("the run did not say %q:\n%q", tc.says, p.output())
			}
		})
	}
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

// The interface ends with the status of the key or signal that ended it,
// and gives the terminal back (settings, main screen, cursor) every time,
// the terminal closing (SIGHUP) included.
func TestTUIExitStatuses(t *testing.T) {
	for name, tc := range map[string]struct {
		args []string
		end  func(p *ptyRun)
		want int
	}{
		"q on the home screen":        {nil, func(p *ptyRun) { p.send("q") }, 0},
		"ctrl+c on the home screen":   {nil, func(p *ptyRun) { p.send("\x03") }, 130},
		"ctrl+c at the sign-in":       {[]string{"enroll"}, func(p *ptyRun) { p.send("\x03") }, 130},
		"SIGINT at the sign-in":       {[]string{"enroll"}, func(p *ptyRun) { p.signal(syscall.SIGINT) }, 130},
		"SIGTERM at the sign-in":      {[]string{"challenge"}, func(p *ptyRun) { p.signal(syscall.SIGTERM) }, 143},
		"SIGHUP at the sign-in":       {[]string{"enroll"}, func(p *ptyRun) { p.signal(syscall.SIGHUP) }, 129},
		"SIGHUP on the home screen":   {nil, func(p *ptyRun) { p.signal(syscall.SIGHUP) }, 129},
		"SIGTERM on the home screen":  {nil, func(p *ptyRun) { p.signal(syscall.SIGTERM) }, 143},
		"ctrl+c on the list sign-in":  {[]string{"authenticators"}, func(p *ptyRun) { p.send("\x03") }, 130},
		"SIGINT on the home screen":   {nil, func(p *ptyRun) { p.signal(syscall.SIGINT) }, 130},
		"SIGHUP, the list's sign-in":  {[]string{"authenticators"}, func(p *ptyRun) { p.signal(syscall.SIGHUP) }, 129},
		"SIGTERM, the list's sign-in": {[]string{"authenticators"}, func(p *ptyRun) { p.signal(syscall.SIGTERM) }, 143},
	} {
		t.Run(name, func(t *testing.T) {
			p := startOnPty(t, nil, tc.args...)
			p.waitFor("\x1b[?1049h")
			p.waitEchoOff()
			tc.end(p)
			if status := p.exit(); status != tc.want {
				t.Errorf("exit %d, want %d", status, tc.want)
			}
			assertScreenRestored(t, p.output())
		})
	}
}

// SIGHUP stops `mfapush sandbox --tls` as Ctrl+C does: the folder of its
// CA goes with it.
func TestSandboxRemovesItsCAOnEverySignal(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGHUP: 129, syscall.SIGINT: 130, syscall.SIGTERM: 143} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestCLIHelperProcess$", "--", "sandbox", "--tls", "--addr", "127.0.0.1:0")
			cmd.Env = append(cleanEnv(), "MFAPUSH_CLI_HELPER=1", "LANG=C")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			caFile := ""
			lines := bufio.NewScanner(stdout)
			for caFile == "" && lines.Scan() {
				if v, ok := strings.CutPrefix(strings.TrimPrefix(lines.Text(), "export "), "SSL_CERT_FILE="); ok {
					caFile = v
				}
			}
			if _, err := os.Stat(caFile); err != nil {
				cmd.Process.Kill()
				t.Fatalf("no CA file (%q): %v", caFile, err)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			go io.Copy(io.Discard, stdout)
			if status := statusOf(waitAtMost(t, cmd, hangBound)); status != want {
				t.Errorf("exit %d, want %d", status, want)
			}
			if _, err := os.Stat(filepath.Dir(caFile)); !os.IsNotExist(err) {
				t.Errorf("the CA's folder is still there: %v", err)
			}
		})
	}
}

// mfapush config --reveal-secrets against a real tenant asks first, on the
// terminal: yes shows the secret; anything else, or end of input, keeps it
// hidden (2); Ctrl+C ends the question at once (130).
func TestConfigRevealQuestionOnATerminal(t *testing.T) {
	tenant := []string{"AUTH0_DOMAIN=acme.eu.auth0.com", "AUTH0_CLIENT_ID=AbC123", "AUTH0_CLIENT_SECRET=" + cliSecret}
	for answer, want := range map[string]int{"yes\r": 0, "no\r": 2, "\x04": 2, "\x03": 130} {
		t.Run(strings.Trim(fmt.Sprintf("%q", answer), `"`), func(t *testing.T) {
			p := startOnPty(t, tenant, "config", "--reveal-secrets")
			p.waitFor("Type yes to go on: ")
			p.send(answer)
			if status := p.exit(); status != want {
				t.Errorf("exit %d, want %d:\n%q", status, want, p.output())
			}
			if shown := strings.Contains(p.output(), cliSecret); shown != (want == 0) {
				t.Errorf("secret shown: %v:\n%q", shown, p.output())
			}
			assertNoTerminalQueries(t, p.output())
		})
	}
}

// mfapush decode with a terminal on stdin asks for the token (read without
// echo: it may be live), decodes what is pasted, and lets Ctrl+C (130) or
// Ctrl+D (2, nothing decoded) end the question.
func TestDecodeOnATerminal(t *testing.T) {
	token := jwtFor(`{"alg":"RS256","typ":"JWT"}`, `{"sub":"auth0|bob","scope":"openid"}`)
	for name, tc := range map[string]struct {
		keys string
		want int
		says string
	}{
		"pasted": {token + "\r", 0, "auth0|bob"},
		"bearer": {"\r  Bearer " + token + "\r", 0, "auth0|bob"},
		"ctrl+c": {"\x03", 130, ""},
		"ctrl+d": {"\x04", 2, "Nothing pasted"},
		"no jwt": {"Fe26.2*opaque\r", 1, "This is not a JWT"},
		"french": {"\x04", 2, "Rien n’a été collé"},
	} {
		t.Run(name, func(t *testing.T) {
			var env []string
			if name == "french" {
				env = []string{"MFAPUSH_LANG=fr"}
			}
			p := startOnPty(t, env, "decode")
			if name == "french" {
				p.waitFor("Collez un JWT")
			} else {
				p.waitFor("Paste a JWT")
			}
			p.waitEchoOff()
			p.send(tc.keys)
			if status := p.exit(); status != tc.want {
				t.Errorf("exit %d, want %d:\n%q", status, tc.want, p.output())
			}
			if !strings.Contains(p.output(), tc.says) {
				t.Errorf("the output lacks %q:\n%q", tc.says, p.output())
			}
			if strings.Contains(p.output(), token[len(token)-8:]) {
				t.Errorf("the token was echoed:\n%q", p.output())
			}
			assertNoTerminalQueries(t, p.output())
		})
	}
}
