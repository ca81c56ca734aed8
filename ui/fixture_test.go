package ui

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/clock"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/trace"
)

// The fixtures put a model in a known state without any network, for
// golden files and Update tests: fixed times, ids, codes and tokens.

var fixtureTime = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

const fixtureBarcode = "otpauth://totp/mfapush%20sandbox:alice%40example.com?enrollment_tx_id=Zr3kQ8wLx2PmN7vB4cT9yH6sJ1dF5gA0&base_url=http%3A%2F%2F127.0.0.1%3A8484%2Fappliance-mfa"

var fixtureAuthenticators = []auth0.Authenticator{
	{ID: "push|dev_BBTKYpxKHOXVBnql", AuthenticatorType: "oob", OOBChannel: "auth0", Name: "Bob's phone", Active: true},
	{ID: "totp|dev_WzMZ2sZbUw1wbC2F", AuthenticatorType: "otp", Active: true},
	{ID: "recovery-code|dev_i1kgKoFSZLbPt6G1", AuthenticatorType: "recovery-code", Active: true},
	{ID: "push|dev_klnv5yshzzoosSUm", AuthenticatorType: "oob", OOBChannel: "auth0", Active: false},
	{ID: "sms|dev_hdkmORJuqOmjRRQU", AuthenticatorType: "oob", OOBChannel: "sms", Name: "XXXXXXXXX9167", Active: true},
}

// staticPhone is a phone frozen in one state, for rendering.
type staticPhone struct {
	devices       []flow.PhoneDevice
	notifications []flow.PhoneNotification
	messages      []flow.PhoneMessage
	dismissed     []string
}

func (p *staticPhone) Scan(context.Context, string, string) (flow.PhoneDevice, error) {
	return flow.PhoneDevice{}, nil
}
func (p *staticPhone) Devices() []flow.PhoneDevice                  { return p.devices }
func (p *staticPhone) Notifications() []flow.PhoneNotification      { return p.notifications }
func (p *staticPhone) Approve(context.Context, string) error        { return nil }
func (p *staticPhone) Reject(context.Context, string, string) error { return nil }
func (p *staticPhone) Dismiss(id string) error {
	p.dismissed = append(p.dismissed, id)
	return nil
}
func (p *staticPhone) OTP(string) (string, time.Duration, error) {
	return "492039", 17 * time.Second, nil
}
func (p *staticPhone) Changed() <-chan struct{}      { return make(chan struct{}) }
func (p *staticPhone) Messages() []flow.PhoneMessage { return p.messages }

type fixture struct {
	t     testing.TB
	m     *Model
	clock *clock.Manual
	phone *staticPhone
}

type fixtureOptions struct {
	width, height int
	light         bool
	realTenant    bool
	lang          i18n.Lang
	start         Journey // the command's flow (mfapush challenge…); home by default
	present       bool    // presenter mode
}

func newFixture(t testing.TB, o fixtureOptions) *fixture {
	t.Helper()
	domain := "http://127.0.0.1:8484"
	if o.realTenant {
		domain = "dev-abc123.us.auth0.com"
	}
	client, err := auth0.New(auth0.Config{Domain: domain, ClientID: "client-id"})
	if err != nil {
		t.Fatal(err)
	}
	clk := clock.NewManual(fixtureTime)
	f := &fixture{t: t, clock: clk}
	theme := ThemeDark
	if o.light {
		theme = ThemeLight
	}
	if o.lang == "" {
		o.lang = i18n.English
	}
	opts := Options{
		Env:     flow.Env{Client: client, Clock: clk, Ctx: context.Background(), PollInterval: 5 * time.Second},
		Theme:   theme,
		Catalog: i18n.For(o.lang),
		Trace:   trace.NewLog(),
		Start:   o.start,
		Present: o.present,
	}
	if !o.realTenant {
		f.phone = &staticPhone{devices: []flow.PhoneDevice{{ID: "dev_BBTKYpxKHOXVBnql", UserID: "auth0|bob", Name: "Bob's phone"}}}
		opts.Sandbox, opts.Phone = true, f.phone
		opts.SandboxEmails = func() []string { return []string{"alice@example.com", "bob@example.com", "carol@example.com"} }
		opts.DemoUsers = func() []DemoUser {
			h := opts.Catalog.Home
			return []DemoUser{
				{Email: "alice@example.com", Password: "alice-password", Note: opts.Catalog.Home.DemoNotEnrolled},
				{Email: "bob@example.com", Password: "bob-password", Note: fmt.Sprintf(h.DemoEnrolled,
					fmt.Sprintf(opts.Catalog.Config.And, h.DemoKinds.Push+", "+h.DemoKinds.OTP, h.DemoKinds.RecoveryCode+" 17EQHNZC2SZDYG7X4QXVX9SW"))},
			}
		}
	}
	f.m = New(opts)
	f.m.Update(tea.WindowSizeMsg{Width: o.width, Height: o.height})
	return f
}

// signedIn puts a session in place as after an mfa_required answer.
func (f *fixture) signedIn(journey Journey, email string) {
	f.m.j.kind = journey
	f.m.j.session = flow.Session{
		Credentials: flow.Credentials{Username: email, Password: "pw"},
		Audience:    f.m.env.Client.MFAAudience(), Scope: flow.ScopeMFAAPI,
		MFAToken: "Fe26.2*fixture*mfa", MFATokenAt: fixtureTime,
	}
}

// send feeds a message as the runtime would, returning the command.
func (f *fixture) send(msg tea.Msg) tea.Cmd {
	_, cmd := f.m.Update(msg)
	return cmd
}

// result feeds a call's answer as if the call in flight had returned it.
func (f *fixture) result(msg tea.Msg) {
	f.m.op = call{seq: f.m.op.seq + 1, cancel: func() {}}
	f.send(callDoneMsg{seq: f.m.op.seq, msg: msg})
}

func (f *fixture) key(k string) tea.Cmd {
	return f.send(keyPress(k))
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+t":
		return tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+r":
		return tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	}
	if code, ok := namedKeys[k]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// submitSignIn signs in with a push from the home screen: the form filled
// and sent, the screen working.
func (f *fixture) submitSignIn(email, password string) {
	f.t.Helper()
	f.key("2")
	f.typeText(email)
	f.key("enter")
	f.typeText(password)
	f.key("enter")
	if f.m.current.ID() != screenWorking {
		f.t.Fatalf("the sign-in did not start: screen %v", f.m.current.ID())
	}
}

// namedKeys are the keys that have a name and no text.
var namedKeys = map[string]rune{
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "f1": tea.KeyF1, "backspace": tea.KeyBackspace,
}

func (f *fixture) typeText(s string) {
	for _, r := range s {
		f.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is the rendered text, escape sequences stripped.
func (f *fixture) screen() string { return stripANSI(f.m.View().Content) }

// fixtureJWT builds an unsigned JWT with the claims, for the result screen.
func fixtureJWT(claims map[string]any) string {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	return enc(map[string]string{"alg": "RS256", "typ": "JWT", "kid": "fixture"}) + "." + enc(claims) + ".c2lnbmF0dXJl"
}

func fixtureTokens() *auth0.Tokens {
	return &auth0.Tokens{
		AccessToken: fixtureJWT(map[string]any{"iss": "http://127.0.0.1:8484/", "sub": "auth0|bob", "aud": "http://127.0.0.1:8484/userinfo",
			"scope": "openid profile email", "iat": fixtureTime.Unix(), "exp": fixtureTime.Add(24 * time.Hour).Unix()}),
		IDToken: fixtureJWT(map[string]any{"iss": "http://127.0.0.1:8484/", "sub": "auth0|bob", "aud": "sandbox-client",
			"email": "bob@example.com", "name": "Bob", "amr": []string{"mfa"}, "iat": fixtureTime.Unix(), "exp": fixtureTime.Add(10 * time.Hour).Unix()}),
		TokenType: "Bearer", Scope: "openid profile email", ExpiresIn: 24 * time.Hour,
	}
}

// traceFixture fills the trace with a sign-in, a challenge and two polls,
// as the client would have recorded them (secrets already replaced).
func (f *fixture) traceFixture() {
	form := "application/x-www-form-urlencoded"
	add := func(method, path, grant string, reqType, reqBody string, status int, code, respBody string, outcome auth0.Outcome) {
		h := http.Header{"Content-Type": {reqType}, "User-Agent": {"mfapush/dev (Linux; amd64)"}}
		f.m.opts.Trace.Observe(auth0.Exchange{
			Op: method + " " + path, Grant: grant, Method: method, URL: "http://127.0.0.1:8484" + path,
			RequestHeader: h, RequestBody: []byte(reqBody), StatusCode: status,
			ResponseHeader: http.Header{"Content-Type": {"application/json"}}, ResponseBody: []byte(respBody),
			Started: fixtureTime, Duration: 3 * time.Millisecond, Outcome: outcome, ErrorCode: code,
		})
	}
	add("POST", "/oauth/token", auth0.GrantPassword, form,
		"client_id=sandbox-client&client_secret=%24AUTH0_CLIENT_SECRET&grant_type=password&password=%24PASSWORD&username=bob%40example.com",
		403, "mfa_required", `{"error":"mfa_required","error_description":"Multifactor authentication required","mfa_token":"$MFA_TOKEN"}`, auth0.OutcomeFatal)
	add("POST", "/mfa/challenge", "", "application/json",
		`{"client_id":"sandbox-client","client_secret":"$AUTH0_CLIENT_SECRET","mfa_token":"$MFA_TOKEN","challenge_type":"oob","authenticator_id":"push|dev_BBTKYpxKHOXVBnql"}`,
		200, "", `{"challenge_type":"oob","oob_code":"$OOB_CODE"}`, auth0.OutcomeTokens)
	poll := "client_id=sandbox-client&client_secret=%24AUTH0_CLIENT_SECRET&grant_type=http%3A%2F%2Fauth0.com%2Foauth%2Fgrant-type%2Fmfa-oob&mfa_token=%24MFA_TOKEN&oob_code=%24OOB_CODE"
	for range 2 {
		add("POST", "/oauth/token", auth0.GrantMFAOOB, form, poll, 400, "authorization_pending",
			`{"error":"authorization_pending","error_description":"Authorization pending: please repeat the request in a few seconds."}`, auth0.OutcomePending)
	}
}
