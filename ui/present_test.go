package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

// presentSizes are the smallest window presenter mode must fit, and a
// large one.
var presentSizes = [][2]int{{80, 24}, {160, 48}}

// TestGoldenPresent: every screen in presenter mode at 80x24 and 160x48.
func TestGoldenPresent(t *testing.T) {
	for _, sc := range scenarios {
		for _, size := range presentSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				f := newFixture(t, fixtureOptions{width: size[0], height: size[1], present: true})
				sc.setup(f)
				golden.RequireEqual(t, f.screen())
			})
		}
	}
}

// In presenter mode no secret shows, whatever --reveal-secrets says: the
// recovery codes (the demo users' come masked from the command line), the
// enrollment link, the tokens (v does nothing), the secrets of the
// trace; and the line that explains the last call stays off until the
// trace is opened.
func TestPresentMasksSecrets(t *testing.T) {
	for _, sc := range append(slices.Clone(scenarios), helpdeskScenarios...) {
		for _, size := range append(presentSizes, [2]int{100, 34}) {
			f := newFixture(t, fixtureOptions{width: size[0], height: size[1], present: true})
			sc.setup(f)
			f.key("v")
			screen := f.screen()
			for _, secret := range []string{fixtureRecoveryCode, groupCode(fixtureRecoveryCode), "17EQ HNZC", fixtureBarcode[:30], "eyJ",
				"ticket=Gi5z", "V6KX 9QJ2", "V6KX9QJ2"} { // the helpdesk's ticket link and recovery code
				if strings.Contains(screen, secret) {
					t.Errorf("%s at %dx%d shows %q:\n%s", sc.name, size[0], size[1], secret, screen)
				}
			}
			if !strings.HasPrefix(sc.name, "trace") && strings.Contains(screen, "⇄") {
				t.Errorf("%s at %dx%d explains the last call:\n%s", sc.name, size[0], size[1], screen)
			}
		}
	}
}

// Presenter mode captions every screen of the story, and of the
// helpdesk console, in plain words.
func TestPresentCaptionsEveryScreen(t *testing.T) {
	for _, sc := range append(slices.Clone(scenarios), helpdeskScenarios...) {
		if strings.HasPrefix(sc.name, "trace") || strings.HasPrefix(sc.name, "problem") || sc.name == "working" ||
			sc.name == "confirm_delete" || sc.name == "already_enrolled" || sc.name == "enroll_expired" || sc.name == "helpdesk_missing_scope" {
			continue
		}
		f := newFixture(t, fixtureOptions{width: 80, height: 24, present: true})
		sc.setup(f)
		if text := f.m.screenCaption(); text == "" || !strings.Contains(squeezeSpaces(f.screen()), squeezeSpaces(text)) {
			t.Errorf("%s: no caption %q on screen:\n%s", sc.name, text, f.screen())
		}
	}
}

func squeezeSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// A window with room for it shows the QR code in full blocks, and the
// code reads back from the screen on either theme, in colour or not.
func TestPresentFullBlockCodeScans(t *testing.T) {
	for _, light := range []bool{false, true} {
		for _, noColor := range []bool{false, true} {
			f := newFixture(t, fixtureOptions{width: 104, height: 60, present: true, light: light})
			if noColor {
				f.send(tea.ColorProfileMsg{Profile: colorprofile.Ascii})
			}
			enrollOn(f, fixtureBarcode)
			l := f.m.j.enroll.layout(f.m.bodySize())
			if l.code == nil || !l.code.FullBlock() {
				t.Fatalf("light %v, no colour %v: the code is not in full blocks at 104x60:\n%s", light, noColor, f.screen())
			}
			polarity := qrtest.PolarityOf(qr.Options{Style: f.m.qrStyle()})
			for _, screen := range []string{f.screen(), f.m.View().Content} {
				got, err := qrtest.Decode(screen, polarity)
				if err != nil || got != fixtureBarcode {
					t.Fatalf("light %v, no colour %v: %q, %v", light, noColor, got, err)
				}
			}
		}
	}
}

// Below the room full blocks need, the half-block code shows, and at
// 80x24 the screen says what window it needs.
func TestPresentSmallerWindows(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 160, height: 48, present: true})
	enrollOn(f, fixtureBarcode)
	if l := f.m.j.enroll.layout(f.m.bodySize()); l.code == nil || l.code.FullBlock() {
		t.Errorf("160x48: want the half-block code, got %+v", l)
	}
	if !decodesFromScreen(t, f.screen(), fixtureBarcode) {
		t.Errorf("160x48: the code does not scan:\n%s", f.screen())
	}
	small := newFixture(t, fixtureOptions{width: 80, height: 24, present: true})
	enrollOn(small, fixtureBarcode)
	if screen := small.screen(); !strings.Contains(squeezeSpaces(screen), squeezeSpaces(small.m.j.enroll.qrTooSmall())) {
		t.Errorf("80x24 does not say what it needs:\n%s", screen)
	}
}

// A caption sent to the interface (the demo's) shows under the header with
// its note at the right, wraps on two lines when narrow, and its keys take
// the footer's place; the frame keeps the window's size.
func TestCaptionMsg(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}, {60, 20}} {
		f := newFixture(t, fixtureOptions{width: size[0], height: size[1], present: true})
		challengeFixture(f)
		text := "The phone is asked to approve the sign-in. Bob taps Approve."
		f.send(CaptionMsg{Text: text, Note: "step 6 of 14", Keys: "space pause • → next step • q quit"})
		screen := f.screen()
		if lines := strings.Split(screen, "\n"); len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, want := range []string{text, "space pause • → next step • q quit"} {
			if !strings.Contains(squeezeSpaces(screen), want) {
				t.Errorf("%v: %q is not on screen:\n%s", size, want, screen)
			}
		}
		if size[0] >= 80 && !strings.Contains(screen, "step 6 of 14") {
			t.Errorf("%v: no note:\n%s", size, screen)
		}
		if strings.Contains(screen, "? more keys") {
			t.Errorf("%v: the interface's keys show beside the demo's:\n%s", size, screen)
		}
	}
}

// At 80x24 the caption over a helpdesk ticket's QR code holds on one line,
// in either language: the code needs every other row.
func TestPresentTicketCaptionIsOneLine(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		f := newFixture(t, fixtureOptions{width: 80, height: 24, present: true, lang: lang})
		for _, sc := range helpdeskScenarios {
			if sc.name == "helpdesk_ticket" {
				sc.setup(f)
			}
		}
		lines := strings.Split(f.screen(), "\n")
		if caption := f.m.t.Demo.Screens.HelpdeskTicket; !strings.Contains(lines[1], caption) {
			t.Errorf("%s: the caption %q is not on one line:\n%s", lang, caption, f.screen())
		}
	}
}

// In presenter mode the recovery code is masked, so the screens do not ask
// to write it down: they say it is hidden from the audience and that w
// saves it to a private file, and w does save the real code there.
func TestPresentSaysHowToGetTheMaskedRecoveryCode(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		words := i18n.For(lang)
		for _, sc := range []struct {
			name  string
			setup func(*fixture)
			code  string
		}{
			{"enrolled", scenario("enrolled"), "MZCRK3YX5V3AKNNYY6JEBQCL"},
			{"new_recovery_code", scenario("new_recovery_code"), "17EQHNZC2SZDYG7X4QXVX9SW"},
		} {
			f := newFixture(t, fixtureOptions{width: 80, height: 24, lang: lang, present: true}) // the phone folds: lines join
			f.m.opts.SaveDir = t.TempDir()
			sc.setup(f)
			screen := strings.Join(strings.Fields(f.screen()), " ")
			if strings.Contains(screen, words.Enrolled.RecoveryHint) || !strings.Contains(screen, words.Demo.RecoveryMasked) {
				t.Errorf("%s/%s: the masked code is to be written down, or not said how to get:\n%s", lang, sc.name, f.screen())
			}
			f.send(f.key("w")())
			saved, _ := filepath.Glob(filepath.Join(f.m.opts.SaveDir, "recovery-*.txt"))
			if len(saved) != 1 {
				t.Fatalf("%s/%s: w saved %v", lang, sc.name, saved)
			}
			if b, err := os.ReadFile(saved[0]); err != nil || !strings.Contains(string(b), sc.code) {
				t.Errorf("%s/%s: the file does not hold the code: %q %v", lang, sc.name, b, err)
			}
		}
	}
}
