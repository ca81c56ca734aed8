package qr

import (
	"image/color"
	"strings"

	"github.com/charmbracelet/x/ansi"
	rscqr "rsc.io/qr"
)

// glyphs is indexed by topInk<<1 | bottomInk: one text cell shows two
// modules stacked, which keeps modules square in a 1:2 cell.
var glyphs = [4]string{" ", "▄", "▀", "█"}

// colorOn is written before each line of a StyleColor code: white ink on a
// black ground, in truecolor so that colorprofile can downsample it to the
// ANSI black and bright white of any palette.
var colorOn = ansi.NewStyle().
	ForegroundColor(color.RGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}).
	BackgroundColor(color.RGBA{A: 0xFF}).
	String()

// halfBlockLines draws the code with its quiet zone, two module rows per
// line. Module rows past the last (an odd total) are drawn as quiet zone,
// not left to the terminal's background: qrterminal issue #39.
func halfBlockLines(code *rscqr.Code, o Options) []string {
	side, ink, prefix, suffix := drawing(code, o)
	lines := make([]string, (side+1)/2)
	var b strings.Builder
	for r := range lines {
		b.Reset()
		b.Grow(len(prefix) + 3*side + len(suffix))
		b.WriteString(prefix)
		for x := range side {
			i := 0
			if ink(x, 2*r) {
				i |= 2
			}
			if ink(x, 2*r+1) {
				i |= 1
			}
			b.WriteString(glyphs[i])
		}
		b.WriteString(suffix)
		lines[r] = b.String()
	}
	return lines
}

// drawing is what both drawings need: the side in modules with the quiet
// zone, whether a module is drawn with ink, and what each line starts and
// ends with.
func drawing(code *rscqr.Code, o Options) (side int, ink func(x, y int) bool, prefix, suffix string) {
	q := o.QuietZone
	lightInk := o.LightInk()
	ink = func(x, y int) bool {
		// Black is false outside the code: the quiet zone is light.
		return !code.Black(x-q, y-q) == lightInk
	}
	if o.Style == StyleColor {
		prefix, suffix = colorOn, ansi.ResetStyle
	}
	return code.Size + 2*q, ink, prefix, suffix
}

// fullBlockLines draws the code with its quiet zone, one module row per
// line and two columns a module, which keeps modules square.
func fullBlockLines(code *rscqr.Code, o Options) []string {
	side, ink, prefix, suffix := drawing(code, o)
	lines := make([]string, side)
	var b strings.Builder
	for y := range lines {
		b.Reset()
		b.Grow(len(prefix) + 6*side + len(suffix))
		b.WriteString(prefix)
		for x := range side {
			if ink(x, y) {
				b.WriteString("██")
			} else {
				b.WriteString("  ")
			}
		}
		b.WriteString(suffix)
		lines[y] = b.String()
	}
	return lines
}
