package qrtest

import (
	"image/color"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// isSGR reports whether seq, just decoded into p, is a plain CSI … m.
func isSGR(seq string, p *ansi.Parser) bool {
	cmd := ansi.Cmd(p.Command())
	return strings.HasPrefix(seq, "\x1b[") && cmd.Final() == 'm' && cmd.Prefix() == 0 && cmd.Intermediate() == 0
}

// applySGR updates the pen with what a terminal honours for a QR code:
// reset, reverse video, the 8/16 colours, 256 and RGB colours, defaults.
// Other attributes (bold, underline, …) change no colour here.
func applySGR(params ansi.Params, fg, bg color.Color, reverse bool) (color.Color, color.Color, bool) {
	if len(params) == 0 {
		return nil, nil, false
	}
	for i := 0; i < len(params); i++ {
		n := params[i].Param(0)
		switch {
		case n == 0:
			fg, bg, reverse = nil, nil, false
		case n == 7:
			reverse = true
		case n == 27:
			reverse = false
		case 30 <= n && n <= 37:
			fg = ansi.BasicColor(n - 30)
		case 90 <= n && n <= 97:
			fg = ansi.BasicColor(n - 90 + 8)
		case 40 <= n && n <= 47:
			bg = ansi.BasicColor(n - 40)
		case 100 <= n && n <= 107:
			bg = ansi.BasicColor(n - 100 + 8)
		case n == 39:
			fg = nil
		case n == 49:
			bg = nil
		case n == 38 || n == 48:
			var c color.Color
			used := ansi.ReadStyleColor(params[i:], &c)
			if used == 0 {
				return fg, bg, reverse // unreadable: a terminal drops the rest
			}
			if n == 38 {
				fg = c
			} else {
				bg = c
			}
			i += used - 1
			continue
		}
		for i+1 < len(params) && params[i].HasMore() {
			i++ // sub-parameters of an attribute we do not draw
		}
	}
	return fg, bg, reverse
}
