package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/internal/i18n"
)

// words is the text of a screen or a wording, one space between words.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// Every window below the smallest layout, from 1×1 to 60×20, shows the
// too-small message whole, in the fullest wording that fits: from 20×8 on
// all of it, with the key that still works; below, a shorter wording, never
// a word cut, but for the size alone when even it does not fit.
func TestTooSmallMessageFitsEverySize(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: lang})
		a := f.m.t.App
		need := fmt.Sprintf(a.TooSmall, minWidth, minHeight)
		size := fmt.Sprintf(a.TooSmallSize, minWidth, minHeight)
		full := words(need + " " + a.TooSmallKeys)
		wordings := []string{full, words(need), words(fmt.Sprintf(a.TooSmallShort, minWidth, minHeight)), words(size)}
		for w := 1; w <= 60; w++ {
			for h := 1; h <= 20; h++ {
				if w >= minWidth && h >= minHeight {
					continue
				}
				f.send(tea.WindowSizeMsg{Width: w, Height: h})
				screen := f.screen()
				lines := strings.Split(screen, "\n")
				if len(lines) > h {
					t.Fatalf("%s %dx%d: %d lines", lang, w, h, len(lines))
				}
				for _, l := range lines {
					if cellWidth(l) != w {
						t.Fatalf("%s %dx%d: a line %d wide: %q", lang, w, h, cellWidth(l), l)
					}
				}
				got := words(screen)
				switch {
				case w >= 20 && h >= 8 && got != full:
					t.Errorf("%s %dx%d shows %q, want %q", lang, w, h, got, full)
				case w >= cellWidth(size) && !slices.Contains(wordings, got):
					t.Errorf("%s %dx%d shows %q: not a whole wording", lang, w, h, got)
				case w < cellWidth(size) && got != "…" && !strings.HasPrefix(size, strings.TrimSuffix(got, "…")):
					t.Errorf("%s %dx%d shows %q: not the size cut", lang, w, h, got)
				}
			}
		}
	}
}

// While the window is too small the screen is hidden, so keys do nothing
// to it: at 40×12 on the home screen enter does not open the sign-in, and
// q quits; on the sign-in, letters are not typed into the hidden field.
func TestTooSmallWindowTakesNoKeysButQuit(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 40, height: 12})
	if cmd := f.key("enter"); f.m.current.ID() != screenHome || isQuit(cmd) {
		t.Fatalf("enter acted on the hidden home screen: screen %v", f.m.current.ID())
	}
	if cmd := f.key("q"); !isQuit(cmd) {
		t.Fatal("q did not quit")
	}

	f = newFixture(t, fixtureOptions{width: 40, height: 12})
	f.m.j.openSignIn(JourneyEnroll)
	f.typeText("a")
	f.send(tea.PasteMsg{Content: "pasted"})
	if got := f.m.j.signIn.fields[fieldEmail].Value(); got != "" {
		t.Fatalf("the hidden email field took %q", got)
	}
	if cmd := f.key("q"); !isQuit(cmd) || f.m.j.signIn.fields[fieldEmail].Value() != "" {
		t.Fatalf("q on the hidden sign-in: quit %v, email %q", isQuit(cmd), f.m.j.signIn.fields[fieldEmail].Value())
	}
	if cmd := f.key("ctrl+c"); !isQuit(cmd) {
		t.Fatal("ctrl+c did not quit")
	}

	// A recovery code waiting to be saved is not lost to q: only ctrl+c.
	f = newFixture(t, fixtureOptions{width: 40, height: 12})
	f.signedIn(JourneyEnroll, "alice@example.com")
	f.m.j.enrolledCodes = []string{"MZCRK3YX5V3AKNNYY6JEBQCL"}
	f.m.j.showEnrolled(nil)
	if cmd := f.key("q"); isQuit(cmd) {
		t.Fatal("q quit with a recovery code unsaved")
	}
	if !strings.Contains(words(f.screen()), words(f.m.t.App.TooSmallSave)) {
		t.Fatalf("the message does not say that only ctrl+c quits:\n%s", f.screen())
	}
}
