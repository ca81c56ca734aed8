package ui

import (
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// cellWidth is ansi.StringWidth, the columns a styled string takes, with
// a fast path for what the screens are drawn with: printable ASCII, the
// colour sequences of their styles, and the box, block, braille, arrow and
// punctuation runes that are one column wide. Such runes side by side are
// graphemes of their own, so they need no segmenting; any other rune or
// sequence sends the whole string to ansi. Every frame measures each of
// its lines, and segmentation was most of the cost of a frame.
func cellWidth(s string) int {
	width := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f:
			width++
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// A colour as the styles write it: digits and semicolons,
			// then a final byte.
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j == len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return ansi.StringWidth(s)
			}
			i = j + 1
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrowRune(r) {
				return ansi.StringWidth(s) // it may join the rune before it
			}
			width++
			i += size
		default:
			return ansi.StringWidth(s)
		}
	}
	return width
}

// narrowRanges are the ranges whose runes may take the fast path; only
// those that ansi measures one column wide on their own do.
var narrowRanges = [][2]rune{
	{0x00A0, 0x00FF}, // Latin-1: ·, accented letters
	{0x2010, 0x2027}, // dashes, quotes, •, …
	{0x2190, 0x21FF}, // arrows: ↑ ↓
	{0x2500, 0x25FF}, // box drawing, block elements, geometric shapes
	{0x2700, 0x27BF}, // dingbats: ✓ ✗
	{0x2800, 0x28FF}, // braille: the spinner
}

const narrowLimit = 0x2900

// narrowSet has a bit for each narrow rune below narrowLimit.
var narrowSet = sync.OnceValue(func() *[narrowLimit / 64]uint64 {
	var set [narrowLimit / 64]uint64
	for _, rg := range narrowRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if ansi.StringWidth(string(r)) == 1 {
				set[r/64] |= 1 << (r % 64)
			}
		}
	}
	return &set
})

func narrowRune(r rune) bool {
	return r >= 0xA0 && r < narrowLimit && narrowSet()[r/64]&(1<<(r%64)) != 0
}
