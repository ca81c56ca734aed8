//go:build linux

package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/cast"
	"github.com/mfapush/mfapush/internal/cast/play"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// A run with --record writes a valid asciicast v2 recording of what the
// screen showed, in which the secrets the screen showed are masked: here
// the trace, with secrets revealed, shows the sandbox's client secret and
// the run's mfa_token.
func TestRecordMasksTheSecretsTheScreenShowed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "challenge.cast")
	p := startOnPty(t, nil, "challenge", "--reveal-secrets", "--record", path)
	p.waitFor("\x1b[?1049h")
	p.waitEchoOff()
	p.send("bob@example.com\tbob-password\r")
	p.waitFor("Choose the authenticator")
	p.send("\r")
	p.waitFor("Waiting for the approval")
	p.send("a") // the simulated phone approves
	p.waitFor("Signed in with MFA")
	p.send("t")
	p.waitFor("Request trace")
	p.send("\r") // the details of the last exchange, the one that earned the tokens
	p.waitFor("client_secret: ")
	p.send("q")
	if status := p.exit(); status != 0 {
		t.Fatalf("exit %d:\n%q", status, p.output())
	}

	shown := p.output()
	// The curl line is never wrapped (the detail's field may break at a
	// "-" in the token), so it shows a long piece of the token whole.
	mfaToken := regexp.MustCompile(`mfa_token[:=]\s*(Fe26\.2\*[^\s\x1b']{20,})`).FindStringSubmatch(shown)
	if mfaToken == nil || !strings.Contains(shown, sandboxClientSecret) {
		t.Fatalf("the screen did not show the secrets this test looks for:\n%q", shown)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("the recording is readable by others: %v", info.Mode())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{sandboxClientSecret, mfaToken[1], "bob-password"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the recording holds the secret %q", secret)
		}
	}

	rec, err := cast.Read(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("not a valid recording: %v", err)
	}
	if h := rec.Header; h.Width != 100 || h.Height != 34 || h.Env["TERM"] != "xterm-256color" {
		t.Errorf("header %+v", h)
	}
	player, err := play.Load(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	var sawTrace, sawSignedIn bool
	for _, s := range player.Screens() {
		sawSignedIn = sawSignedIn || s.Contains("Signed in with MFA")
		sawTrace = sawTrace || s.Contains("client_secret: "+strings.Repeat(cast.MaskGlyph, len(sandboxClientSecret)))
	}
	if !sawSignedIn || !sawTrace {
		t.Errorf("the recording lacks a step (signed in %v, masked trace %v)", sawSignedIn, sawTrace)
	}
}

// --record records the full-screen interface: a plain run refuses it.
func TestRecordRefusesAPlainRun(t *testing.T) {
	env, _ := homeEnv(t)
	_, stderr, status := runCLI(t, env, "challenge", "--plain", "--record", filepath.Join(t.TempDir(), "x.cast"))
	if status != 1 || !strings.Contains(stderr, "--record needs the full-screen interface") {
		t.Errorf("status %d, want 1\n%s", status, stderr)
	}
}

// --record is a flag of the commands that open the interface, and of no
// other.
func TestRecordIsAFlagOfTheInterface(t *testing.T) {
	root := newRootCommand(i18n.For(i18n.English))
	for _, path := range []string{"", "enroll", "challenge", "authenticators", "config", "sandbox", "decode", "version"} {
		cmd, _, err := root.Find(strings.Fields(path))
		if err != nil {
			t.Fatal(err)
		}
		want := path == "" || path == "enroll" || path == "challenge" || path == "authenticators"
		if takes(cmd, recordFlag) != want {
			t.Errorf("%q takes --record: %v", path, !want)
		}
	}
}

// The helpdesk console's recording masks what its own application met: a
// regenerated recovery code and an enrollment ticket's link, both shown on
// screen to hand out, never kept in a file.
func TestRecordMasksTheHelpdesksSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "helpdesk.cast")
	p := startOnPty(t, nil, "helpdesk", "--record", path)
	p.waitFor("\x1b[?1049h")
	p.send("bob@example.com\r")
	p.waitFor("Authentication methods")
	p.send("r")
	p.waitFor("New recovery code for")
	p.send("\r")
	p.waitForNth("Authentication methods", 2) // the card again
	p.send("e")
	p.waitFor("ticket=")
	p.send("q")
	p.exit()

	shown := p.output()
	code := regexp.MustCompile(`((?:[A-Z0-9]{4} ){5}[A-Z0-9]{4})`).FindStringSubmatch(shown)
	// The link may break over lines: its first line holds enough of the
	// ticket (the recording masks a token's runs of 8 characters or more).
	ticket := regexp.MustCompile(`ticket=([A-Za-z0-9]{8,})`).FindStringSubmatch(shown)
	if code == nil || ticket == nil {
		t.Fatalf("the screen did not show the secrets this test looks for:\n%q", shown)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{code[1], strings.ReplaceAll(code[1], " ", ""), ticket[1]} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the recording holds the secret %q", secret)
		}
	}
}

// A console that cannot open (no helpdesk application here) ends before
// the interface starts, and leaves no recording behind: none was begun.
func TestRecordLeavesNoFileWhenTheConsoleCannotOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "helpdesk.cast")
	p := startOnPty(t, []string{"AUTH0_DOMAIN=http://127.0.0.1:9", "AUTH0_CLIENT_ID=mfa-app"}, "helpdesk", "--record", path)
	if status := p.exit(); status != exitcode.Error {
		t.Fatalf("exit %d, want %d:\n%q", status, exitcode.Error, p.output())
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a recording was left at %s (%v)", path, err)
	}
}
