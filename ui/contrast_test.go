package ui

import (
	"image/color"
	"math"
	"testing"

	"charm.land/lipgloss/v2"
)

// luminance is the WCAG 2 relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	channel := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(r) + 0.7152*channel(g) + 0.0722*channel(b)
}

// contrast is the WCAG 2 contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestContrastIsComputedAsWCAGDoes(t *testing.T) {
	black, white := lipgloss.Color("#000000"), lipgloss.Color("#FFFFFF")
	if got := contrast(black, white); math.Abs(got-21) > 0.01 {
		t.Fatalf("black on white: %.2f, want 21", got)
	}
	if got := contrast(lipgloss.Color("#777777"), white); math.Abs(got-4.48) > 0.01 {
		t.Fatalf("#777 on white: %.2f, want 4.48", got)
	}
}

// The footer's keys and their descriptions read at 4.5:1 or more (WCAG AA
// for text) on every background each theme is made for.
func TestFooterColoursContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark)
		for _, s := range []struct {
			name  string
			style lipgloss.Style
		}{
			{"key", st.Help.ShortKey}, {"description", st.Help.ShortDesc},
			{"key (full help)", st.Help.FullKey}, {"description (full help)", st.Help.FullDesc},
		} {
			for _, bg := range themeBackgrounds(dark) {
				if c := contrast(s.style.GetForeground(), bg); c < 4.5 {
					r, g, b, _ := bg.RGBA()
					t.Errorf("dark %v: the footer's %s has %.1f:1 on #%02X%02X%02X, want 4.5:1", dark, s.name, c, r>>8, g>>8, b>>8)
				}
			}
		}
	}
}
