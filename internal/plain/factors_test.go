package plain_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/internal/sandboxphone"
)

// TestEveryFactorEnrollsAndAnswersOnTheSandbox enrolls each factor beside
// push with the built-in sandbox's phone giving the code (its inbox, or
// its authenticator app), then answers MFA with the authenticator just
// enrolled: the JSON says which factor each time.
func TestEveryFactorEnrollsAndAnswersOnTheSandbox(t *testing.T) {
	for _, f := range []*flow.Factor{flow.OTP, flow.SMS, flow.Voice, flow.Email} {
		t.Run(f.ID, func(t *testing.T) {
			w := newWorld(t, nil)
			phone := &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone), Delay: 0}
			cfg := w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n")
			cfg.Factor, cfg.PhoneNumber, cfg.Email, cfg.Sandbox = f, "+33 6 12 34 56 78", "alice.codes@example.com", phone
			report, _, stderr, status := runJSON(t, cfg)
			if status != plain.ExitOK || report.Outcome != plain.OutcomeEnrolled {
				t.Fatalf("enroll: exit %d %s\n%s", status, report.Outcome, stderr)
			}
			e := report.Enrollment
			if e.Factor != f.ID || e.Authenticator == nil || e.Authenticator.Kind != f.Kind || !e.Authenticator.Active || e.RecoveryCodes != 1 {
				t.Fatalf("enrollment %+v", e)
			}
			want := map[*flow.Factor]string{flow.OTP: "passes on its first code", flow.SMS: "A code was sent by SMS to +33612345678.",
				flow.Voice: "A code was sent by voice call to +33612345678.", flow.Email: "A code was sent by email to alice.codes@example.com."}[f]
			if !strings.Contains(stderr, want) || !strings.Contains(stderr, "Enrolled "+e.Authenticator.ID) {
				t.Errorf("the output lacks %q:\n%s", want, stderr)
			}
			// Shown on purpose: the recovery code, and the app's QR code.
			w.secrets.check(t, "the output", stderr, "recovery_codes", "barcode_uri", "secret")
			if f == flow.OTP {
				return // its code was just used: TestOTPAnswersFromTheSandboxApp answers with the next
			}
			cfg = w.config(plain.CommandChallenge, "alice@example.com", "alice-password\n")
			cfg.AuthenticatorID, cfg.Sandbox = e.Authenticator.ID, phone
			report, _, stderr, status = runJSON(t, cfg)
			if status != plain.ExitOK || report.Challenge == nil || report.Challenge.Method != f.ID ||
				report.Challenge.Authenticator.ID != e.Authenticator.ID || report.Tokens == nil {
				t.Fatalf("challenge: exit %d %+v\n%s", status, report.Challenge, stderr)
			}
		})
	}
}

// TestOTPAnswersFromTheSandboxApp: --authenticator names the app alice
// enrolled; the sandbox's phone passes on its current code. The tenant
// takes each code once, so the clock moves to the app's next code first.
func TestOTPAnswersFromTheSandboxApp(t *testing.T) {
	srv := sandboxtest.Start(t, sandbox.Options{})
	client := srv.Client(t, auth0.Config{})
	phone := &plain.SandboxPhone{Phone: sandboxphone.New(srv.Phone)}
	config := func(c plain.Command) plain.Config {
		return plain.Config{Command: c, Env: flow.Env{Client: client, Ctx: context.Background(), Clock: srv.Clock},
			Username: "alice@example.com", Stdin: strings.NewReader("alice-password\n"), PasswordStdin: true,
			Stdout: &output{}, Stderr: &output{}, Sandbox: phone}
	}
	enroll := config(plain.CommandEnroll)
	enroll.Factor = flow.OTP
	report, _, stderr, status := runJSON(t, enroll)
	if status != plain.ExitOK {
		t.Fatalf("enroll: exit %d\n%s", status, stderr)
	}
	srv.Clock.Advance(30 * time.Second)
	cfg := config(plain.CommandChallenge)
	cfg.AuthenticatorID = report.Enrollment.Authenticator.ID
	report, _, stderr, status = runJSON(t, cfg)
	if status != plain.ExitOK || report.Challenge.Method != "otp" || !strings.Contains(stderr, "passes on the current code of its authenticator app") {
		t.Fatalf("exit %d %+v\n%s", status, report.Challenge, stderr)
	}
}

// TestCodeStdinConfirmsTheCodeThatArrived: a script reads the code where
// it arrived (here the sandbox's inbox, over the control API in real use)
// and writes it on the next line; a wrong code is Auth0's answer.
func TestCodeStdinConfirmsTheCodeThatArrived(t *testing.T) {
	for _, wrong := range []bool{false, true} {
		w := newWorld(t, nil)
		stdin, typing := io.Pipe()
		cfg := w.config(plain.CommandEnroll, "alice@example.com", "")
		cfg.Stdin, cfg.Factor, cfg.PhoneNumber, cfg.CodeStdin = stdin, flow.SMS, "+15555550100", true
		cfg.JSON = true
		r := start(cfg)
		fmt.Fprintln(typing, "alice-password")
		r.human.waitFor(t, "A code was sent by SMS to +15555550100.")
		msgs := w.srv.Phone.Messages(sandbox.MessageFilter{Channel: "sms"})
		if len(msgs) != 1 {
			t.Fatalf("inbox %+v", msgs)
		}
		code := msgs[0].Code
		if wrong {
			code = map[bool]string{true: "000000", false: "111111"}[code == "111111"]
		}
		fmt.Fprintln(typing, code[:3]+" "+code[3:]) // as a person types it
		status := r.wait(t)
		typing.Close()
		switch {
		case !wrong && status != plain.ExitOK:
			t.Errorf("right code: exit %d\n%s", status, r.stderr)
		case wrong && (status != plain.ExitError || !strings.Contains(r.stdout.String(), `"kind": "invalid_code"`)):
			t.Errorf("wrong code: exit %d\n%s\n%s", status, r.stdout, r.stderr)
		}
	}
}

// TestFactorInputFailsBeforeAnyRequest: a missing or malformed phone
// number or address, and --code-stdin without an authenticator, fail as
// input errors (exit 1) before anything is sent to the tenant.
func TestFactorInputFailsBeforeAnyRequest(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*plain.Config)
		want   string
	}{
		{"no number", func(c *plain.Config) { c.Factor = flow.Voice }, "No phone number: pass --phone-number"},
		{"local number", func(c *plain.Config) { c.Factor, c.PhoneNumber = flow.SMS, "06 12 34 56 78" }, "Start with + and the country code"},
		{"bad address", func(c *plain.Config) { c.Factor, c.Email = flow.Email, "alice@localhost" }, "A domain goes after the @"},
		{"no address", func(c *plain.Config) { c.Factor = flow.Email }, "No email address: pass --email."},
		{"code for nothing", func(c *plain.Config) { c.Command, c.CodeStdin = plain.CommandChallenge, true }, "name it with --authenticator"},
	} {
		w := newWorld(t, nil)
		cfg := w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n")
		c.change(&cfg)
		report, _, stderr, status := runJSON(t, cfg)
		if status != plain.ExitError || report.Error == nil || report.Error.Kind != "input" || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d %+v\n%s", c.name, status, report.Error, stderr)
		}
		if sent := len(w.srv.Requests("/oauth")) + len(w.srv.Requests("/mfa")); sent != 0 {
			t.Errorf("%s: %d requests went out", c.name, sent)
		}
	}
}

// TestChallengeByCodeWithoutASourceSaysHow: off the sandbox, with no
// terminal and no --code-stdin, the code sent cannot be read: the run says
// how to give it.
func TestChallengeByCodeWithoutASourceSaysHow(t *testing.T) {
	w := newWorld(t, nil)
	enroll := w.config(plain.CommandEnroll, "alice@example.com", "alice-password\n")
	enroll.Factor, enroll.Email = flow.Email, "alice@example.com"
	enroll.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone)}
	report, _, stderr, status := runJSON(t, enroll)
	if status != plain.ExitOK {
		t.Fatalf("enroll: %d\n%s", status, stderr)
	}
	cfg := w.config(plain.CommandChallenge, "alice@example.com", "alice-password\n")
	cfg.AuthenticatorID = report.Enrollment.Authenticator.ID
	report, _, stderr, status = runJSON(t, cfg)
	if status != plain.ExitError || report.Error == nil || report.Error.Kind != "input" || !strings.Contains(stderr, "pass --code-stdin") {
		t.Errorf("exit %d %+v\n%s", status, report.Error, stderr)
	}
	if len(w.srv.Phone.Messages(sandbox.MessageFilter{Channel: "email"})) != 2 {
		t.Error("the challenge sent no code")
	}
}

// TestPushTwinAnswersFromTheSandboxGuardian: --authenticator names the OTP
// twin of bob's push; the sandbox's phone passes on the code its Guardian
// account shows, as it does for an app enrolled alone, instead of asking
// for --code-stdin.
func TestPushTwinAnswersFromTheSandboxGuardian(t *testing.T) {
	w := newWorld(t, nil)
	phone := &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone)}
	list, _, stderr, status := runJSON(t, w.config(plain.CommandAuthenticators, "bob@example.com", "bob-password\n"))
	if status != plain.ExitOK {
		t.Fatalf("list: exit %d\n%s", status, stderr)
	}
	var twin string
	for _, a := range list.Authenticators {
		if a.Kind == auth0.KindOTP {
			twin = a.ID
		}
	}
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
	cfg.AuthenticatorID, cfg.Sandbox = twin, phone
	report, _, stderr, status := runJSON(t, cfg)
	if status != plain.ExitOK || report.Challenge == nil || report.Challenge.Method != "otp" || report.Tokens == nil ||
		!strings.Contains(stderr, "passes on the current code of its authenticator app") {
		t.Fatalf("challenge %s: exit %d %+v\n%s", twin, status, report.Challenge, stderr)
	}
}

// TestUnknownAuthenticatorSaysWhereIDsAre: an --authenticator id the user
// does not have is an input error that says how to list the ids, and, on
// the built-in sandbox, that its ids are new at each run.
func TestUnknownAuthenticatorSaysWhereIDsAre(t *testing.T) {
	for _, onSandbox := range []bool{false, true} {
		w := newWorld(t, nil)
		cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
		cfg.AuthenticatorID = "push|dev_fromAnotherRun0"
		if onSandbox {
			cfg.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone)}
		}
		report, _, stderr, status := runJSON(t, cfg)
		if status != plain.ExitError || report.Error == nil || report.Error.Kind != "input" ||
			!strings.Contains(stderr, "What to do: mfapush authenticators --plain lists") ||
			strings.Contains(stderr, "starts afresh at each run") != onSandbox {
			t.Errorf("sandbox %v: exit %d %+v\n%s", onSandbox, status, report.Error, stderr)
		}
	}
}
