package ui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// drawBox is style.Width(width).Render(body) for a frame style made only of
// a border of one colour and horizontal padding (the phone's frame, the
// demo users' box), with width 0 for the body's own width. It measures each
// line once; lipgloss measures every line several times over, which was
// the costliest part of a frame. Anything else is left to lipgloss.
func drawBox(style lipgloss.Style, body string, width int) string {
	border, top, right, bottom, left := style.GetBorder()
	padTop, padRight, padBottom, padLeft := style.GetPadding()
	mTop, mRight, mBottom, mLeft := style.GetMargin()
	fg := style.GetBorderTopForeground()
	plain := top && right && bottom && left && padTop == 0 && padBottom == 0 &&
		mTop == 0 && mRight == 0 && mBottom == 0 && mLeft == 0 &&
		noColor(style.GetForeground()) && noColor(style.GetBackground()) && noColor(style.GetBorderTopBackground()) &&
		style.GetBorderRightForeground() == fg && style.GetBorderBottomForeground() == fg && style.GetBorderLeftForeground() == fg &&
		!style.GetBold() && !style.GetItalic() && !style.GetUnderline() && !style.GetReverse() && !style.GetFaint() &&
		style.GetMaxWidth() == 0 && style.GetMaxHeight() == 0 && style.GetTransform() == nil &&
		style.GetAlign() == lipgloss.Left
	if !plain {
		return style.Width(width).Render(body)
	}
	lines := strings.Split(strings.ReplaceAll(body, "\t", "    "), "\n")
	widths := make([]int, len(lines))
	inner := 0
	for i, l := range lines {
		widths[i] = cellWidth(l)
		inner = max(inner, widths[i])
	}
	frame := lipgloss.Width(border.Left) + lipgloss.Width(border.Right) + padLeft + padRight
	if width > 0 {
		if inner > width-frame {
			return style.Width(width).Render(body) // lipgloss wraps what is too wide
		}
		inner = width - frame
	}
	on, off := sgrOf(lipgloss.NewStyle().Foreground(fg))
	var b strings.Builder
	b.WriteString(on + border.TopLeft + strings.Repeat(border.Top, inner+padLeft+padRight) + border.TopRight + off)
	leftSide := on + border.Left + off + strings.Repeat(" ", padLeft)
	rightSide := strings.Repeat(" ", padRight) + on + border.Right + off
	for i, l := range lines {
		b.WriteString("\n" + leftSide + l + strings.Repeat(" ", inner-widths[i]) + rightSide)
	}
	b.WriteString("\n" + on + border.BottomLeft + strings.Repeat(border.Bottom, inner+padLeft+padRight) + border.BottomRight + off)
	return b.String()
}

func noColor(c color.Color) bool {
	_, none := c.(lipgloss.NoColor)
	return c == nil || none
}

// sgrOf is what style writes before and after a piece of plain text.
func sgrOf(style lipgloss.Style) (on, off string) {
	out := style.Render("x")
	i := strings.Index(out, "x")
	return out[:i], out[i+1:]
}
