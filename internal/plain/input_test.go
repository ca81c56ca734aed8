package plain_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
)

// fakeTerminal answers prompts from a script; a missing answer ends the
// input, and "block" waits for the context to end, as a person who never
// types does.
type fakeTerminal struct {
	answers []string
	prompts []string
}

func (f *fakeTerminal) ReadLine(ctx context.Context, prompt string) (string, error) {
	return f.answer(ctx, prompt)
}

func (f *fakeTerminal) ReadPassword(ctx context.Context, prompt string) (string, error) {
	return f.answer(ctx, prompt)
}

func (f *fakeTerminal) answer(ctx context.Context, prompt string) (string, error) {
	f.prompts = append(f.prompts, prompt)
	if len(f.answers) == 0 {
		return "", io.EOF
	}
	a := f.answers[0]
	f.answers = f.answers[1:]
	if a == "block" {
		<-ctx.Done()
		return "", ctx.Err()
	}
	return a, nil
}

func TestPromptsOnTheTerminal(t *testing.T) {
	w := newWorld(t, nil)
	term := &fakeTerminal{answers: []string{" bob@example.com ", "bob-password"}}
	cfg := w.config(plain.CommandAuthenticators, "", "")
	cfg.PasswordStdin, cfg.Terminal = false, term
	out, errOut, status := runToEnd(t, cfg)
	if status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, errOut)
	}
	want := []string{"Email: ", "Password for bob@example.com (not shown): "}
	if strings.Join(term.prompts, "|") != strings.Join(want, "|") {
		t.Errorf("prompts %q, want %q", term.prompts, want)
	}
	if strings.Contains(out+errOut, "bob-password") {
		t.Error("the password was printed")
	}
}

func TestInputProblemsFailBeforeAnyRequest(t *testing.T) {
	cases := map[string]struct {
		user, stdin   string
		passwordStdin bool
		otpStdin      bool
		terminal      plain.Terminal
		wantStatus    int
		wantOutcome   plain.Outcome
		wantText      string
		wantErrorKind string // "" for none
	}{
		"no username and no terminal": {stdin: "pw\n", passwordStdin: true, wantStatus: 1, wantOutcome: plain.OutcomeError,
			wantText: "pass --username", wantErrorKind: "input"},
		"no password and no terminal": {user: "bob@example.com", wantStatus: 1, wantOutcome: plain.OutcomeError,
			wantText: "pipe it in with --password-stdin", wantErrorKind: "input"},
		"nothing on stdin": {user: "bob@example.com", passwordStdin: true, wantStatus: 1, wantOutcome: plain.OutcomeError,
			wantText: "--password-stdin: nothing came on standard input.", wantErrorKind: "input"},
		"an empty password line": {user: "bob@example.com", stdin: "\n", passwordStdin: true, wantStatus: 1,
			wantOutcome: plain.OutcomeError, wantText: "The password is empty.", wantErrorKind: "input"},
		"no code after the password": {user: "bob@example.com", stdin: "bob-password\n", passwordStdin: true, otpStdin: true,
			wantStatus: 1, wantOutcome: plain.OutcomeError, wantText: "--otp-stdin: nothing came", wantErrorKind: "input"},
		"a code that is not 6 digits": {user: "bob@example.com", stdin: "bob-password\n12345x\n", passwordStdin: true, otpStdin: true,
			wantStatus: 1, wantOutcome: plain.OutcomeError, wantText: "--otp-stdin wants the 6 digits", wantErrorKind: "input"},
		"Ctrl+D at the password prompt": {user: "bob@example.com", terminal: &fakeTerminal{}, wantStatus: 2,
			wantOutcome: plain.OutcomeCancelled, wantText: "Cancelled."},
	}
	for name, c := range cases {
		w := newWorld(t, nil)
		cfg := w.config(plain.CommandChallenge, c.user, c.stdin)
		cfg.PasswordStdin, cfg.OTPStdin, cfg.Terminal = c.passwordStdin, c.otpStdin, c.terminal
		report, _, errOut, status := runJSON(t, cfg)
		if status != c.wantStatus || report.Outcome != c.wantOutcome || !strings.Contains(errOut, c.wantText) {
			t.Errorf("%s: exit %d, outcome %s, want %d %s and %q in\n%s", name, status, report.Outcome, c.wantStatus, c.wantOutcome, c.wantText, errOut)
		}
		if (report.Error == nil) != (c.wantErrorKind == "") || report.Error != nil && report.Error.Kind != c.wantErrorKind {
			t.Errorf("%s: error %+v", name, report.Error)
		}
		if n := len(w.srv.Requests("/oauth")) + len(w.srv.Requests("/mfa")); n != 0 {
			t.Errorf("%s: %d requests sent", name, n)
		}
	}
}

func TestInterruptedAtThePrompt(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "")
	cfg.PasswordStdin, cfg.Terminal = false, &fakeTerminal{answers: []string{"block"}}
	r, cancel := startInterruptible(cfg)
	cancel()
	if status := r.wait(t); status != plain.ExitInterrupted {
		t.Fatalf("exit %d, want 130\n%s", status, r.stderr)
	}
}
