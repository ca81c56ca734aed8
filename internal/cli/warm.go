package cli

import "github.com/charmbracelet/x/ansi"

// warmCellWidths builds, on another core, the table Bubble Tea's renderer
// measures the first frame's cells with, so that the first frame does not
// wait for it.
//
// The renderer measures cells with x/ansi's WcWidth unless the terminal
// says it segments graphemes itself (mode 2027), and WcWidth asks
// go-runewidth the width of every rune from U+0300 on; go-runewidth fills
// a 2.2 MB table at the first such question. Every screen has such runes
// (the phone panel's frame), so the first frame paid for the table: 10 to
// 12 ms on the bench's machine, most of it faulting in its pages.
func warmCellWidths() {
	go ansi.WcWidth.StringWidth("╭")
}
