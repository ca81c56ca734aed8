package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/i18n/i18ntest"
)

// fixtureData is what the fixtures' tenant says rather than mfapush: the
// device names it returns, the scopes it grants, Auth0's own answer.
var fixtureData = []string{"Bob's phone", "Alice's phone", "openid profile email", "alice-password", "bob-password",
	"Wrong email or password.", "Grant type 'password' not allowed for the client."}

// TestFrenchScreensShowNoEnglish renders every screen in French and looks
// for words of the English catalog on it.
func TestFrenchScreensShowNoEnglish(t *testing.T) {
	finder := i18ntest.NewFinder(i18n.French)
	for _, sc := range scenarios {
		for _, size := range [][2]int{{100, 34}, {80, 24}} {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				f := newFixture(t, fixtureOptions{width: size[0], height: size[1], lang: i18n.French})
				sc.setup(f)
				screen := f.screen()
				if english := finder.EnglishOn(screen, fixtureData...); len(english) > 0 {
					t.Errorf("English on the French screen: %q\n%s", english, screen)
				}
			})
		}
	}
}

// TestGoldenFrench keeps the French screens for a reviewer to read.
func TestGoldenFrench(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: i18n.French})
			sc.setup(f)
			golden.RequireEqual(t, f.screen())
		})
	}
}

// TestE2EEnrollInFrench walks a whole enrollment in French in a virtual
// terminal, the phone scanning the code, and reads every screen it passes
// for English.
func TestE2EEnrollInFrench(t *testing.T) {
	fr := i18n.For(i18n.French)
	finder := i18ntest.NewFinder(i18n.French)
	e := startE2EIn(t, i18n.French, 100, 34, JourneyHome)
	check := func(screen string) {
		t.Helper()
		if english := finder.EnglishOn(screen, "alice-password", "bob-password"); len(english) > 0 {
			t.Errorf("English on the French screen: %q\n%s", english, screen)
		}
	}
	check(e.waitFor(fr.Home.Title))
	e.press("1")
	check(e.waitFor(fr.SignIn.Email))
	e.typeText("alice@example.com")
	e.press("enter")
	e.typeText("alice-password")
	e.press("enter")
	check(e.waitFor(fr.Factors.ChooseTitle))
	e.press("enter") // push
	check(e.waitFor(fr.Enroll.Waiting))
	e.press("s") // the simulated phone scans the code
	check(e.waitFor(fr.Enrolled.RecoveryTitle))
	e.press("enter") // the code is saved
	check(e.waitFor(fr.Enrolled.Continue))
	e.press("enter")
	check(e.waitFor(fr.Home.Title))
}

// The authenticator app's screen at 94x34 in French: the longer words
// beside the QR code wrap rather than being cut.
func TestFrenchAppEnrollmentIsNotCut(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 94, height: 34, lang: i18n.French})
	for _, sc := range scenarios {
		if sc.name == "enroll_code_app" {
			sc.setup(f)
		}
	}
	screen := f.screen()
	if !strings.Contains(screen, "l’application :") {
		t.Errorf("%q is cut:\n%s", f.m.t.Factors.AppFirstCode, screen)
	}
}

// The footer names enter and esc in French ("entrée", "échap") on every
// screen, as the French hints do; the keys themselves are unchanged.
func TestFrenchFooterNamesKeysInFrench(t *testing.T) {
	for _, sc := range keyScenarios {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: i18n.French})
		sc.setup(f)
		f.m.help.ShowAll = true
		f.m.layout()
		footer := stripANSI(f.m.viewFooter(100))
		for _, english := range []string{"enter ", "esc "} {
			if strings.Contains(footer, english) {
				t.Errorf("%s: the French footer names %q:\n%s", sc.name, english, footer)
			}
		}
	}
	f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: i18n.French})
	f.key("enter") // the sign-in: enter submits
	if footer := stripANSI(f.m.viewFooter(100)); !strings.Contains(footer, "entrée valider") {
		t.Errorf("no \"entrée valider\" in the footer:\n%s", f.screen())
	}
}
