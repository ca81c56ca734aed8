package qr_test

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

var terminals = map[string]qrtest.Terminal{"dark": qrtest.DarkTerminal, "light": qrtest.LightTerminal}

// scan photographs the screen on a simulated terminal and decodes it as a
// phone would, finding the code among the text.
func scan(t *testing.T, screen string, term qrtest.Terminal, negative bool) (string, error) {
	t.Helper()
	var img image.Image = qrtest.Rasterize(screen, term)
	if negative {
		img = negate{img}
	}
	return qrtest.DecodeImage(img)
}

// TestColourScansOnEitherTheme is why StyleColor exists: its explicit
// colours leave nothing to the theme, in truecolor or downsampled to 256
// or 16 colours. Inverted, it is the exact negative of that.
func TestColourScansOnEitherTheme(t *testing.T) {
	for name, uri := range uris {
		for _, o := range []qr.Options{{}, {QuietZone: 1}, {Invert: true}} {
			screen := fakeScreen(t, mustRender(t, uri, o))
			for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI} {
				for termName, term := range terminals {
					t.Run(fmt.Sprintf("%s/quiet=%d/invert=%v/%v/%s", name, o.QuietZone, o.Invert, p, termName), func(t *testing.T) {
						got, err := scan(t, downsample(t, screen, p), term, o.Invert)
						if err != nil || got != uri {
							t.Fatalf("got %q, %v", got, err)
						}
					})
				}
			}
		}
	}
}

// TestPlainScansOnlyOnItsTheme: without colours the glyphs are right for
// one background; on the other the code comes out inverted, which this
// decoder (like many phone scanners) does not read.
func TestPlainScansOnlyOnItsTheme(t *testing.T) {
	for _, tt := range []struct {
		o    qr.Options
		scan string
	}{
		{qr.Options{Style: qr.StylePlainDark}, "dark"},
		{qr.Options{Style: qr.StylePlainLight}, "light"},
		{qr.Options{Style: qr.StylePlainDark, Invert: true}, "light"},
		{qr.Options{Style: qr.StylePlainLight, Invert: true}, "dark"},
	} {
		screen := fakeScreen(t, mustRender(t, qrtest.URISandbox, tt.o))
		for termName, term := range terminals {
			got, err := scan(t, screen, term, false)
			if ok := err == nil && got == qrtest.URISandbox; ok != (termName == tt.scan) {
				t.Errorf("%v invert=%v on a %s terminal: got %q, %v", tt.o.Style, tt.o.Invert, termName, got, err)
			}
		}
	}
}

// negate is a photograph's negative.
type negate struct{ image.Image }

func (n negate) At(x, y int) color.Color {
	r, g, b, _ := n.Image.At(x, y).RGBA()
	return color.RGBA64{R: 0xFFFF - uint16(r), G: 0xFFFF - uint16(g), B: 0xFFFF - uint16(b), A: 0xFFFF}
}
