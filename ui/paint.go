package ui

import (
	"image/color"
	"strings"
	"sync"

	"charm.land/lipgloss/v2"
)

// paint is style.Render(s) for the plain text styles of the screens
// (colours, bold, italic, faint: no padding, border, width or underline):
// the style's escape sequence before each line and a reset after, lines
// padded to the widest as lipgloss pads them. lipgloss measures the text
// several times over to apply what such styles do not have, which made
// Render the largest cost of a frame. Other styles go to lipgloss.
func paint(style lipgloss.Style, s string) string {
	on, ok := plainPrefix(style)
	if !ok || strings.Contains(s, "\t") { // the tab width is the style's
		return style.Render(s)
	}
	if strings.Contains(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	if !strings.Contains(s, "\n") {
		return on + s + resetStyle
	}
	lines := strings.Split(s, "\n")
	widths := make([]int, len(lines))
	widest := 0
	for i, l := range lines {
		// Measured styled, as lipgloss measures it: a broken rune or
		// escape at the end of a line runs into the reset.
		lines[i] = on + l + resetStyle
		widths[i] = cellWidth(lines[i])
		widest = max(widest, widths[i])
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l + strings.Repeat(" ", widest-widths[i]))
	}
	return b.String()
}

const resetStyle = "\x1b[m"

// plainKey is all that a plain style writes.
type plainKey struct {
	fg                  color.Color
	bold, italic, faint bool
}

var plainPrefixes sync.Map // plainKey -> string

// plainPrefix is the escape sequence a plain style writes before its
// text; ok is false for a style that is not plain.
func plainPrefix(s lipgloss.Style) (string, bool) {
	if !plainStyle(s) {
		return "", false
	}
	key := plainKey{fg: s.GetForeground(), bold: s.GetBold(), italic: s.GetItalic(), faint: s.GetFaint()}
	if on, ok := plainPrefixes.Load(key); ok {
		return on.(string), true
	}
	on, off := sgrOf(s)
	if on == "" || off != resetStyle {
		return "", false
	}
	plainPrefixes.Store(key, on)
	return on, true
}

func plainStyle(s lipgloss.Style) bool {
	pt, pr, pb, pl := s.GetPadding()
	mt, mr, mb, ml := s.GetMargin()
	_, bt, br, bb, bl := s.GetBorder()
	link, _ := s.GetHyperlink()
	return pt == 0 && pr == 0 && pb == 0 && pl == 0 && mt == 0 && mr == 0 && mb == 0 && ml == 0 &&
		!bt && !br && !bb && !bl && s.GetBorderStyle() == (lipgloss.Border{}) &&
		!s.GetUnderline() && !s.GetStrikethrough() && !s.GetReverse() && !s.GetBlink() &&
		noColor(s.GetBackground()) && noColor(s.GetUnderlineColor()) &&
		s.GetWidth() == 0 && s.GetHeight() == 0 && s.GetMaxWidth() == 0 && s.GetMaxHeight() == 0 &&
		!s.GetInline() && s.GetTransform() == nil && link == "" &&
		s.GetAlignHorizontal() == lipgloss.Left
}
