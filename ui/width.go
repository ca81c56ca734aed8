package ui

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"
)

// cellWidth is ansi.StringWidth, the columns a styled string takes, with
// a fast path for the runes the screens are drawn with: printable ASCII and
// the box, block, braille, arrow and punctuation runes that are one column
// wide. Such a rune followed by another such rune (or an escape, or the
// end) is a grapheme of its own, so it needs no segmenting; anything else
// is measured as ansi does. Every frame measures each of its lines several
// times, and segmentation was most of the cost of a frame.
func cellWidth(s string) int {
	width := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			if i+1 < len(s) && s[i+1] >= utf8.RuneSelf && simpleRuneLen(s, i+1) == 0 {
				return cellWidthFrom(s, i, width)
			}
			width++ // printable ASCII, then ASCII, a simple rune or the end
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// A control sequence as the screens' colours write it: digits
			// and semicolons, then a final byte. Anything else in it
			// (private markers, intermediates, whose order the parser
			// judges) goes the general way.
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j == len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return cellWidthFrom(s, i, width)
			}
			i = j + 1
		case c >= utf8.RuneSelf:
			size := simpleRuneLen(s, i)
			if size == 0 || i+size < len(s) && s[i+size] >= utf8.RuneSelf && simpleRuneLen(s, i+size) == 0 {
				return cellWidthFrom(s, i, width)
			}
			width++
			i += size
		default:
			return cellWidthFrom(s, i, width)
		}
	}
	return width
}

// cellWidthFrom measures s from i on as ansi does, with the fast path for
// simple runes, adding to width, what was measured before i.
func cellWidthFrom(s string, i, width int) int {
	pstate := parser.GroundState
	for ; i < len(s); i++ {
		state, action := parser.Table.Transition(pstate, s[i])
		if action != parser.PrintAction && state != parser.Utf8State {
			pstate = state
			continue
		}
		pstate = parser.GroundState
		if size := simpleRuneLen(s, i); size > 0 && (i+size == len(s) || simpleRuneLen(s, i+size) > 0 || s[i+size] < utf8.RuneSelf) {
			width++
			i += size - 1
			continue
		}
		cluster, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		width += w
		i += len(cluster) - 1
	}
	return width
}

// simpleRuneLen is the length of the rune at s[i] if it is printable ASCII
// or a narrow rune, else 0.
func simpleRuneLen(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if c >= 0x20 && c < 0x7f {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if narrowRune(r) {
		return size
	}
	return 0
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

// joinTop is lipgloss.JoinHorizontal(lipgloss.Top, blocks...), measuring
// each line once with cellWidth.
func joinTop(blocks ...string) string {
	if len(blocks) < 2 {
		return strings.Join(blocks, "")
	}
	lines := make([][]string, len(blocks))
	widths := make([][]int, len(blocks))
	widest := make([]int, len(blocks))
	height := 0
	for i, s := range blocks {
		if strings.Contains(s, "\t") {
			s = strings.ReplaceAll(s, "\t", "    ")
		}
		if strings.Contains(s, "\r\n") {
			s = strings.ReplaceAll(s, "\r\n", "\n")
		}
		lines[i] = strings.Split(s, "\n")
		widths[i] = make([]int, len(lines[i]))
		for j, l := range lines[i] {
			widths[i][j] = cellWidth(l)
			widest[i] = max(widest[i], widths[i][j])
		}
		height = max(height, len(lines[i]))
	}
	var b strings.Builder
	for j := range height {
		for i := range blocks {
			w := 0
			if j < len(lines[i]) {
				b.WriteString(lines[i][j])
				w = widths[i][j]
			}
			b.WriteString(strings.Repeat(" ", widest[i]-w))
		}
		if j < height-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
