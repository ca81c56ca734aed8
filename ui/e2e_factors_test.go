package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

// enrollByAPI enrolls f for alice over the MFA API, confirming it with
// the code the sandbox's inbox received, before the interface starts.
func (e *e2e) enrollByAPI(f *flow.Factor, in flow.EnrollInput) {
	e.t.Helper()
	ctx := context.Background()
	env := flow.Env{Client: e.srv.Client(e.t, auth0.Config{}), Ctx: ctx}
	login := flow.Login(env, flow.Credentials{Username: "alice@example.com", Password: "alice-password"}, true, "")
	signedIn, err := flow.SignIn(ctx, env, login)
	if err != nil {
		e.t.Fatal(err)
	}
	enrollment, err := flow.Enroll(ctx, env, signedIn.MFAToken, f, in)
	if err != nil {
		e.t.Fatal(err)
	}
	code := e.newestCode(f)
	if _, err := flow.Verify(ctx, env, signedIn.MFAToken, flow.Answer{Factor: f, Code: code, OOBCode: enrollment.OOBCode}); err != nil {
		e.t.Fatal(err)
	}
}

// choosePush chooses Guardian push, first of the factors offered.
func (e *e2e) choosePush() {
	e.t.Helper()
	e.waitFor(en.Factors.ChooseTitle)
	e.press("enter")
}

// newestCode is the code of the newest message of f's channel.
func (e *e2e) newestCode(f *flow.Factor) string {
	e.t.Helper()
	msgs := e.srv.Phone.Messages(sandbox.MessageFilter{Channel: f.ID})
	if len(msgs) == 0 {
		e.t.Fatalf("no %s reached the inbox", f.ID)
	}
	return msgs[0].Code
}

// TestE2EChallengeBySMSWithANewCode: alice's SMS authenticator is chosen
// from the list; the code sent is asked for; ctrl+r sends a new one, which
// alone works then; the right code signs her in.
func TestE2EChallengeBySMSWithANewCode(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyChallenge)
	e.enrollByAPI(flow.SMS, flow.EnrollInput{PhoneNumber: "+15555550100"})
	e.signIn("alice@example.com", "alice-password")
	e.waitFor("3 authenticators")
	e.press("enter") // the SMS authenticator, first of the list
	e.waitFor("A code was sent by SMS to XXXXXXXX0100.")
	e.waitFor("POST /mfa/challenge → 200: a code is on its way")
	first := e.newestCode(flow.SMS)
	e.press("ctrl+r")
	e.waitFor("A new code was sent by SMS to XXXXXXXX0100.")
	second := e.newestCode(flow.SMS)
	if first == second {
		t.Skip("the sandbox drew the same code twice") // one chance in a million
	}
	e.typeText(first)
	e.press("enter")
	e.waitFor("Check the code sent and type it again, or")
	e.typeText(second)
	e.press("enter")
	e.waitFor("Signed in with MFA")
}

// TestE2EResendSaysTheTenantsLimit: past the tenant's budget of messages,
// asking for a new code says to wait, on the code's screen.
func TestE2EResendSaysTheTenantsLimit(t *testing.T) {
	e := startE2EWith(t, 100, 34, JourneyChallenge, e2eOptions{tenant: func(o *sandbox.Options) { o.PhoneMessages = 2 }})
	e.enrollByAPI(flow.SMS, flow.EnrollInput{PhoneNumber: "+15555550100"})
	e.signIn("alice@example.com", "alice-password")
	e.waitFor("3 authenticators")
	e.press("enter")
	e.waitFor("A code was sent by SMS")
	e.press("ctrl+r")
	screen := e.waitFor("wait a few minutes")
	if !strings.Contains(screen, "Code") {
		t.Errorf("the code's field went:\n%s", screen)
	}
}

// TestE2EMustEnrollFirst: mfa_requirements say alice has nothing to
// answer with: the challenge says so, and enter enrolls her first factor.
func TestE2EMustEnrollFirst(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyChallenge)
	e.signIn("alice@example.com", "alice-password")
	screen := e.waitFor("Nothing to challenge")
	if !strings.Contains(screen, "enroll push-notification") {
		t.Errorf("the requirements are not said:\n%s", screen)
	}
	e.press("enter")
	e.waitUntil("the factor choice", func(s string) bool {
		return strings.Contains(s, "Which factor") || strings.Contains(s, "Waiting for the phone")
	})
}

// TestE2EEnrollSMSReadingTheCodeOffThePhone: alice chooses SMS, a number
// without its country code is refused with what to type, a full one gets
// a code, which the phone panel shows; typed, it enrolls her.
func TestE2EEnrollSMSReadingTheCodeOffThePhone(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyEnroll)
	e.signIn("alice@example.com", "alice-password")
	e.waitFor(en.Factors.ChooseTitle)
	e.press("3")
	e.waitFor(en.Factors.PhoneLabel)
	e.typeText("06 12 34 56 78")
	e.press("enter")
	e.waitFor(en.Factors.PhoneNoCountryCode)
	for range "06 12 34 56 78" {
		e.press("backspace")
	}
	e.typeText("+33 6 12 34 56 78")
	e.press("enter")
	e.waitFor("A code was sent by SMS to +33612345678.")
	e.waitFor("POST /mfa/associate → 200: a code is on its way") // the line that explains the answer
	code := e.newestCode(flow.SMS)
	e.waitFor("code " + groupOTP(code)) // on the phone panel
	e.typeText(code)
	e.press("enter")
	screen := e.waitFor("Enrolled")
	if !strings.Contains(screen, "XXXXXXXX5678") || !strings.Contains(screen, "Recovery code") {
		t.Fatalf("the enrolled screen lacks the number or the recovery code:\n%s", screen)
	}
}

// TestE2EEnrollTheAuthenticatorApp: the app's QR code on screen decodes to
// the enrollment's otpauth URI; an app that scanned it gives the first
// code, which confirms it.
func TestE2EEnrollTheAuthenticatorApp(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyEnroll)
	e.signIn("alice@example.com", "alice-password")
	e.waitFor(en.Factors.ChooseTitle)
	e.press("2")
	screen := e.waitFor(en.Factors.AppFirstCode)
	e.waitFor("POST /mfa/associate → 200: an authenticator app's secret")
	uri, err := qrtest.Decode(screen, qrtest.PolarityOf(qr.Options{Style: qr.StyleColor}))
	if err != nil {
		t.Fatalf("the QR code on screen does not decode: %v\n%s", err, screen)
	}
	secret := flow.SecretGroups(uri[strings.Index(uri, "secret=")+7:][:32])
	if !strings.HasPrefix(uri, "otpauth://totp/") || !strings.Contains(screen, secret[:19]) {
		t.Fatalf("decoded %q; the secret in groups %q is not on screen:\n%s", uri, secret, screen)
	}
	dev, err := e.srv.Phone.Scan(context.Background(), uri, "")
	if err != nil {
		t.Fatal(err)
	}
	code, _, err := e.srv.Phone.OTP(dev.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.typeText(code)
	e.press("enter")
	e.waitFor("Enrolled")
}

// TestAppCodeStopsOfferingTheScanOnceScanned: once the simulated phone
// holds the new app account, the screen no longer offers the scan, so the
// folded phone shows the account's code instead of the scan prompt.
func TestAppCodeStopsOfferingTheScanOnceScanned(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 80, height: 24})
	scenario("enroll_code_app")(f)
	if _, ok := f.m.scanURI(); !ok {
		t.Fatal("the app's QR code is not offered to the phone")
	}
	f.phone.devices = append(f.phone.devices, flow.PhoneDevice{ID: "otp_new", Name: "Alice's phone", App: true, Account: "alice@example.com"})
	f.send(flow.PhoneChangedMsg{})
	if _, ok := f.m.scanURI(); ok {
		t.Fatal("the scan is still offered after the phone scanned the code")
	}
	if screen := f.screen(); !strings.Contains(screen, "Alice's phone 492 039") {
		t.Errorf("the folded phone does not show the app's code:\n%s", screen)
	}
}

// TestE2EEnrollVoiceAndEmailThenAnswer: voice and email enroll as SMS
// does, and the list then answers with them: the challenge sends a code,
// the code signs in.
func TestE2EEnrollVoiceAndEmailThenAnswer(t *testing.T) {
	for _, c := range []struct {
		f             *flow.Factor
		key, typed    string
		sent, entries string
		down          int // the list's entries before the new authenticator: voice comes with its SMS twin, first
	}{
		{flow.Voice, "4", "+44 20 7946 0958", "A code was sent by voice call to +442079460958.", "3 authenticators", 1},
		{flow.Email, "5", "alice.codes@example.com", "A code was sent by email to alice.codes@example.com.", "2 authenticators", 0},
	} {
		t.Run(c.f.ID, func(t *testing.T) {
			e := startE2E(t, 100, 34, JourneyHome)
			e.waitFor("What do you want to do?")
			e.press("1")
			e.signIn("alice@example.com", "alice-password")
			e.waitFor(en.Factors.ChooseTitle)
			e.press(c.key)
			e.waitFor("Each sign-in")
			e.typeText(c.typed)
			e.press("enter")
			e.waitFor(c.sent)
			e.typeText(e.newestCode(c.f))
			e.press("enter")
			e.waitFor("Recovery code")
			e.press("enter") // saved
			e.waitFor("start over")
			e.press("enter")
			e.waitFor("What do you want to do?")
			e.press("2")
			e.signIn("alice@example.com", "alice-password")
			e.waitFor(c.entries)
			for range c.down {
				e.press("j")
			}
			e.press("enter") // the new authenticator
			e.waitFor("A code was sent " + flow.SentBy(en, c.f))
			e.typeText(e.newestCode(c.f))
			e.press("enter")
			e.waitFor("Signed in with MFA")
		})
	}
}
