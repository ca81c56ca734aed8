package ui

import (
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
)

var paintSamples = []string{
	"", "plain", "two\nlines", "a\n\nlonger line\n", "tab\there", "crlf\r\nline", "\x1b[1mbold\x1b[m inside",
	"wide 漢字\nx", "✓ Approved", "⣾ Waiting", "trailing spaces  \n ",
}

// paint writes what lipgloss writes, byte for byte, with every style of
// the interface, plain or not.
func TestPaintIsLipglossRender(t *testing.T) {
	if _, ok := plainPrefix(NewStyles(true).Text); !ok {
		t.Fatal("the Text style is not taken as plain")
	}
	for _, dark := range []bool{true, false} {
		st := reflect.ValueOf(*NewStyles(dark))
		for i := range st.NumField() {
			style, ok := st.Field(i).Interface().(lipgloss.Style)
			if !ok {
				continue
			}
			name := st.Type().Field(i).Name
			for _, s := range paintSamples {
				if got, want := paint(style, s), style.Render(s); got != want {
					t.Errorf("%s (dark %v), %q:\n got %q\nwant %q", name, dark, s, got, want)
				}
			}
		}
	}
}

func FuzzPaint(f *testing.F) {
	for _, s := range paintSamples {
		f.Add(s)
	}
	st := NewStyles(true)
	f.Fuzz(func(t *testing.T, s string) {
		for _, style := range []lipgloss.Style{st.Text, st.Title, st.Muted, st.Link, st.Box} {
			if got, want := paint(style, s), style.Render(s); got != want {
				t.Errorf("%q:\n got %q\nwant %q", s, got, want)
			}
		}
	})
}
