package qr_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
	rscqr "rsc.io/qr"
)

// allOptions lists every style and invert setting at the given quiet zone.
func allOptions(quiet int) []qr.Options {
	var all []qr.Options
	for _, s := range []qr.Style{qr.StyleColor, qr.StylePlainDark, qr.StylePlainLight} {
		for _, inv := range []bool{false, true} {
			all = append(all, qr.Options{QuietZone: quiet, Invert: inv, Style: s})
		}
	}
	return all
}

func mustRender(t testing.TB, text string, o qr.Options) *qr.Code {
	t.Helper()
	c, err := qr.Render(text, o)
	if err != nil {
		t.Fatalf("Render(%d bytes, %+v): %v", len(text), o, err)
	}
	return c
}

func TestSizes(t *testing.T) {
	uri := func(n int) string { return "otpauth://totp/" + strings.Repeat("t", n-15) }
	tests := []struct {
		text                   string
		quiet                  int
		modules, width, height int
	}{
		{uri(119), 0, 41, 45, 23},
		{uri(119), 2, 41, 45, 23},
		{uri(119), 1, 41, 43, 22},
		{uri(170), 2, 49, 53, 27},
		{uri(170), 1, 49, 51, 26},
		{qrtest.URISandbox, 2, 49, 53, 27},
		{qrtest.URIAuth0, 2, 49, 53, 27},
		{qrtest.URILong, 2, 53, 57, 29},
		{"a", 4, 21, 29, 15},
	}
	for _, tt := range tests {
		for _, o := range allOptions(tt.quiet) {
			c := mustRender(t, tt.text, o)
			got := [3]int{c.Modules(), c.Width(), c.Height()}
			if want := [3]int{tt.modules, tt.width, tt.height}; got != want {
				t.Errorf("%d bytes, %+v: modules, width, height = %v, want %v", len(tt.text), o, got, want)
			}
		}
	}
}

func TestEveryLineHasTheCodesWidth(t *testing.T) {
	for quiet := 1; quiet <= 4; quiet++ {
		for _, o := range allOptions(quiet) {
			c := mustRender(t, qrtest.URISandbox, o)
			for i, line := range c.Lines() {
				if w := ansi.StringWidth(line); w != c.Width() {
					t.Fatalf("%+v: line %d is %d columns, want %d", o, i, w, c.Width())
				}
			}
		}
	}
}

// TestNoExtraLine is qrterminal issue #39: the rows are exactly the module
// rows halved, and the half row past an odd count is quiet zone.
func TestNoExtraLine(t *testing.T) {
	for quiet := 1; quiet <= 4; quiet++ {
		for _, o := range allOptions(quiet) {
			c := mustRender(t, qrtest.URISandbox, o)
			side := c.Modules() + 2*quiet
			if c.Height() != (side+1)/2 || c.Width() != side {
				t.Fatalf("%+v: %dx%d for %d modules a side", o, c.Width(), c.Height(), side)
			}
			quietGlyph := " "
			if o.LightInk() {
				quietGlyph = "█"
			}
			lines := c.Lines()
			if last := ansi.Strip(lines[len(lines)-1]); last != strings.Repeat(quietGlyph, side) {
				t.Fatalf("%+v: last line %q is not all quiet zone", o, last)
			}
		}
	}
}

// TestGlyphsMatchModules reads the module matrix back from the glyphs and
// compares it with the encoder's, quiet zone and polarity included.
func TestGlyphsMatchModules(t *testing.T) {
	code, err := rscqr.Encode(qrtest.URISandbox, rscqr.L)
	if err != nil {
		t.Fatal(err)
	}
	for quiet := 1; quiet <= 3; quiet++ {
		for _, o := range allOptions(quiet) {
			c := mustRender(t, qrtest.URISandbox, o)
			for r, line := range c.Lines() {
				for x, g := range []rune(ansi.Strip(line)) {
					top, bottom := strings.ContainsRune("█▀", g), strings.ContainsRune("█▄", g)
					for i, ink := range []bool{top, bottom} {
						y := 2*r + i
						light := !code.Black(x-quiet, y-quiet)
						if ink != (light == o.LightInk()) {
							t.Fatalf("%+v: module (%d,%d) drawn as %q", o, x-quiet, y-quiet, g)
						}
					}
				}
			}
		}
	}
}

func TestPolarity(t *testing.T) {
	stripped := func(o qr.Options) string { return ansi.Strip(mustRender(t, qrtest.URISandbox, o).String()) }
	negative := strings.NewReplacer("█", " ", " ", "█", "▀", "▄", "▄", "▀")
	dark, light := stripped(qr.Options{Style: qr.StylePlainDark}), stripped(qr.Options{Style: qr.StylePlainLight})
	if negative.Replace(dark) != light {
		t.Error("StylePlainLight is not the negative of StylePlainDark")
	}
	if stripped(qr.Options{Style: qr.StyleColor}) != dark {
		t.Error("StyleColor without its colours differs from StylePlainDark")
	}
	if stripped(qr.Options{Style: qr.StylePlainDark, Invert: true}) != light {
		t.Error("inverted StylePlainDark differs from StylePlainLight")
	}
	if stripped(qr.Options{Style: qr.StyleColor, Invert: true}) != light {
		t.Error("inverted StyleColor without its colours differs from StylePlainLight")
	}
}

func TestColorStyleSetsBothColoursOnEveryLine(t *testing.T) {
	for _, inv := range []bool{false, true} {
		c := mustRender(t, qrtest.URISandbox, qr.Options{Invert: inv})
		for i, line := range c.Lines() {
			body, ok := strings.CutPrefix(line, "\x1b[38;2;255;255;255;48;2;0;0;0m")
			body, ok2 := strings.CutSuffix(body, "\x1b[m")
			if !ok || !ok2 || strings.Contains(body, "\x1b") {
				t.Fatalf("invert %v, line %d: %q is not one white-on-black run", inv, i, line)
			}
		}
	}
}

func TestPlainStylesHaveNoEscapes(t *testing.T) {
	for _, o := range allOptions(2) {
		if s := mustRender(t, qrtest.URISandbox, o).String(); o.Style != qr.StyleColor && strings.Contains(s, "\x1b") {
			t.Fatalf("%+v: escape sequence in plain output", o)
		}
	}
}

func TestStringJoinsLines(t *testing.T) {
	c := mustRender(t, qrtest.URISandbox, qr.Options{})
	lines := c.Lines()
	if c.String() != strings.Join(lines, "\n") || strings.HasSuffix(c.String(), "\n") {
		t.Fatal("String is not the lines joined by newlines")
	}
	lines[0] = "changed"
	if c.Lines()[0] == "changed" {
		t.Fatal("Lines exposes the cached slice")
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name  string
		char  string
		limit int
	}{
		{"bytes", "a", qr.MaxBytes},
		{"alphanumeric", "A", qr.MaxAlphanumeric},
		{"digits", "7", qr.MaxDigits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustRender(t, strings.Repeat(tt.char, tt.limit), qr.Options{})
			if c.Modules() != 177 {
				t.Errorf("a full code has %d modules, want 177", c.Modules())
			}
			_, err := qr.Render(strings.Repeat(tt.char, tt.limit+1), qr.Options{})
			if !errors.Is(err, qr.ErrTooLong) || !strings.Contains(err.Error(), fmt.Sprint(tt.limit)) {
				t.Errorf("one over the limit: %v, want ErrTooLong naming %d", err, tt.limit)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	if _, err := qr.Render("", qr.Options{}); !errors.Is(err, qr.ErrEmpty) {
		t.Errorf("empty text: %v", err)
	}
	for _, o := range []qr.Options{{QuietZone: -1}, {QuietZone: qr.MaxQuietZone + 1}, {Style: qr.Style(9)}} {
		if c, err := qr.Render(qrtest.URISandbox, o); err == nil {
			t.Errorf("%+v: got a %dx%d code, want an error", o, c.Width(), c.Height())
		}
	}
}
