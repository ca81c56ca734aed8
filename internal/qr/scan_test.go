package qr_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

var uris = map[string]string{
	"sandbox": qrtest.URISandbox,
	"auth0":   qrtest.URIAuth0,
	"long":    qrtest.URILong,
}

// fakeScreen lays a code out as the enrollment screen might: a styled
// header, a rounded border round the code, instructions in a column to its
// right, every line padded to 100 columns, 34 lines in all.
func fakeScreen(t *testing.T, code *qr.Code) string {
	t.Helper()
	const width, height = 100, 34
	instructions := []string{
		"Scan this code with Auth0 Guardian.",
		"",
		"1. Open Guardian on your phone.",
		"2. Tap + and point the camera here.",
		"3. Approve the test push.",
		"",
		"c  copy the link   q  quit",
	}
	edge := strings.Repeat("─", code.Width()+2)
	lines := []string{
		"\x1b[1;38;2;125;86;244mmfapush\x1b[m · enroll a Guardian push authenticator",
		"╭" + edge + "╮",
	}
	for i, l := range code.Lines() {
		side := ""
		if i < len(instructions) {
			side = instructions[i]
		}
		lines = append(lines, "│ "+l+" │  "+side)
	}
	lines = append(lines, "╰"+edge+"╯")
	if len(lines) > height {
		t.Fatalf("a %dx%d code does not fit the screen", code.Width(), code.Height())
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		w := ansi.StringWidth(l)
		if w > width {
			t.Fatalf("line %d is %d columns", i, w)
		}
		lines[i] = l + strings.Repeat(" ", width-w)
	}
	return strings.Join(lines, "\n")
}

// TestDecodeFromScreenText: every URI shape, style, invert setting and
// quiet zone reads back from a whole screen, stripped of its escapes or not.
func TestDecodeFromScreenText(t *testing.T) {
	for name, uri := range uris {
		for _, o := range append(allOptions(1), allOptions(2)...) {
			t.Run(fmt.Sprintf("%s/%v/invert=%v/quiet=%d", name, o.Style, o.Invert, o.QuietZone), func(t *testing.T) {
				screen := fakeScreen(t, mustRender(t, uri, o))
				for _, text := range []string{ansi.Strip(screen), screen} {
					got, err := qrtest.Decode(text, qrtest.PolarityOf(o))
					if err != nil {
						t.Fatal(err)
					}
					if got != uri {
						t.Fatalf("decoded %q", got)
					}
				}
			})
		}
	}
}

// TestDecodeNeedsThePolarity: read with the other polarity, the quiet zone
// is dark and no code is found; the polarity is not a detail.
func TestDecodeNeedsThePolarity(t *testing.T) {
	for _, o := range allOptions(2) {
		wrong := qrtest.DarkInk
		if qrtest.PolarityOf(o) == qrtest.DarkInk {
			wrong = qrtest.LightInk
		}
		if got, err := qrtest.Decode(fakeScreen(t, mustRender(t, qrtest.URISandbox, o)), wrong); err == nil {
			t.Errorf("%+v read with the wrong polarity gave %q", o, got)
		}
	}
}

// TestFullBlockDecodes: a full-block code (two columns a module, one row)
// reads back from screen text beside other text, at an odd or even
// column, in every style and polarity, and is twice the half-block
// code's size each way.
func TestFullBlockDecodes(t *testing.T) {
	for _, o := range append(allOptions(1), allOptions(2)...) {
		o.FullBlock = true
		code := mustRender(t, qrtest.URISandbox, o)
		half := mustRender(t, qrtest.URISandbox, qr.Options{QuietZone: o.QuietZone, Style: o.Style, Invert: o.Invert})
		if code.Width() != 2*half.Width() || code.Height() != code.Width()/2 || code.Height() < 2*half.Height()-1 {
			t.Errorf("%+v: %dx%d beside the half-block %dx%d", o, code.Width(), code.Height(), half.Width(), half.Height())
		}
		for _, left := range []string{"│ ", "│  "} {
			var lines []string
			for _, l := range code.Lines() {
				if w := ansi.StringWidth(l); w != code.Width() {
					t.Fatalf("a line is %d columns, the code %d", w, code.Width())
				}
				lines = append(lines, left+l+"  1. Open Guardian")
			}
			screen := strings.Join(lines, "\n")
			for _, text := range []string{ansi.Strip(screen), screen} {
				got, err := qrtest.Decode(text, qrtest.PolarityOf(o))
				if err != nil || got != qrtest.URISandbox {
					t.Fatalf("%+v after %q: %q, %v", o, left, got, err)
				}
			}
		}
	}
}
