package ui

import (
	"image/color"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

func newTestFixture(t *testing.T) *fixture {
	return newFixture(t, fixtureOptions{width: 100, height: 34})
}

func TestHomeChoosesAFlow(t *testing.T) {
	f := newTestFixture(t)
	f.key("j")
	f.key("j")
	f.key("j")
	f.key("j") // wraps to the first
	f.key("enter")
	if f.m.current.ID() != screenSignIn || f.m.j.kind != JourneyEnroll {
		t.Fatalf("screen %v flow %v", f.m.current.ID(), f.m.j.kind)
	}
	f.key("esc")
	f.m.opts.Helpdesk = &flow.Helpdesk{Env: f.m.env}
	f.key("4")
	if f.m.current.ID() != screenHelpdeskFind || f.m.j.kind != JourneyHelpdesk {
		t.Fatalf("screen %v flow %v", f.m.current.ID(), f.m.j.kind)
	}
	f.key("esc")
	f.key("3")
	if f.m.current.ID() != screenSignIn || f.m.j.kind != JourneyManage {
		t.Fatalf("screen %v flow %v", f.m.current.ID(), f.m.j.kind)
	}
}

func TestSignInValidatesAndNeverQuitsWhileTyping(t *testing.T) {
	f := newTestFixture(t)
	f.key("1")
	f.key("enter") // email is empty: moves to the password
	if cmd := f.key("q"); isQuit(cmd) {
		t.Fatal("q quit while typing")
	}
	f.key("enter") // submit with an empty email
	if !strings.Contains(f.screen(), "Type the user's email.") || f.m.current.ID() != screenSignIn {
		t.Fatalf("no validation message:\n%s", f.screen())
	}
	if f.m.j.signIn.fields[fieldPassword].Value() != "q" {
		t.Fatalf("the password field holds %q, want the typed q", f.m.j.signIn.fields[fieldPassword].Value())
	}
	f.key("ctrl+t")
	f.key("enter")
	if !strings.Contains(f.screen(), "Paste an mfa_token.") {
		t.Fatalf("paste mode did not validate:\n%s", f.screen())
	}
	if cmd := f.key("ctrl+c"); !isQuit(cmd) {
		t.Fatal("ctrl+c did not quit")
	}
}

func TestPastedTokenSkipsThePassword(t *testing.T) {
	f := newTestFixture(t)
	f.key("3")
	f.key("ctrl+t")
	f.send(tea.PasteMsg{Content: "  Fe26.2*pasted*token \n"})
	f.key("enter")
	if f.m.j.session.MFAToken != "Fe26.2*pasted*token" || f.m.current.ID() != screenWorking {
		t.Fatalf("token %q screen %v", f.m.j.session.MFAToken, f.m.current.ID())
	}
	if strings.Contains(f.screen(), "pasted") {
		t.Fatal("the pasted mfa_token is on screen")
	}
}

func TestEscCancelsTheCallInFlightAndDropsItsLateAnswer(t *testing.T) {
	f := newTestFixture(t)
	f.submitSignIn("bob@example.com", "pw")
	seq := f.m.op.seq
	f.key("esc")
	if f.m.current.ID() != screenSignIn {
		t.Fatalf("esc went to %v", f.m.current.ID())
	}
	f.send(callDoneMsg{seq: seq, msg: flow.SignedInMsg{SignedIn: flow.SignedIn{MFAToken: "late"}}})
	if f.m.j.session.MFAToken == "late" || f.m.current.ID() != screenSignIn {
		t.Fatal("the cancelled sign-in's answer was used")
	}
}

func TestQuitAsksToSaveTheRecoveryCodeFirst(t *testing.T) {
	f := newTestFixture(t)
	scenarioByName(t, "enrolled").setup(f)
	if cmd := f.key("q"); isQuit(cmd) {
		t.Fatal("q quit with the recovery code unsaved")
	}
	if !strings.Contains(f.screen(), "then press enter to confirm") {
		t.Fatalf("no warning:\n%s", f.screen())
	}
	if cmd := f.key("q"); !isQuit(cmd) {
		t.Fatal("a second q did not quit")
	}
}

func TestAcknowledgedRecoveryCodeLetsTheUserLeave(t *testing.T) {
	f := newTestFixture(t)
	scenarioByName(t, "enrolled").setup(f)
	f.key("enter")
	if s, _ := f.m.current.(*enrolledScreen); s == nil || !s.acknowledged || f.m.current.ID() != screenEnrolled {
		t.Fatal("enter did not acknowledge")
	}
	f.key("enter")
	if f.m.current.ID() != screenHome || f.m.j.session.MFAToken != "" {
		t.Fatalf("screen %v; the session must be forgotten on start over", f.m.current.ID())
	}
	if !strings.Contains(f.m.Summary(), "Alice's phone") {
		t.Fatalf("summary %q", f.m.Summary())
	}
}

func TestPhoneKeysOnlyWhereTheyApply(t *testing.T) {
	f := newTestFixture(t)
	if cmd, ok := f.m.phoneKey(keyPress("s")); ok || cmd != nil {
		t.Fatal("s was taken with no QR code on screen")
	}
	if _, ok := f.m.phoneKey(keyPress("a")); ok {
		t.Fatal("a was taken with no push on the phone")
	}
	f.key("p")
	if f.m.phone.visible {
		t.Fatal("p did not hide the phone")
	}
	if side, line := f.m.phoneLayout(); side || !line {
		t.Fatal("a hidden phone must still show its status line")
	}
	scenarioByName(t, "enroll").setup(f)
	if cmd, ok := f.m.phoneKey(keyPress("s")); !ok || cmd == nil || !f.m.phone.scanning {
		t.Fatal("s did not scan the code on screen")
	}
}

func TestListKeys(t *testing.T) {
	f := newTestFixture(t)
	scenarioByName(t, "list").setup(f)
	f.key("j")
	f.key("j")
	f.key("d") // the recovery code
	if f.m.current.ID() != screenList || !strings.Contains(f.m.status, "administrator") {
		t.Fatalf("screen %v status %q", f.m.current.ID(), f.m.status)
	}
	f.key("j")
	f.key("enter") // the pending push
	if !strings.Contains(f.m.status, "never confirmed") {
		t.Fatalf("status %q", f.m.status)
	}
	f.key("j")
	f.key("enter") // sms: a code is sent
	if f.m.current.ID() != screenWorking {
		t.Fatalf("enter on the SMS authenticator did not challenge it: screen %v status %q", f.m.current.ID(), f.m.status)
	}
	f.key("esc")
	f.key("/")
	if cmd := f.key("q"); isQuit(cmd) {
		t.Fatal("q quit while filtering")
	}
}

func TestChallengeFallbackAndLeaving(t *testing.T) {
	f := newTestFixture(t)
	a := challengeFixture(f)
	f.key("o")
	f.typeText("12a")
	f.key("enter")
	if !strings.Contains(f.screen(), "Type the 6 digits") {
		t.Fatalf("no OTP validation:\n%s", f.screen())
	}
	f.key("esc") // back to the push wait, which goes on
	if f.m.j.challenge.entry != nil || a.State().Final() {
		t.Fatal("esc from the code left the wait")
	}
	f.key("esc")
	if f.m.current.ID() != screenList || a.State() != flow.ApprovalCancelled {
		t.Fatalf("screen %v, wait %v", f.m.current.ID(), a.State())
	}
}

func TestWrongCodeStaysOnTheCode(t *testing.T) {
	f := newTestFixture(t)
	challengeFixture(f)
	f.key("o")
	f.typeText("123456")
	f.key("enter")
	if !f.m.j.challenge.verifying {
		t.Fatal("the code was not sent")
	}
	f.result(flow.VerifiedMsg{Factor: flow.OTP, Err: &auth0.Error{StatusCode: 403, Code: "invalid_grant", Description: "Invalid otp_code."}})
	if f.m.current.ID() != screenChallenge || !strings.Contains(f.screen(), "That code is not right") {
		t.Fatalf("screen %v:\n%s", f.m.current.ID(), f.screen())
	}
}

func TestThemeFollowsTheTerminalOnlyInAutoMode(t *testing.T) {
	f := newTestFixture(t) // dark, fixed
	f.send(tea.BackgroundColorMsg{Color: color.White})
	if !f.m.isDark {
		t.Fatal("a fixed dark theme followed the terminal")
	}
	f.m.opts.Theme = ThemeAuto
	f.send(tea.BackgroundColorMsg{Color: color.White})
	if f.m.isDark || f.m.st.IsDark {
		t.Fatal("auto did not switch to light")
	}
}

func TestExpiredEnrollmentOffersANewCode(t *testing.T) {
	f := newTestFixture(t)
	scenarioByName(t, "enroll_expired").setup(f)
	if !strings.Contains(f.screen(), "Press n for a new code") {
		t.Fatalf("screen:\n%s", f.screen())
	}
	f.key("n")
	// The mfa_token is 5 minutes old too: a new sign-in with the password.
	if f.m.current.ID() != screenWorking || f.m.op.label != f.m.t.Working.SigningInAgain {
		t.Fatalf("screen %v, op %q", f.m.current.ID(), f.m.op.label)
	}
}

// TestEveryScreenFitsEverySize renders every screen at every size from
// 1x1 to 40x12 (and the usual sizes): no panic, nothing wider or taller
// than the window.
func TestEveryScreenFitsEverySize(t *testing.T) {
	sizes := [][2]int{{0, 0}, {80, 24}, {100, 34}, {200, 60}}
	for w := 1; w <= 40; w++ {
		for h := 1; h <= 12; h++ {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	for _, sc := range scenarios {
		f := newFixture(t, fixtureOptions{width: 100, height: 34})
		sc.setup(f)
		for _, size := range sizes {
			f.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			out := f.m.View().Content
			lines := strings.Split(out, "\n")
			if len(lines) > max(size[1], 1) {
				t.Fatalf("%s at %dx%d: %d lines", sc.name, size[0], size[1], len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Fatalf("%s at %dx%d: a line %d wide: %q", sc.name, size[0], size[1], w, ansi.Strip(l))
				}
			}
		}
	}
}

func TestTooSmallSaysTheSizeNeeded(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 40, height: 12})
	if s := f.screen(); !strings.Contains(s, "48×14") {
		t.Fatalf("screen:\n%s", s)
	}
}

func scenarioByName(t *testing.T, name string) struct {
	name  string
	setup func(f *fixture)
} {
	t.Helper()
	for _, sc := range keyScenarios {
		if sc.name == name {
			return sc
		}
	}
	t.Fatalf("no scenario %q", name)
	return scenarios[0]
}

// TestExitCodes: q leaves with the status of where the run got to;
// ctrl+c is an interruption (130) wherever it is pressed, as SIGINT is in
// every mode (package exitcode).
func TestExitCodes(t *testing.T) {
	for name, tc := range map[string]struct {
		setup func(f *fixture)
		want  int
	}{
		"nothing started":      {func(f *fixture) {}, 0},
		"quit during the wait": {func(f *fixture) { challengeFixture(f) }, 2},
		"quit on an error":     {scenarioByName(t, "problem_wrong_password").setup, 1},
		"quit once enrolled":   {scenarioByName(t, "enrolled").setup, 0},
		"quit on the sign-in":  {scenarioByName(t, "signin").setup, 2},
		"quit with the tokens": {scenarioByName(t, "result").setup, 0},
	} {
		f := newTestFixture(t)
		tc.setup(f)
		if got := f.m.ExitCode(); got != tc.want {
			t.Errorf("%s: exit code %d, want %d", name, got, tc.want)
		}
		if f.key("ctrl+c"); f.m.ExitCode() != 130 {
			t.Errorf("%s, then ctrl+c: exit code %d, want 130", name, f.m.ExitCode())
		}
	}
}

func TestEmptyListOffersToEnroll(t *testing.T) {
	f := newTestFixture(t)
	f.signedIn(JourneyManage, "alice@example.com")
	f.result(flow.AuthenticatorsMsg{})
	if !strings.Contains(f.screen(), "Press e to enroll") {
		t.Fatalf("screen:\n%s", f.screen())
	}
	f.key("e")
	if f.m.current.ID() != screenFactorChoice || f.m.j.kind != JourneyEnroll {
		t.Fatalf("screen %v flow %v", f.m.current.ID(), f.m.j.kind)
	}
	f.key("enter") // push, first
	if f.m.current.ID() != screenWorking || f.m.op.label != f.m.t.Working.Associating || f.m.j.kind != JourneyEnroll {
		t.Fatalf("screen %v op %q flow %v", f.m.current.ID(), f.m.op.label, f.m.j.kind)
	}
}

func TestFullHelpListsEachKeyOnce(t *testing.T) {
	f := newTestFixture(t)
	f.key("?")
	screen := f.screen()
	if n := len(regexp.MustCompile(`\bq +quit`).FindAllString(screen, -1)); n != 1 {
		t.Fatalf("q quit shown %d times:\n%s", n, screen)
	}
}
