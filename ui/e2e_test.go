package ui

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/vt"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/audit"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
	"github.com/mfapush/mfapush/internal/sandboxphone"
	"github.com/mfapush/mfapush/internal/trace"
)

// e2e runs the whole program in a virtual terminal against a sandbox over
// loopback, in real time with a short injected poll interval.
type e2e struct {
	t     *testing.T
	srv   *sandboxtest.Server
	term  *terminal
	prog  *tea.Program
	model *Model
	done  chan error
	stop  func() // ends the program; after it the model may be read
	trace *trace.Log
	// auditPath is the helpdesk's audit log (e2eOptions.helpdesk).
	auditPath string
}

// terminal is a virtual terminal that tells the test each time the program
// draws. Its own lock guards reads too: the emulator's String is unguarded.
type terminal struct {
	mu     sync.Mutex
	emu    *vt.Emulator
	writes chan struct{}
	record bool                // keep every byte and every screen drawn
	out    bytes.Buffer        // with record: the bytes the program wrote
	frames map[string]struct{} // with record: each screen it showed
}

func (term *terminal) Write(p []byte) (int, error) {
	term.mu.Lock()
	n, err := term.emu.Write(p)
	if term.record {
		term.out.Write(p)
		term.frames[term.emu.String()] = struct{}{}
	}
	term.mu.Unlock()
	select {
	case term.writes <- struct{}{}:
	default:
	}
	return n, err
}

func (term *terminal) String() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.emu.String()
}

func startE2E(t *testing.T, width, height int, start Journey) *e2e {
	t.Helper()
	return startE2EWith(t, width, height, start, e2eOptions{})
}

// startE2EIn is startE2E in a language, the sandbox naming bob's phone in it.
func startE2EIn(t *testing.T, lang i18n.Lang, width, height int, start Journey) *e2e {
	t.Helper()
	return startE2EWith(t, width, height, start, e2eOptions{lang: lang})
}

// e2eOptions change the world an e2e test runs in.
type e2eOptions struct {
	lang i18n.Lang // default English
	// manual puts the sandbox and the program on one manual clock with
	// Auth0's numbers (5 s spacing, 12 polls a minute): the test moves the
	// clock (e.advance) and every wait and spacing is exact.
	manual bool
	// tenantTime puts the tenant alone on a manual clock (e.srv.Clock): the
	// program runs in real time as without it, and time moved on that
	// clock passes at the tenant only, as over a laptop's sleep.
	tenantTime bool
	// realTenant has the program take the sandbox for a real tenant: no
	// simulated phone, and the confirmations a real tenant asks for.
	realTenant bool
	// timeout is the client's per-request timeout (default the client's).
	timeout time.Duration
	// slowFault is how long the sandbox's "slow" fault waits.
	slowFault time.Duration
	// tenant changes the sandbox's options (lifetimes, limits).
	tenant func(*sandbox.Options)
	// transport wraps the client's transport (to see every exchange raw).
	transport func(http.RoundTripper) http.RoundTripper
	// record keeps every byte and screen the program drew (e.term.out, frames).
	record bool
	// helpdesk gives the console the sandbox's helpdesk application (the
	// read-only one when limited), with an audit log in e.auditPath.
	helpdesk, limited bool
}

// fixedJitter makes every backoff on the manual clock exact: 10% over its
// base, the middle of the policy's 0-20%.
const fixedJitter = 0.5

func startE2EWith(t *testing.T, width, height int, start Journey, o e2eOptions) *e2e {
	t.Helper()
	sopts := sandbox.DefaultOptions()
	sopts.SlowFaultDelay = o.slowFault
	if o.lang == "" {
		o.lang = i18n.English
	}
	sopts.DemoDeviceName = flow.PhoneName(i18n.For(o.lang), "bob@example.com")
	if o.tenant != nil {
		o.tenant(&sopts)
	}
	var srv *sandboxtest.Server
	switch {
	case o.manual:
		srv = sandboxtest.Start(t, sopts)
	case o.tenantTime:
		sopts.MinPollInterval, sopts.PollsPerMinute = 0, 100000
		srv = sandboxtest.Start(t, sopts)
	default:
		sopts.MinPollInterval = 0     // the test polls every 20 ms
		sopts.PollsPerMinute = 100000 // and so, far more than 12 a minute
		if o.helpdesk {
			sopts.MinPollInterval = time.Millisecond // CIBA's interval is then its shortest, 1 s
		}
		srv = sandboxtest.StartReal(t, sopts)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := trace.NewLog()
	cfg := auth0.Config{Observer: log.Observe, Timeout: o.timeout}
	client := srv.Client(t, cfg)
	if o.transport != nil {
		hc := *srv.Server.Client()
		hc.Transport = o.transport(hc.Transport)
		cfg.Domain, cfg.ClientID, cfg.ClientSecret, cfg.HTTPClient = srv.URL, "sandbox-client", "sandbox-secret", &hc
		var err error
		if client, err = auth0.New(cfg); err != nil {
			t.Fatal(err)
		}
	}
	env := flow.Env{Client: client, Ctx: ctx, PollInterval: 20 * time.Millisecond}
	if o.manual {
		env.Clock, env.PollInterval = srv.Clock, flow.DefaultInterval
		env.Jitter = func() float64 { return fixedJitter }
	}
	opts := Options{Env: env, Phone: sandboxphone.New(srv.Phone), Sandbox: true, Start: start,
		Theme: ThemeDark, SaveDir: t.TempDir(), Trace: log, Catalog: i18n.For(o.lang)}
	if o.realTenant {
		opts.Phone, opts.Sandbox = nil, false
	}
	var auditPath string
	if o.helpdesk {
		auditPath = filepath.Join(t.TempDir(), audit.FileName)
		henv := env
		henv.Client = srv.HelpdeskClient(t, cfg, o.limited)
		h := flow.NewHelpdesk(henv, audit.At(auditPath, env.Clock))
		opts.Helpdesk, opts.Phone = &h, sandboxphone.NewForServer(srv.Server)
	}
	m := New(opts)
	term := &terminal{emu: vt.NewEmulator(width, height), writes: make(chan struct{}, 1), record: o.record, frames: map[string]struct{}{}}
	// Output that is not a terminal is drawn as if the line discipline
	// turned LF into CR LF (ONLCR), so the emulator must do the same (LNM).
	term.Write([]byte("\x1b[20h"))
	e := &e2e{t: t, srv: srv, term: term, model: m, done: make(chan error, 1), trace: log, auditPath: auditPath}
	e.prog = tea.NewProgram(m,
		tea.WithInput(nil), tea.WithOutput(term),
		tea.WithWindowSize(width, height), tea.WithoutSignals(), tea.WithContext(ctx),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithColorProfile(colorprofile.TrueColor))
	go func() {
		_, err := e.prog.Run()
		e.done <- err
	}()
	e.stop = sync.OnceFunc(func() {
		e.prog.Quit()
		<-e.done
		cancel()
	})
	t.Cleanup(e.stop)
	return e
}

func (e *e2e) screen() string { return e.term.String() }

// waitFor waits until the screen shows want, checking after every frame.
func (e *e2e) waitFor(want string) string {
	e.t.Helper()
	return e.waitUntil(want, func(s string) bool { return strings.Contains(s, want) })
}

func (e *e2e) waitUntil(what string, ok func(string) bool) string {
	e.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		if s := e.screen(); ok(s) {
			return s
		}
		select {
		case <-e.term.writes:
		case <-deadline:
			e.t.Fatalf("the screen never showed %q; it shows:\n%s", what, e.screen())
		}
	}
}

func (e *e2e) press(keys ...string) {
	for _, k := range keys {
		e.prog.Send(keyPress(k))
	}
}

func (e *e2e) typeText(s string) {
	for _, r := range s {
		e.prog.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (e *e2e) signIn(email, password string) {
	e.waitFor("Email")
	e.typeText(email)
	e.press("enter")
	e.typeText(password)
	e.press("enter")
}

func TestE2EEnrollScanningTheQRCodeOffTheScreen(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyHome)
	e.waitFor("What do you want to do?")
	e.press("1")
	e.signIn("alice@example.com", "alice-password")
	e.choosePush()
	screen := e.waitFor("Waiting for the phone")
	// The phone reads the code from the screen, not the URI from memory.
	uri, err := qrtest.Decode(screen, qrtest.PolarityOf(qr.Options{Style: qr.StyleColor}))
	if err != nil {
		t.Fatalf("the QR code on screen does not decode: %v\n%s", err, screen)
	}
	if !strings.HasPrefix(uri, "otpauth://totp/") || !strings.Contains(uri, "alice%40example.com") {
		t.Fatalf("decoded %q", uri)
	}
	if _, err := e.srv.Phone.Scan(context.Background(), uri, "Pixel 9"); err != nil {
		t.Fatal(err)
	}
	screen = e.waitFor("Enrolled")
	if !strings.Contains(screen, "Pixel 9") || !strings.Contains(screen, "Recovery code") {
		t.Fatalf("the enrolled screen lacks the device or the recovery code:\n%s", screen)
	}
	e.press("q") // not yet: the recovery code is not saved
	e.waitFor("then press enter to confirm")
	e.press("w")
	e.waitFor("readable only by")
	e.press("enter", "enter")
	e.waitFor("What do you want to do?")
	if got := e.model.Summary(); !strings.Contains(got, "Pixel 9") || !strings.Contains(got, "alice@example.com") {
		t.Errorf("summary %q", got)
	}
}

func TestE2EEnrollWithThePhonePanel(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyEnroll)
	e.signIn("alice@example.com", "alice-password")
	e.choosePush()
	e.waitFor("s phone: scan")
	e.press("s")
	e.waitFor("Alice's phone is active")
}

// listBob signs bob in and waits for his authenticators.
func (e *e2e) listBob() {
	e.t.Helper()
	e.signIn("bob@example.com", "bob-password")
	e.waitFor("3 authenticators")
}

// challenge signs bob in and sends a push to his phone.
func (e *e2e) challenge() {
	e.t.Helper()
	e.listBob()
	e.press("enter")
	e.waitFor("Waiting for the approval")
	e.waitFor("Sign-in request")
}

func TestE2EChallengeApproved(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyChallenge)
	e.challenge()
	e.press("a")
	screen := e.waitFor("Signed in with MFA")
	if !strings.Contains(screen, "bob@example.com") || strings.Contains(screen, "eyJ") {
		t.Fatalf("result screen:\n%s", screen)
	}
	e.press("v")
	e.waitFor("eyJ")
}

func TestE2EChallengeRejected(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyChallenge)
	e.challenge()
	e.press("x")
	e.waitFor("Rejected on the device")
	polls := len(e.srv.TokenPolls())
	e.press("enter") // try again: a new push
	e.waitFor("Waiting for the approval")
	e.press("a")
	e.waitFor("Signed in with MFA")
	if len(e.srv.TokenPolls()) <= polls {
		t.Fatal("trying again sent no poll")
	}
}

func TestE2EOTPFallback(t *testing.T) {
	e := startE2E(t, 80, 24, JourneyChallenge)
	e.challenge()
	e.press("o")
	e.waitFor("6-digit code")
	code, _, err := e.srv.Phone.OTP(e.srv.Phone.Devices()[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	e.typeText(code)
	e.press("enter")
	e.waitFor("Signed in with MFA")
}

// verifyToDelete signs bob in to manage, asks to delete his push
// authenticator and, having no MFA-API token yet, verifies with a push
// first: it returns once the push is on the phone.
func (e *e2e) verifyToDelete() {
	e.t.Helper()
	e.listBob()
	e.press("d")
	e.waitFor("Delete Guardian push")
	e.press("y")
	e.waitFor("Verify with an existing factor")
	e.press("enter")
	e.waitFor("Verify it's you on Bob's phone")
	e.waitFor("Sign-in request")
}

func TestE2EDeleteVerifiesFirst(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyManage)
	e.verifyToDelete()
	e.press("a")
	screen := e.waitFor("1 authenticator")
	if strings.Contains(screen, "Guardian push") || strings.Contains(screen, "One-time password") {
		t.Fatalf("push or its OTP twin survived:\n%s", screen)
	}
}

func TestE2EAlreadyEnrolledTakesTheDocumentedPath(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyEnroll)
	e.signIn("bob@example.com", "bob-password")
	e.waitFor("already has an authenticator")
	e.press("enter")
	e.waitFor("Verify with an existing factor")
	e.press("enter")
	e.waitFor("Sign-in request")
	e.press("a")
	e.choosePush() // the access token earned may enroll any factor
	e.waitFor("Waiting for the phone")
	e.press("s")
	e.waitFor("Bob's phone is active")
}

func TestE2ELeavingTheWaitStopsPolling(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyChallenge)
	e.challenge()
	e.press("esc")
	e.waitFor("Choose the authenticator")
	// Once back on the list, a later frame comes from the list, and the
	// number of polls must not move any more.
	before := len(e.srv.TokenPolls())
	e.press("j")
	e.waitFor("▸ One-time password")
	e.press("k")
	e.waitFor("▸ Guardian push")
	if got := len(e.srv.TokenPolls()); got != before {
		t.Fatalf("%d polls after leaving the wait", got-before)
	}
	if e.model.j.challenge != nil {
		t.Fatal("the challenge survived leaving it")
	}
}

func TestE2ETraceShowsEveryCallWithoutSecrets(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyChallenge)
	e.challenge()
	e.waitFor("⇄ POST /oauth/token → 400: authorization_pending")
	e.press("a")
	e.waitFor("Signed in with MFA")
	e.press("t")
	list := e.waitFor("Request trace")
	for _, call := range []string{"POST   /oauth/token", "GET    /mfa/authenticators", "POST   /mfa/challenge", "tokens"} {
		if !strings.Contains(list, call) {
			t.Errorf("the trace lacks %q:\n%s", call, list)
		}
	}
	e.press("k", "enter") // the last pending poll, in full
	detail := e.waitFor("Replay it with curl")
	for _, want := range []string{"--request POST", `"mfa_token=$MFA_TOKEN"`, `"oob_code=$OOB_CODE"`, "authorization_pending"} {
		if !strings.Contains(detail, want) {
			t.Errorf("the detail lacks %q:\n%s", want, detail)
		}
	}
	e.stop()
	s := e.model.j.session
	for _, secret := range []string{s.MFAToken, s.Tokens.AccessToken, s.Tokens.IDToken, "bob-password", "sandbox-secret"} {
		if strings.Contains(list+detail, secret) {
			t.Errorf("a secret is on screen: %.12s…", secret)
		}
	}
}
