package qrtest

import (
	"image/color"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cell is one terminal column as a terminal holds it after printing.
type cell struct {
	glyph   string      // "" for the second column of a wide character
	fg, bg  color.Color // nil: the terminal's default colour
	reverse bool
}

// screen is printed text laid out in cells; short lines are padded with
// blanks, as a terminal (or tmux, which trims them) would show them.
type screen struct {
	width int
	rows  [][]cell
}

// parseScreen prints s on an unbounded terminal: graphemes take their
// display width, SGR sequences set colours, every other sequence is dropped.
// Like a terminal it keeps the colours across line ends.
func parseScreen(s string) screen {
	var (
		sc    screen
		pen   cell
		state byte
		p     = ansi.NewParser()
	)
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSuffix(line, "\r")
		var row []cell
		for len(line) > 0 {
			seq, width, n, next := ansi.DecodeSequence(line, state, p)
			state, line = next, line[n:]
			switch {
			case width > 0:
				c := pen
				c.glyph = seq
				row = append(row, c)
				for range width - 1 {
					c.glyph = ""
					row = append(row, c)
				}
			case isSGR(seq, p):
				pen.fg, pen.bg, pen.reverse = applySGR(p.Params(), pen.fg, pen.bg, pen.reverse)
			}
		}
		sc.rows = append(sc.rows, row)
		sc.width = max(sc.width, len(row))
	}
	for i, row := range sc.rows {
		for len(row) < sc.width {
			row = append(row, cell{glyph: " "})
		}
		sc.rows[i] = row
	}
	return sc
}

// halves tells which halves of a cell a half-block glyph inks; ok is false
// for any other glyph.
func halves(glyph string) (top, bottom, ok bool) {
	switch glyph {
	case " ":
		return false, false, true
	case "▀":
		return true, false, true
	case "▄":
		return false, true, true
	case "█":
		return true, true, true
	}
	return false, false, false
}
