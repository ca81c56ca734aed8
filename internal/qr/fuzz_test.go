package qr_test

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

// FuzzRender: any text and options give an error or a code whose lines all
// have its width, never a panic.
func FuzzRender(f *testing.F) {
	f.Add(qrtest.URISandbox, uint8(0), false, int8(0))
	f.Add("", uint8(1), true, int8(1))
	f.Fuzz(func(t *testing.T, text string, style uint8, invert bool, quiet int8) {
		o := qr.Options{QuietZone: int(quiet), Invert: invert, Style: qr.Style(style % 4)}
		c, err := qr.Render(text, o)
		_, badOptions := qr.Render("x", o)
		mustDraw := badOptions == nil && text != "" && len(text) <= qr.MaxBytes
		if err != nil {
			if mustDraw {
				t.Fatalf("%d bytes, %+v: %v", len(text), o, err)
			}
			return
		}
		if c.Height() != (c.Width()+1)/2 || c.Width() < c.Modules()+2 {
			t.Fatalf("%dx%d for %d modules", c.Width(), c.Height(), c.Modules())
		}
		for i, line := range c.Lines() {
			if w := ansi.StringWidth(line); w != c.Width() {
				t.Fatalf("line %d is %d columns, want %d", i, w, c.Width())
			}
		}
	})
}
