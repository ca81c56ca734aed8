package ui

import (
	"testing"

	"charm.land/lipgloss/v2"
)

// drawBox must write what lipgloss writes, byte for byte, for the frames
// it draws, and hand the rest to lipgloss.
func TestDrawBoxIsLipgloss(t *testing.T) {
	bodies := []string{
		"Simulated phone\n\n\x1b[1m● Sign-in request\x1b[m\n",
		"one",
		"",
		"a\tb\nwide ✓ line ⣾\n",
		"much too wide for a phone of thirty columns, surely",
	}
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark)
		styles := map[string]lipgloss.Style{"PhoneFrame": st.PhoneFrame, "Box": st.Box, "RecoveryCode": st.RecoveryCode, "Title": st.Title}
		for name, style := range styles {
			for _, width := range []int{0, 30} {
				for _, body := range bodies {
					if got, want := drawBox(style, body, width), style.Width(width).Render(body); got != want {
						t.Errorf("%s (dark %v) width %d, body %q:\n got %q\nwant %q", name, dark, width, body, got, want)
					}
				}
			}
		}
	}
}
