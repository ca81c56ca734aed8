package ui

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/i18n/i18ntest"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

const fixtureRecoveryCode = "MZCRK3YX5V3AKNNYY6JEBQCL"

// enrollOn puts alice's enrollment on screen as the program shows it: the
// associate call and a pending poll in the trace (the line under the
// header), the QR code of barcode, 61 s into the ticket's 5 minutes.
func enrollOn(f *fixture, barcode string) {
	f.signedIn(JourneyEnroll, "alice@example.com")
	f.enrollTraceFixture()
	f.result(flow.AssociatedMsg{Enrollment: flow.Enrollment{At: fixtureTime, Association: &auth0.Association{AuthenticatorType: "oob", OOBChannel: "auth0",
		OOBCode: "oob", BarcodeURI: barcode, RecoveryCodes: []string{fixtureRecoveryCode}}}})
	f.clock.Advance(61 * time.Second)
}

// enrollExpired is enrollOn once the ticket has expired.
func enrollExpired(f *fixture) {
	enrollOn(f, fixtureBarcode)
	f.clock.Advance(5 * time.Minute)
	f.send(flow.ApprovalDueMsg{ID: f.m.j.enroll.approval.ID()})
}

// enrollTraceFixture records the associate call and one pending poll, as
// the client would have (secrets already replaced).
func (f *fixture) enrollTraceFixture() {
	add := func(op, path, grant string, status int, code, body string, outcome auth0.Outcome) {
		f.m.opts.Trace.Observe(auth0.Exchange{
			Op: op, Grant: grant, Method: "POST", URL: "http://127.0.0.1:8484" + path,
			RequestHeader: http.Header{"Content-Type": {"application/json"}}, StatusCode: status,
			ResponseHeader: http.Header{"Content-Type": {"application/json"}}, ResponseBody: []byte(body),
			Started: fixtureTime, Duration: 3 * time.Millisecond, Outcome: outcome, ErrorCode: code,
		})
	}
	add("POST /mfa/associate", "/mfa/associate", "", 200, "",
		`{"authenticator_type":"oob","oob_channel":"auth0","oob_code":"$OOB_CODE","barcode_uri":"$BARCODE_URI","recovery_codes":["$RECOVERY_CODE"]}`, auth0.OutcomeTokens)
	add("POST /oauth/token", "/oauth/token", auth0.GrantMFAOOB, 400, "authorization_pending",
		`{"error":"authorization_pending","error_description":"Authorization pending: please repeat the request in a few seconds."}`, auth0.OutcomePending)
}

// decodesFromScreen reports whether the QR code on screen reads back as the
// enrollment link.
func decodesFromScreen(t *testing.T, screen, want string) bool {
	t.Helper()
	got, err := qrtest.Decode(screen, qrtest.LightInk)
	if err != nil {
		return false
	}
	if got != want {
		t.Fatalf("the QR code reads %q, want %q", got, want)
	}
	return true
}

func enrollAt(t *testing.T, w, h int) *fixture {
	f := newFixture(t, fixtureOptions{width: w, height: h})
	enrollOn(f, fixtureBarcode)
	return f
}

var (
	needBoth  = regexp.MustCompile(`at least (\d+)×(\d+)`)
	needWidth = regexp.MustCompile(`at least (\d+) columns wide`)
	needRows  = regexp.MustCompile(`at least (\d+) rows tall`)
)

// statedNeed reads the size the too-small message asks for, at the
// window's size w×h, and which of the two it names.
func statedNeed(t *testing.T, screen string, w, h int) (needW, needH int, namesW, namesH bool) {
	t.Helper()
	flat := strings.Join(strings.Fields(screen), " ")
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case needBoth.MatchString(flat):
		m := needBoth.FindStringSubmatch(flat)
		return atoi(m[1]), atoi(m[2]), true, true
	case needWidth.MatchString(flat):
		return atoi(needWidth.FindStringSubmatch(flat)[1]), h, true, false
	case needRows.MatchString(flat):
		return w, atoi(needRows.FindStringSubmatch(flat)[1]), false, true
	}
	t.Fatalf("at %dx%d no size is asked for:\n%s", w, h, screen)
	return 0, 0, false, false
}

// TestQRCodeShowsFromTheSizeItAsksFor: where the code does not fit, the
// screen names a size; at that size the code shows and decodes, and one
// row or column less it does not. Sizes the code fits in were refused.
func TestQRCodeShowsFromTheSizeItAsksFor(t *testing.T) {
	for _, size := range [][2]int{{53, 32}, {70, 33}, {85, 34}, {100, 32}, {100, 34}, {120, 40}, {200, 60}} {
		f := enrollAt(t, size[0], size[1])
		if !decodesFromScreen(t, f.screen(), fixtureBarcode) {
			t.Errorf("at %dx%d the QR code does not show:\n%s", size[0], size[1], f.screen())
		}
	}
	for _, size := range [][2]int{{48, 14}, {52, 60}, {60, 20}, {80, 24}, {100, 25}, {100, 30}, {200, 30}} {
		f := enrollAt(t, size[0], size[1])
		if decodesFromScreen(t, f.screen(), fixtureBarcode) {
			t.Fatalf("%dx%d is smaller than the test thinks", size[0], size[1])
		}
		w, h, namesW, namesH := statedNeed(t, f.screen(), size[0], size[1])
		f.send(tea.WindowSizeMsg{Width: w, Height: h})
		if !decodesFromScreen(t, f.screen(), fixtureBarcode) {
			t.Errorf("at %dx%d the screen asks for %dx%d, where the code does not show:\n%s", size[0], size[1], w, h, f.screen())
			continue
		}
		f.send(tea.WindowSizeMsg{Width: w, Height: h - 1})
		if namesH && decodesFromScreen(t, f.screen(), fixtureBarcode) {
			t.Errorf("at %dx%d the screen asks for %dx%d, but %dx%d is enough", size[0], size[1], w, h, w, h-1)
		}
		if namesW {
			f.send(tea.WindowSizeMsg{Width: w - 1, Height: h})
			if decodesFromScreen(t, f.screen(), fixtureBarcode) {
				t.Errorf("at %dx%d the screen asks for %dx%d, but %dx%d is enough", size[0], size[1], w, h, w-1, h)
			}
		}
	}
}

// TestReadmeStatesTheQRCodeSize: the README's figure is the one the
// sandbox's enrollment screen asks for in the narrowest window.
func TestReadmeStatesTheQRCodeSize(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	f := enrollAt(t, minWidth, minHeight)
	w, h, _, _ := statedNeed(t, f.screen(), minWidth, minHeight)
	flat := strings.Join(strings.Fields(string(readme)), " ")
	if want := fmt.Sprintf("The QR code needs a window of at least %d×%d on the sandbox", w, h); !strings.Contains(flat, want) {
		t.Errorf("the README lacks %q", want)
	}
}

// TestFullHelpNeverHidesTheQRCode: ? shows every key and the code stays,
// whole and readable.
func TestFullHelpNeverHidesTheQRCode(t *testing.T) {
	for _, size := range [][2]int{{53, 32}, {80, 34}, {100, 34}, {120, 40}, {200, 60}} {
		f := enrollAt(t, size[0], size[1])
		f.key("?")
		screen := f.screen()
		if !decodesFromScreen(t, screen, fixtureBarcode) {
			t.Errorf("at %dx%d the help hides the QR code:\n%s", size[0], size[1], screen)
		}
		if size[0] >= 100 && !strings.Contains(screen, "request trace") {
			t.Errorf("at %dx%d the full help is not shown:\n%s", size[0], size[1], screen)
		}
	}
}

// TestExpiredCodeHidesWhatNoLongerWorks: once the ticket is dead, neither
// its code nor its link is offered.
func TestExpiredCodeHidesWhatNoLongerWorks(t *testing.T) {
	f := newTestFixture(t)
	enrollExpired(f)
	screen := f.screen()
	for _, gone := range []string{"▄", "▀", "otpauth", "copy link", "phone: scan", "Link"} {
		if strings.Contains(screen, gone) {
			t.Errorf("the expired screen still shows %q:\n%s", gone, screen)
		}
	}
	if !strings.Contains(screen, "Press n for a new code") {
		t.Errorf("no way on:\n%s", screen)
	}
	if cmd := f.key("c"); cmd != nil {
		t.Error("c still copies the dead link")
	}
}

// TestLinkTooLongForAQRCodeKeepsTheLink: the screen says so in the user's
// language, and the link and its copy key stay.
func TestLinkTooLongForAQRCodeKeepsTheLink(t *testing.T) {
	long := "otpauth://totp/mfapush%20sandbox:alice%40example.com?enrollment_tx_id=" + strings.Repeat("x", 3000)
	finder := i18ntest.NewFinder(i18n.French)
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: lang})
		enrollOn(f, long)
		screen := f.screen()
		if strings.Contains(screen, "qr:") {
			t.Errorf("%s: the library's error is on screen:\n%s", lang, screen)
		}
		if !strings.Contains(screen, "otpauth://totp/mfapush%20sandbox") {
			t.Errorf("%s: the link is not on screen:\n%s", lang, screen)
		}
		if !strings.Contains(screen, "c "+f.m.t.Keys.Copy) {
			t.Errorf("%s: c is not offered:\n%s", lang, screen)
		}
		if !strings.Contains(strings.Join(strings.Fields(screen), " "), strconv.Itoa(len(long))) {
			t.Errorf("%s: the screen does not say how long the link is:\n%s", lang, screen)
		}
		if lang == i18n.French {
			if english := finder.EnglishOn(screen, fixtureData...); len(english) > 0 {
				t.Errorf("English on the French screen: %q\n%s", english, screen)
			}
		}
	}
}

// columnText is what a screen shows right of column x, lines joined.
func columnText(screen string, x int) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		r := []rune(l)
		if len(r) > x {
			b.WriteString(strings.TrimSpace(string(r[x:])))
		}
	}
	return b.String()
}

// TestCopySaysWhatWasSentAndKeepsTheText: OSC 52 may go nowhere (tmux with
// set-clipboard external), so the screen says what was tried and keeps the
// text there to copy by hand.
func TestCopySaysWhatWasSentAndKeepsTheText(t *testing.T) {
	f := newTestFixture(t)
	enrollOn(f, fixtureBarcode)
	if cmd := f.key("c"); cmd == nil {
		t.Fatal("c did nothing")
	}
	screen := f.screen()
	if strings.Contains(strings.ToLower(screen), "copied") || !strings.Contains(screen, "OSC 52") {
		t.Errorf("the copy claims too much or says nothing:\n%s", screen)
	}
	if !strings.Contains(columnText(screen, margin+f.m.j.enroll.codes[2].Width()+3), fixtureBarcode) {
		t.Errorf("the whole link is not on screen to copy by hand:\n%s", screen)
	}

	f = newTestFixture(t)
	challengeFixture(f)
	f.traceFixture()
	f.key("t")
	f.key("enter")
	f.key("c")
	if screen := f.screen(); strings.Contains(strings.ToLower(screen), "copied") || !strings.Contains(screen, "OSC 52") {
		t.Errorf("the trace's copy claims too much or says nothing:\n%s", screen)
	}
}

// TestRecoveryCodeIsShownOnceWhereItIsSaved: the one rule (README,
// "Recovery codes") on every screen that touches a recovery code.
func TestRecoveryCodeIsShownOnceWhereItIsSaved(t *testing.T) {
	grouped := groupCode(fixtureRecoveryCode)
	f := newTestFixture(t)
	enrollOn(f, fixtureBarcode)
	if s := f.screen(); strings.Contains(s, grouped) || strings.Contains(s, fixtureRecoveryCode) {
		t.Errorf("the QR screen shows the recovery code before it works:\n%s", s)
	}

	f = newTestFixture(t)
	scenarioByName(t, "enrolled").setup(f)
	if !strings.Contains(f.screen(), grouped) {
		t.Fatalf("the enrolled screen does not show the recovery code:\n%s", f.screen())
	}
	f.key("enter") // saved
	if s := f.screen(); strings.Contains(s, grouped) {
		t.Errorf("the code is still on screen once saved:\n%s", s)
	}

	f = newTestFixture(t)
	challengeFixture(f)
	f.key("r")
	f.typeText("17EQ")
	if s := f.screen(); !strings.Contains(s, "17EQ") {
		t.Errorf("a typed recovery code is masked, unlike the one-time code:\n%s", s)
	}
	if strings.Contains(f.m.t.Flags.RevealSecrets, "recovery") {
		t.Errorf("--reveal-secrets claims to control recovery codes: %q", f.m.t.Flags.RevealSecrets)
	}
}

// TestRecoveryFileGoesToAPrivateDataFolder: w writes under the user's data
// folder, never the current one, and the screen shows the whole path with
// the file name on one line.
func TestRecoveryFileGoesToAPrivateDataFolder(t *testing.T) {
	data, cwd := t.TempDir(), t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Chdir(cwd)
	f := newFixture(t, fixtureOptions{width: 80, height: 24})
	scenarioByName(t, "enrolled").setup(f)
	f.key("p") // the phone folds away: the path's lines are the body's alone
	cmd := f.key("w")
	if cmd == nil {
		t.Fatal("w did nothing")
	}
	f.send(cmd())
	if entries, _ := os.ReadDir(cwd); len(entries) > 0 {
		t.Fatalf("saved into the current folder: %s", entries[0].Name())
	}
	dir := filepath.Join(data, "mfapush")
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("nothing saved in %s: %v", dir, err)
	}
	file := filepath.Join(dir, entries[0].Name())
	for path, want := range map[string]os.FileMode{dir: 0o700, file: 0o600} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v, want %v (%v)", path, info.Mode().Perm(), want, err)
		}
	}
	screen := f.screen()
	if !strings.Contains(screen, entries[0].Name()) {
		t.Errorf("the file name is not whole on one line:\n%s", screen)
	}
	if !strings.Contains(strings.ReplaceAll(columnText(screen, margin), " ", ""), file) {
		t.Errorf("the whole path %s is not on screen:\n%s", file, screen)
	}
}

// TestCountdownBarShowsWithoutColour: under NO_COLOR the bar's two parts
// differ by their glyphs.
func TestCountdownBarShowsWithoutColour(t *testing.T) {
	f := newTestFixture(t)
	f.send(tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	challengeFixture(f)
	f.clock.Advance(30 * time.Second) // a tenth of the 5 minutes
	if !regexp.MustCompile(`━{36}─{4}`).MatchString(f.screen()) {
		t.Errorf("the challenge's bar does not show the time left without colour:\n%s", f.screen())
	}
	f = newTestFixture(t)
	f.send(tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	enrollOn(f, fixtureBarcode) // 61 s of 5 minutes: a fifth gone
	if !regexp.MustCompile(`━{24}─{6}`).MatchString(f.screen()) {
		t.Errorf("the enrollment's bar does not show the time left without colour:\n%s", f.screen())
	}
}

// TestSandboxWaitSaysItsPaceIsNotATenants: the embedded sandbox polls every
// second; the wait screens say a real tenant needs 5 s.
func TestSandboxWaitSaysItsPaceIsNotATenants(t *testing.T) {
	for _, sc := range []struct {
		name  string
		setup func(*fixture)
	}{{"enroll", func(f *fixture) { enrollOn(f, fixtureBarcode) }}, {"challenge", func(f *fixture) { challengeFixture(f) }}} {
		for _, interval := range []time.Duration{time.Second, 5 * time.Second} {
			f := newTestFixture(t)
			f.m.env.PollInterval = interval
			sc.setup(f)
			shown := strings.Contains(f.screen(), "The sandbox is checked every")
			if shown != (interval < flow.DefaultInterval) {
				t.Errorf("%s polling every %v: pace note shown %v:\n%s", sc.name, interval, shown, f.screen())
			}
		}
	}
}

// enrollGoldenSizes are the sizes of the issue that asked for them: below
// the smallest window, the QR code's minimum, the usual terminal, the
// README's pictures and a large window.
var enrollGoldenSizes = [][2]int{{40, 12}, {53, 32}, {53, 33}, {80, 24}, {100, 34}, {200, 60}}

// TestGoldenEnroll keeps the enrollment screen at each size, with and
// without the full help, and after expiry; wherever the code shows it must
// decode, and from its minimum it must show.
func TestGoldenEnroll(t *testing.T) {
	for _, size := range enrollGoldenSizes {
		for _, variant := range []string{"plain", "help", "expired"} {
			t.Run(fmt.Sprintf("%dx%d_%s", size[0], size[1], variant), func(t *testing.T) {
				f := newFixture(t, fixtureOptions{width: size[0], height: size[1]})
				if variant == "expired" {
					enrollExpired(f)
				} else {
					enrollOn(f, fixtureBarcode)
				}
				if variant == "help" {
					f.key("?")
				}
				screen := f.screen()
				shown := decodesFromScreen(t, screen, fixtureBarcode)
				if want := variant != "expired" && size[0] >= 53 && size[1] >= 32; shown != want {
					t.Errorf("QR code shown: %v, want %v", shown, want)
				}
				golden.RequireEqual(t, screen)
			})
		}
	}
}

// TestEnrollScreensInFrench: every form the enrollment screen takes, at
// every size, is French throughout.
func TestEnrollScreensInFrench(t *testing.T) {
	finder := i18ntest.NewFinder(i18n.French)
	for _, size := range append(enrollGoldenSizes, [2]int{70, 34}, [2]int{80, 40}) {
		for _, keys := range [][]string{nil, {"?"}, {"c"}, {"c", "?"}} {
			f := newFixture(t, fixtureOptions{width: size[0], height: size[1], lang: i18n.French})
			f.m.env.PollInterval = time.Second
			enrollOn(f, fixtureBarcode)
			for _, k := range keys {
				f.key(k)
			}
			if english := finder.EnglishOn(f.screen(), fixtureData...); len(english) > 0 {
				t.Errorf("%dx%d after %q: English on the French screen: %q\n%s", size[0], size[1], keys, english, f.screen())
			}
		}
	}
}

// An authenticator app has no name at Auth0: the enrolled screen says
// which kind is active, without a device name ("sans nom" in French).
func TestEnrolledAppSaysNoDeviceName(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{
		i18n.English: "One-time password is active for alice@example.com.",
		i18n.French:  "Mot de passe à usage unique est actif pour alice@example.com.",
	} {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: lang})
		s := newEnrolledScreen(f.m.common, "alice@example.com", auth0.Authenticator{ID: "totp|dev_WzMZ2sZbUw1wbC2F", AuthenticatorType: "otp", Active: true}, []string{fixtureRecoveryCode})
		if view := squeezeSpaces(stripANSI(s.View(100, 30))); !strings.Contains(view, want) {
			t.Errorf("%s: %q not in\n%s", lang, want, view)
		}
	}
}

// Esc on the QR code or on the code that confirms a factor goes one step
// back, to the choice of factor, as it does from the phone number; the
// enrollment's wait stops. Without a choice (push alone), it starts over.
func TestEscFromAnEnrollmentGoesBackToTheChoice(t *testing.T) {
	for _, pick := range []string{"1", "2"} { // push: the QR code; the app: its code
		f := newFixture(t, fixtureOptions{width: 100, height: 34})
		factorChoiceFixture(f)
		f.key(pick)
		as := &auth0.Association{AuthenticatorType: "oob", OOBChannel: "auth0", OOBCode: "oob", BarcodeURI: fixtureBarcode, RecoveryCodes: []string{fixtureRecoveryCode}}
		if pick == "2" {
			as = &auth0.Association{AuthenticatorType: "otp", Secret: "JBSWY3DPEHPK3PXP", BarcodeURI: "otpauth://totp/mfapush:alice@example.com?secret=JBSWY3DPEHPK3PXP", RecoveryCodes: []string{fixtureRecoveryCode}}
		}
		f.result(flow.AssociatedMsg{Enrollment: flow.Enrollment{At: fixtureTime, Association: as}})
		shown := f.m.current.ID()
		f.key("esc")
		if f.m.current.ID() != screenFactorChoice || f.m.j.session.MFAToken == "" {
			t.Errorf("%s: esc on %v went to %v", pick, shown, f.m.current.ID())
		}
		if pick == "1" && !f.m.j.enroll.approval.State().Final() {
			t.Errorf("the enrollment's wait goes on")
		}
	}
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	enrollOn(f, fixtureBarcode)
	f.key("esc")
	if f.m.current.ID() != screenHome || f.m.j.session.MFAToken != "" {
		t.Errorf("push alone: esc went to %v", f.m.current.ID())
	}
}

// The line under the header gives Auth0's error_description with the
// error code: a wrong code reads "invalid_grant: Invalid otp_code.".
func TestExplainLineGivesTheErrorDescription(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	scenario("challenge_otp")(f)
	f.m.opts.Trace.Observe(auth0.Exchange{Op: "POST /oauth/token", Grant: auth0.GrantMFAOTP, Method: "POST", URL: "http://127.0.0.1:8484/oauth/token",
		StatusCode: 403, ResponseHeader: http.Header{"Content-Type": {"application/json"}},
		ResponseBody: []byte(`{"error":"invalid_grant","error_description":"Invalid otp_code."}`),
		Started:      fixtureTime, Duration: 3 * time.Millisecond, ErrorCode: "invalid_grant"})
	if line := f.m.explainLast(); !strings.HasSuffix(line, "→ 403: invalid_grant: Invalid otp_code.") {
		t.Errorf("explained as %q", line)
	}
}
