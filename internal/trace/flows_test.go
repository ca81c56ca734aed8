package trace_test

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/guardian"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/internal/trace"
)

// These tests run alice's enrollment and bob's challenges through our
// client against the sandbox over loopback, with the trace on. The clock is
// moved past Auth0's 5 s spacing before every poll and every replay, so
// slow_down never interferes.

var ctx = context.Background()

const spacing = 6 * time.Second

// flowRun is one run of the flows. It knows, at each step, the value each
// Curl variable stands for, and every secret value the run has seen.
type flowRun struct {
	t       *testing.T
	srv     *sandboxtest.Server
	client  *auth0.Client
	log     *trace.Log
	replay  bool              // run each exchange's curl command after it
	vars    map[string]string // variable -> its value at this step
	secrets []string
	checked int // log entries checked so far
}

func newFlowRun(t *testing.T, replay, reveal bool) *flowRun {
	srv := sandboxtest.Start(t, sandbox.DefaultOptions())
	log := trace.NewLog()
	r := &flowRun{t: t, srv: srv, log: log, replay: replay, vars: map[string]string{}}
	r.client = srv.Client(t, auth0.Config{Observer: log.Observe, RevealSecrets: reveal})
	// The README's exports, as "mfapush sandbox" prints them: the tenant
	// and the application are no secrets, the client secret is.
	r.vars["AUTH0_DOMAIN"], r.vars["AUTH0_CLIENT_ID"] = srv.URL, "sandbox-client"
	r.known("AUTH0_CLIENT_SECRET", "sandbox-secret") // sandboxtest's demo application
	return r
}

// known records the value a variable stands for from now on; it is a secret.
func (r *flowRun) known(variable, value string) {
	r.vars[variable] = value
	r.secret(value)
}

func (r *flowRun) secret(values ...string) {
	for _, v := range values {
		if v == "" {
			r.t.Fatal("an empty secret: the flow did not give what the test expected")
		}
		r.secrets = append(r.secrets, v)
	}
}

func (r *flowRun) tokens(tk *auth0.Tokens) {
	r.known("ACCESS_TOKEN", tk.AccessToken)
	r.secret(tk.IDToken, tk.RefreshToken)
}

// check takes the one exchange the last call added and, in a replay run,
// runs its curl command with the variables it needs: curl must get the
// status and error code our client got.
func (r *flowRun) check(call string) {
	r.t.Helper()
	ex := r.next(call)
	if r.replay {
		r.expectReplay(call, ex, ex.StatusCode, ex.ErrorCode, "")
	}
}

// checkOnce is check for a one-time request: curl must get the documented
// "already used" answer instead.
func (r *flowRun) checkOnce(call string, status int, code, description string) {
	r.t.Helper()
	ex := r.next(call)
	if r.replay {
		r.expectReplay(call, ex, status, code, description)
	}
}

func (r *flowRun) next(call string) auth0.Exchange {
	r.t.Helper()
	entries := r.log.Entries()
	if len(entries) != r.checked+1 {
		r.t.Fatalf("%d new exchanges after %s, want 1", len(entries)-r.checked, call)
	}
	ex := entries[r.checked]
	r.checked++
	if l := trace.Summarize(ex, en); l.Method+" "+l.Path != call {
		r.t.Fatalf("exchange %d is %s %s, want %s", r.checked, l.Method, l.Path, call)
	}
	return ex
}

func (r *flowRun) expectReplay(call string, ex auth0.Exchange, status int, code, description string) {
	r.t.Helper()
	vars := map[string]string{}
	for _, v := range trace.Variables(ex) {
		value, ok := r.vars[v]
		if !ok {
			r.t.Fatalf("%s: the command needs $%s, which the test does not know:\n%s", call, v, trace.Curl(ex))
		}
		vars[v] = value
	}
	if ex.Revealed && len(vars) > 0 {
		r.t.Errorf("%s: a revealed command needs variables %v", call, trace.Variables(ex))
	}
	r.srv.Clock.Advance(spacing)
	out := runCurl(r.t, trace.Curl(ex), vars, "--silent", `--write-out '\n%{http_code}'`)
	i := strings.LastIndexByte(out, '\n')
	var answer struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	json.Unmarshal([]byte(out[:i]), &answer)
	if out[i+1:] != strconv.Itoa(status) || answer.Error != code || description != "" && answer.Description != description {
		r.t.Errorf("%s (%s): curl got %s %q, want %d %s %s\n%s", call, trace.Summarize(ex, en).Result, out[i+1:], out[:i],
			status, code, description, trace.Curl(ex))
	}
}

func (r *flowRun) login(email, password, audience, scope string) string {
	r.t.Helper()
	r.known("PASSWORD", password)
	res, err := r.client.LoginWithPassword(ctx, auth0.PasswordLogin{
		Username: email, Password: password, Realm: "Username-Password-Authentication", Audience: audience, Scope: scope,
	})
	if err != nil || res.MFARequired == nil {
		r.t.Fatalf("login %s: %+v %v, want mfa_required", email, res, err)
	}
	r.known("MFA_TOKEN", res.MFARequired.MFAToken)
	r.check("POST /oauth/token")
	return res.MFARequired.MFAToken
}

// poll asks once whether oobCode was answered, after the spacing.
func (r *flowRun) poll(mfaToken, oobCode string, want auth0.Outcome) *auth0.Tokens {
	r.t.Helper()
	r.srv.Clock.Advance(spacing)
	tk, err := r.client.VerifyOOB(ctx, mfaToken, oobCode, "")
	if got := auth0.OutcomeOf(err); got != want {
		r.t.Fatalf("poll: %v (%v), want %v", got, err, want)
	}
	return tk
}

// aliceEnrolls: login with the MFA API audience, associate push, a pending
// poll, the phone scans, the confirming poll; then she lists her
// authenticators with the new access token and deletes the push one.
func (r *flowRun) aliceEnrolls() {
	mfaToken := r.login("alice@example.com", "alice-password", r.client.MFAAudience(),
		"openid offline_access enroll read:authenticators remove:authenticators")

	as, err := r.client.Associate(ctx, mfaToken, auth0.PushEnrollment())
	if err != nil || len(as.RecoveryCodes) != 1 {
		r.t.Fatalf("associate: %+v %v", as, err)
	}
	enrollment, err := guardian.ParseBarcodeURI(as.BarcodeURI)
	if err != nil {
		r.t.Fatal(err)
	}
	r.known("OOB_CODE", as.OOBCode)
	r.secret(as.BarcodeURI, enrollment.TransactionID, as.RecoveryCodes[0])
	// Replayed only once the enrollment is confirmed: a replay now would
	// start a second enrollment, whose ticket replaces this one.
	associate := r.next("POST /mfa/associate")

	r.poll(mfaToken, as.OOBCode, auth0.OutcomePending)
	r.check("POST /oauth/token")
	if _, err := r.srv.Phone.Scan(ctx, as.BarcodeURI, "Pixel 9"); err != nil {
		r.t.Fatal(err)
	}
	tk := r.poll(mfaToken, as.OOBCode, auth0.OutcomeTokens)
	r.tokens(tk)
	// One-time: the confirmed enrollment's oob_code gives tokens once; the
	// replay gets 403 invalid_grant.
	r.checkOnce("POST /oauth/token", 403, "invalid_grant", "Invalid oob_code.")
	if r.replay { // alice is enrolled now: her mfa_token may not enroll again
		r.expectReplay("POST /mfa/associate", associate, 403, "access_denied", "User is already enrolled.")
	}

	list, err := r.client.ListAuthenticators(ctx, tk.AccessToken)
	if err != nil {
		r.t.Fatal(err)
	}
	r.check("GET /mfa/authenticators")
	push := ""
	for _, a := range list {
		if a.Kind() == auth0.KindPush && a.Active {
			push = a.ID
		}
	}
	if err := r.client.DeleteAuthenticator(ctx, tk.AccessToken, push); err != nil {
		r.t.Fatal(err)
	}
	// One-time: the authenticator is gone; the replay gets 404 not_found.
	r.checkOnce("DELETE /mfa/authenticators/"+url.PathEscape(push), 404, "not_found", "Authenticator not found")
}

// bobSignsIn: login, list authenticators, a push approved (pending poll,
// approve, approved poll), a push rejected, a wrong OTP, an OTP and his
// recovery code.
func (r *flowRun) bobSignsIn() {
	mfaToken := r.login("bob@example.com", "bob-password", "", "openid offline_access")
	list, err := r.client.ListAuthenticators(ctx, mfaToken)
	if err != nil {
		r.t.Fatal(err)
	}
	r.check("GET /mfa/authenticators")
	push := ""
	for _, a := range list {
		if a.Kind() == auth0.KindPush {
			push = a.ID
		}
	}

	for _, approve := range []bool{true, false} {
		ch, err := r.client.Challenge(ctx, auth0.ChallengeRequest{MFAToken: mfaToken, ChallengeType: "oob", AuthenticatorID: push})
		if err != nil {
			r.t.Fatal(err)
		}
		r.known("OOB_CODE", ch.OOBCode)
		notes := r.srv.Phone.Notifications() // ours is the newest until the replay sends another
		note := notes[len(notes)-1]
		r.check("POST /mfa/challenge") // the replay sends a second push: 200 too
		if approve {
			r.poll(mfaToken, ch.OOBCode, auth0.OutcomePending)
			r.check("POST /oauth/token")
			if err := r.srv.Phone.Approve(ctx, note.ID); err != nil {
				r.t.Fatal(err)
			}
			r.tokens(r.poll(mfaToken, ch.OOBCode, auth0.OutcomeTokens))
			// One-time: an approved oob_code gives tokens once; the replay
			// gets 403 invalid_grant.
			r.checkOnce("POST /oauth/token", 403, "invalid_grant", "Invalid oob_code.")
			continue
		}
		if err := r.srv.Phone.Reject(ctx, note.ID, "not me"); err != nil {
			r.t.Fatal(err)
		}
		r.poll(mfaToken, ch.OOBCode, auth0.OutcomeRejected)
		r.check("POST /oauth/token") // a rejected push stays rejected: 400 access_denied again
	}

	code, _, err := r.srv.Phone.OTP(r.srv.Phone.Devices()[0].ID)
	if err != nil {
		r.t.Fatal(err)
	}
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	r.known("OTP", wrong)
	if _, err := r.client.VerifyOTP(ctx, mfaToken, wrong); auth0.OutcomeOf(err) != auth0.OutcomeFatal {
		r.t.Fatalf("wrong OTP: %v", err)
	}
	r.check("POST /oauth/token")

	code, _, _ = r.srv.Phone.OTP(r.srv.Phone.Devices()[0].ID) // the clock moved
	r.known("OTP", code)
	tk, err := r.client.VerifyOTP(ctx, mfaToken, code)
	if err != nil {
		r.t.Fatalf("OTP: %v", err)
	}
	r.tokens(tk)
	// One-time: a used OTP is refused; the replay gets 403 invalid_grant.
	r.checkOnce("POST /oauth/token", 403, "invalid_grant", "Invalid otp_code.")

	recovery := ""
	for _, u := range r.srv.Tenant.Users() {
		if u.Email == "bob@example.com" {
			recovery = u.RecoveryCode
		}
	}
	r.known("RECOVERY_CODE", recovery)
	tk, err = r.client.VerifyRecoveryCode(ctx, mfaToken, recovery)
	if err != nil {
		r.t.Fatalf("recovery code: %v", err)
	}
	r.tokens(tk)
	r.secret(tk.RecoveryCode)
	// One-time: the recovery code rotated; the replay gets 403 invalid_grant.
	r.checkOnce("POST /oauth/token", 403, "invalid_grant", "Invalid recovery_code.")
}

// TestCurlReplaysEveryExchange runs each exchange's curl command for real,
// right after the exchange, and expects the answer our client got; with
// secrets revealed too, where the command holds the real values.
func TestCurlReplaysEveryExchange(t *testing.T) {
	needShell(t)
	for _, reveal := range []bool{false, true} {
		t.Run("alice enrolls/reveal="+strconv.FormatBool(reveal), func(t *testing.T) { newFlowRun(t, true, reveal).aliceEnrolls() })
		t.Run("bob signs in/reveal="+strconv.FormatBool(reveal), func(t *testing.T) { newFlowRun(t, true, reveal).bobSignsIn() })
	}
}

// TestTraceHidesSecrets renders every entry of the runs and searches the
// text for every secret value; it also checks the trace holds every call in
// order.
func TestTraceHidesSecrets(t *testing.T) {
	for _, tc := range []struct {
		name  string
		run   func(*flowRun)
		calls []string // "" stands for the delete, whose id is random
	}{
		{"alice enrolls", (*flowRun).aliceEnrolls, []string{
			"POST /oauth/token", "POST /mfa/associate", "POST /oauth/token", "POST /oauth/token",
			"GET /mfa/authenticators", "",
		}},
		{"bob signs in", (*flowRun).bobSignsIn, []string{
			"POST /oauth/token", "GET /mfa/authenticators",
			"POST /mfa/challenge", "POST /oauth/token", "POST /oauth/token",
			"POST /mfa/challenge", "POST /oauth/token",
			"POST /oauth/token", "POST /oauth/token", "POST /oauth/token",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newFlowRun(t, false, false)
			tc.run(r)
			var calls []string
			var text strings.Builder
			for _, ex := range r.log.Entries() {
				l := trace.Summarize(ex, en)
				call := l.Method + " " + l.Path
				if strings.HasPrefix(call, "DELETE /mfa/authenticators/push%7Cdev_") {
					call = ""
				}
				calls = append(calls, call)
				text.WriteString(l.String() + "\n" + trace.Details(ex, en) + "\n" + trace.Curl(ex) + "\n")
			}
			if !slices.Equal(calls, tc.calls) {
				t.Errorf("calls\n%q\nwant\n%q", calls, tc.calls)
			}
			for _, s := range r.secrets {
				for _, form := range encodings(s) {
					if strings.Contains(text.String(), form) {
						t.Errorf("the trace shows the secret %q", form)
					}
				}
			}
			if t.Failed() {
				t.Logf("trace:\n%s", text.String())
			}
		})
	}
}

// encodings are the forms in which a secret could show: as is, URL-encoded
// and JSON-escaped.
func encodings(s string) []string {
	j, _ := json.Marshal(s)
	return []string{s, url.QueryEscape(s), url.PathEscape(s), string(j[1 : len(j)-1])}
}
