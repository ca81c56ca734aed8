package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// colourScenarios are the screens whose colours are kept in goldens: one
// of each kind of element (titles, text, muted and error lines, the
// selection, the header, the phone panel, the footer, the QR code, the
// progress bar, the recovery-code box).
var colourScenarios = []string{"home", "enroll", "challenge", "list", "problem_wrong_password", "new_recovery_code"}

// TestGoldenColour keeps the escape sequences the text goldens strip: a
// colour of the dark or the light theme that changes fails here. After a
// deliberate change: go test ./ui -run TestGoldenColour -update, and read
// the diff (cat -v shows the sequences).
func TestGoldenColour(t *testing.T) {
	for _, name := range colourScenarios {
		frames := map[bool]string{}
		for _, light := range []bool{false, true} {
			theme := "dark"
			if light {
				theme = "light"
			}
			t.Run(name+"/"+theme, func(t *testing.T) {
				f := newFixture(t, fixtureOptions{width: 100, height: 34, light: light})
				scenario(name)(f)
				frames[light] = f.m.View().Content
				golden.RequireEqual(t, frames[light])
			})
		}
		// The themes differ in colour only: the same text, other sequences.
		if frames[false] == frames[true] || stripANSI(frames[false]) != stripANSI(frames[true]) {
			t.Errorf("%s: the dark and light frames should differ by their colours alone", name)
		}
		if !strings.Contains(frames[false], "\x1b[") {
			t.Errorf("%s: the frame has no colour", name)
		}
	}
}
