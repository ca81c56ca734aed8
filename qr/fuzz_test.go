package qr

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// FuzzRender: any text and options give an error or a code whose lines all
// have its width, never a panic.
func FuzzRender(f *testing.F) {
	f.Add(uriSandbox, uint8(0), false, int8(0))
	f.Add("", uint8(1), true, int8(1))
	f.Fuzz(func(t *testing.T, text string, style uint8, invert bool, quiet int8) {
		o := Options{QuietZone: int(quiet), Invert: invert, Style: Style(style % 4)}
		c, err := Render(text, o)
		_, badOptions := o.normalized()
		mustDraw := badOptions == nil && text != "" && len(text) <= MaxBytes
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
