package plain_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/internal/sandboxphone"
)

// challengeAnswered pushes bob's phone and answers the push with answer.
func challengeAnswered(t *testing.T, w *world, cfg plain.Config, answer func(*sandbox.Phone, string) error) (*run, int) {
	t.Helper()
	r := start(cfg)
	note := awaitPush(t, w.srv.Phone)
	r.human.waitFor(t, "Waiting for the approval (next check in")
	if err := answer(w.srv.Phone, note.ID); err != nil {
		t.Fatal(err)
	}
	return r, r.wait(t)
}

func approve(p *sandbox.Phone, id string) error { return p.Approve(context.Background(), id) }
func reject(p *sandbox.Phone, id string) error  { return p.Reject(context.Background(), id, "") }

func TestChallengeApproved(t *testing.T) {
	w := newWorld(t, nil)
	r, status := challengeAnswered(t, w, w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"), approve)
	out := r.stdout.String()
	if status != plain.ExitOK {
		t.Fatalf("exit %d\n%s\n%s", status, out, r.stderr)
	}
	for _, want := range []string{
		"Signing in as bob@example.com…",
		"Sending a push to Bob's phone (push|dev_",
		"Approved", "Token type: Bearer", "Scope: openid profile email",
		"Access token: hidden: pass --show-tokens to print it",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	assertNoEscapes(t, out+r.stderr.String())
	w.secrets.check(t, "the output", out+r.stderr.String())
}

func TestChallengeRejectedExitsTwo(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
	cfg.JSON = true
	r, status := challengeAnswered(t, w, cfg, reject)
	if status != plain.ExitCancelled {
		t.Fatalf("exit %d, want 2\n%s", status, r.stderr)
	}
	if !strings.Contains(r.stderr.String(), "Rejected on the device") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	var report plain.Report
	if err := json.Unmarshal([]byte(r.stdout.String()), &report); err != nil {
		t.Fatal(err)
	}
	if report.Outcome != plain.OutcomeRejected || report.ExitCode != 2 || report.Challenge.Outcome != plain.OutcomeRejected || report.Tokens != nil {
		t.Errorf("report %+v, challenge %+v", report, report.Challenge)
	}
}

// TestChallengeInterruptedCancelsTheWait ends the context while the run
// waits, as Ctrl+C does: exit 130 and no request after that.
func TestChallengeInterruptedCancelsTheWait(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
	cfg.JSON = true
	r, cancel := startInterruptible(cfg)
	defer cancel()
	awaitPush(t, w.srv.Phone)
	r.human.waitFor(t, "Waiting for the approval (next check in")
	cancel()
	if status := r.wait(t); status != plain.ExitInterrupted {
		t.Fatalf("exit %d, want 130\n%s", status, r.stderr)
	}
	polls := len(w.srv.TokenPolls())
	if !strings.Contains(r.stderr.String(), "Interrupted") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	var report plain.Report
	if err := json.Unmarshal([]byte(r.stdout.String()), &report); err != nil || report.Outcome != plain.OutcomeInterrupted || report.ExitCode != 130 {
		t.Errorf("report %+v (%v)", report, err)
	}
	approveLeftovers(t, w)
	if after := len(w.srv.TokenPolls()); after != polls {
		t.Errorf("%d requests after the run ended", after-polls)
	}
}

// TestInterruptAbortsThePollInFlight ends the context while a poll hangs:
// the run ends at once, not when the request would time out (10 s).
func TestInterruptAbortsThePollInFlight(t *testing.T) {
	w := newWorld(t, nil)
	r, cancel := startInterruptible(w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"))
	defer cancel()
	hanging := w.hangNextPoll()
	r.human.waitFor(t, "Waiting for the approval (next check in")
	<-hanging
	began := time.Now()
	cancel()
	if status := r.wait(t); status != plain.ExitInterrupted {
		t.Fatalf("exit %d, want 130\n%s", status, r.stderr)
	}
	if took := time.Since(began); took > 2*time.Second {
		t.Errorf("the run took %v to end after the interrupt", took)
	}
}

// approveLeftovers approves what is left on the phone: a run that is over
// must not poll for it.
func approveLeftovers(t *testing.T, w *world) {
	t.Helper()
	for _, n := range w.srv.Phone.Notifications() {
		if err := w.srv.Phone.Approve(context.Background(), n.ID); err != nil {
			t.Fatal(err)
		}
	}
}

func TestChallengeWrongPassword(t *testing.T) {
	w := newWorld(t, nil)
	report, out, errOut, status := runJSON(t, w.config(plain.CommandChallenge, "bob@example.com", "not-bobs-password\n"))
	if status != plain.ExitError {
		t.Fatalf("exit %d, want 1\n%s", status, errOut)
	}
	if !strings.Contains(errOut, "Error: Wrong email or password") || !strings.Contains(errOut, "What to do: ") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if e := report.Error; e == nil || e.Kind != "wrong_credentials" || e.Status != 403 || e.Code != "invalid_grant" || report.Outcome != plain.OutcomeError {
		t.Errorf("report %+v, error %+v", report, report.Error)
	}
	w.secrets.check(t, "the output", out+errOut)
}

// A blocked account (too many wrong passwords) is told as such, with the
// way out of the tenant at hand: Auth0's, or the embedded sandbox's.
func TestChallengeBlockedAccount(t *testing.T) {
	w := newWorld(t, func(o *sandbox.Options) { o.LoginAttempts = 1 })
	for _, embedded := range []bool{false, true} {
		cfg := w.config(plain.CommandChallenge, "bob@example.com", "not-bobs-password\n")
		if embedded {
			cfg.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone)}
		}
		report, _, errOut, status := runJSON(t, cfg)
		if status != plain.ExitError || !strings.Contains(errOut, "Error: This account is blocked") {
			t.Fatalf("exit %d, stderr:\n%s", status, errOut)
		}
		if e := report.Error; e == nil || e.Kind != "account_blocked" || e.Status != 429 || e.Code != "too_many_attempts" {
			t.Errorf("report error %+v", report.Error)
		}
		if restart := strings.Contains(errOut, "restart the sandbox"); restart != embedded {
			t.Errorf("embedded %v, stderr:\n%s", embedded, errOut)
		}
	}
}

func TestChallengeJSONShowsTokensOnlyWhenAsked(t *testing.T) {
	for _, show := range []bool{false, true} {
		w := newWorld(t, func(o *sandbox.Options) { o.AutoApprove = 1 })
		cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
		cfg.ShowTokens = show
		report, out, errOut, status := runJSON(t, cfg)
		if status != plain.ExitOK {
			t.Fatalf("exit %d\n%s", status, errOut)
		}
		c, tk := report.Challenge, report.Tokens
		if report.Command != "challenge" || report.User != "bob@example.com" || report.Tenant != w.srv.URL || len(report.Authenticators) != 3 ||
			c == nil || c.Method != "push" || c.Outcome != plain.OutcomeApproved || c.Authenticator.Name != "Bob's phone" || c.Polls == 0 {
			t.Errorf("report %+v, challenge %+v", report, c)
		}
		if tk == nil || tk.TokenType != "Bearer" || tk.ExpiresIn != 86400 || tk.ExpiresAt.IsZero() || !strings.Contains(strings.Join(tk.Issued, " "), "id_token") {
			t.Fatalf("tokens %+v", tk)
		}
		if show {
			if tk.AccessToken != w.secrets.valuesOf("access_token")[0] || tk.IDToken == "" {
				t.Errorf("--show-tokens: tokens %+v", tk)
			}
			w.secrets.check(t, "the output with --show-tokens", out+errOut, "access_token", "id_token")
			continue
		}
		if tk.AccessToken != "" || tk.IDToken != "" {
			t.Errorf("token values without --show-tokens: %+v", tk)
		}
		w.secrets.check(t, "the output", out+errOut)
	}
}

func TestChallengeWithOTPFromStdin(t *testing.T) {
	w := newWorld(t, nil)
	devices := w.srv.Phone.Devices()
	code, _, err := w.srv.Phone.OTP(devices[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"+code[:3]+" "+code[3:]+"\n")
	cfg.OTPStdin = true
	report, out, errOut, status := runJSON(t, cfg)
	if status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, errOut)
	}
	if report.Challenge.Method != "otp" || report.Outcome != plain.OutcomeApproved {
		t.Errorf("report %+v, challenge %+v", report, report.Challenge)
	}
	if n := len(w.srv.Phone.Notifications()); n != 0 {
		t.Errorf("%d pushes sent for an OTP sign-in", n)
	}
	if strings.Contains(out+errOut, code) {
		t.Error("the output shows the OTP")
	}
	w.secrets.check(t, "the output", out+errOut)
}

func TestChallengeAuthenticatorChoice(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
	cfg.AuthenticatorID = "push|nope"
	report, _, errOut, status := runJSON(t, cfg)
	if status != plain.ExitError || !strings.Contains(errOut, "push|nope is not one of this user's authenticators.") || report.Error.Kind != "input" {
		t.Errorf("exit %d, error %+v\n%s", status, report.Error, errOut)
	}
	for _, a := range report.Authenticators {
		if a.Kind != "otp" {
			continue
		}
		// The app's code answers for it: asked for, since nothing gives it
		// here, then read from --code-stdin.
		cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
		cfg.AuthenticatorID = a.ID
		_, errOut, status := runToEnd(t, cfg)
		if status != plain.ExitError || !strings.Contains(errOut, "pass --code-stdin") {
			t.Errorf("--authenticator %s: exit %d\n%s", a.ID, status, errOut)
		}
		code, _, err := w.srv.Phone.OTP(w.srv.Phone.Devices()[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		cfg = w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"+code+"\n")
		cfg.AuthenticatorID, cfg.CodeStdin = a.ID, true
		if _, errOut, status := runToEnd(t, cfg); status != plain.ExitOK {
			t.Errorf("--authenticator %s --code-stdin: exit %d\n%s", a.ID, status, errOut)
		}
	}
	if n := len(w.srv.Phone.Notifications()); n != 0 {
		t.Errorf("%d pushes sent to a wrong choice", n)
	}
}

func TestChallengeWithoutPushAuthenticator(t *testing.T) {
	w := newWorld(t, nil)
	_, errOut, status := runToEnd(t, w.config(plain.CommandChallenge, "alice@example.com", "alice-password\n"))
	if status != plain.ExitError || !strings.Contains(errOut, "Error: Nothing to challenge") {
		t.Errorf("exit %d\n%s", status, errOut)
	}
}

// TestOddExpiresInSaysTheExpiryIsUnknown: an approved push whose token
// answer has an expires_in that cannot be believed still signs in; the
// expiry is said to be unknown, in words and in the JSON report.
func TestOddExpiresInSaysTheExpiryIsUnknown(t *testing.T) {
	w := newWorld(t, nil)
	odd := func(body []byte) []byte {
		return regexp.MustCompile(`"expires_in":\d+`).ReplaceAll(body, []byte(`"expires_in":-100`))
	}
	w.rewriteTokens.Store(&odd)
	r, status := challengeAnswered(t, w, w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"), approve)
	out := r.stdout.String()
	if status != plain.ExitOK || lineWith(out, "Expires") != "Expires: unknown" {
		t.Fatalf("exit %d, expiry line %q\n%s\n%s", status, lineWith(out, "Expires"), out, r.stderr)
	}

	w = newWorld(t, nil)
	w.rewriteTokens.Store(&odd)
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
	cfg.JSON = true
	r, status = challengeAnswered(t, w, cfg, approve)
	var report map[string]any
	if err := json.Unmarshal([]byte(r.stdout.String()), &report); err != nil || status != plain.ExitOK {
		t.Fatalf("exit %d, %v\n%s", status, err, r.stdout)
	}
	tokens, _ := report["tokens"].(map[string]any)
	if _, has := tokens["expires_in"]; has || tokens["issued"] == nil {
		t.Errorf("tokens of the report = %v, want no expires_in", tokens)
	}
}

// TestWaitSaysTheNextCheckHonestly: the sandbox's 1 s spacing, stretched by
// 1.2, puts the next check 1.2 s away, not "in 2s".
func TestWaitSaysTheNextCheckHonestly(t *testing.T) {
	w := newWorld(t, nil)
	cfg := w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n")
	cfg.Env.PollInterval = time.Second
	r, cancel := startInterruptible(cfg)
	defer cancel()
	r.human.waitFor(t, "Waiting for the approval (next check in")
	if line := lineWith(r.human.String(), "Waiting for the approval"); !strings.HasPrefix(line, "Waiting for the approval (next check in 1.2s,") {
		t.Errorf("first wait line %q, want the next check in 1.2s", line)
	}
	cancel()
	r.wait(t)
}

// TestWrongPasswordAdviceNamesTheDemoUsersOnlyOnTheSandbox: the demo
// users' passwords are advice on the built-in sandbox only; against a
// tenant they would mislead (and the JSON's fix says the same).
func TestWrongPasswordAdviceNamesTheDemoUsersOnlyOnTheSandbox(t *testing.T) {
	for _, onSandbox := range []bool{false, true} {
		w := newWorld(t, nil)
		cfg := w.config(plain.CommandChallenge, "bob@example.com", "not-bobs-password\n")
		if onSandbox {
			cfg.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone)}
		}
		report, _, errOut, status := runJSON(t, cfg)
		if status != plain.ExitError || report.Error == nil {
			t.Fatalf("exit %d\n%s", status, errOut)
		}
		named := strings.Contains(errOut, "alice-password") && strings.Contains(report.Error.Fix, "bob-password")
		if named != onSandbox || strings.Contains(errOut+report.Error.Fix, "alice-password") != onSandbox {
			t.Errorf("on the sandbox: %v; the advice names the demo users: %v\n%s\n%s", onSandbox, named, errOut, report.Error.Fix)
		}
	}
}

// TestExpiryADayAwaySaysItsDay: the sandbox's tokens last a day, so the
// expiry line names tomorrow, not a bare time of day that reads as today's.
func TestExpiryADayAwaySaysItsDay(t *testing.T) {
	w := newWorld(t, nil)
	r, status := challengeAnswered(t, w, w.config(plain.CommandChallenge, "bob@example.com", "bob-password\n"), approve)
	line := lineWith(r.stdout.String(), "Expires")
	if status != plain.ExitOK || !regexp.MustCompile(`^Expires: in (1d|23h 5\dm) \(tomorrow at \d\d:\d\d\)$`).MatchString(line) {
		t.Fatalf("exit %d, expiry line %q\n%s", status, line, r.stdout)
	}
}
