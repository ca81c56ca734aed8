// Package screenshot turns a frame of the terminal interface into an SVG
// picture, for the README: the frame is replayed into a virtual terminal
// and every cell is drawn with its colours. Block glyphs (the QR code's
// half blocks) are drawn as rectangles, so the picture of a QR code scans.
package screenshot

import (
	"fmt"
	"html"
	"image/color"
	"strings"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
)

// Theme is the terminal's default colours, used where a cell has none.
type Theme struct {
	Foreground, Background color.Color
}

// Dark and Light are the two terminals the README shows.
var (
	Dark  = Theme{Foreground: color.RGBA{0xe6, 0xe6, 0xe6, 0xff}, Background: color.RGBA{0x0d, 0x11, 0x17, 0xff}}
	Light = Theme{Foreground: color.RGBA{0x1f, 0x23, 0x28, 0xff}, Background: color.RGBA{0xff, 0xff, 0xff, 0xff}}
)

// Cell size in pixels, for a 14 px monospace font.
const (
	cellW    = 8.4
	cellH    = 18.0
	fontSize = 14.0
	padding  = 12.0
)

// SVG draws frame (text with ANSI escapes, as a Bubble Tea view renders it)
// on a cols×rows terminal.
func SVG(frame string, cols, rows int, theme Theme) []byte {
	emu := vt.NewEmulator(cols, rows)
	// Lines end in LF alone in a view; the terminal turns them into CR LF.
	emu.Write([]byte("\x1b[20h"))
	emu.Write([]byte(frame))

	var b strings.Builder
	width, height := float64(cols)*cellW+2*padding, float64(rows)*cellH+2*padding
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" rx="8" fill="%s"/>`+"\n", hex(theme.Background))
	fmt.Fprintf(&b, `<g font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace" font-size="%.0f" xml:space="preserve">`+"\n", fontSize)
	for y := range rows {
		drawRow(&b, emu, y, cols, padding+float64(y)*cellH, theme)
	}
	b.WriteString("</g>\n</svg>\n")
	return []byte(b.String())
}

// cells is a screen to draw: a terminal emulator.
type cells interface {
	CellAt(x, y int) *uv.Cell
}

// drawRow draws row y of the screen with its top at top.
func drawRow(b *strings.Builder, emu cells, y, cols int, top float64, theme Theme) {
	// First the fills: each cell is two halves, so that half blocks (the QR
	// code) and backgrounds merge into runs without seams between cells.
	upper, lower := make([]string, cols), make([]string, cols)
	for x := 0; x < cols; x++ {
		cell := emu.CellAt(x, y)
		if cell == nil || cell.Width == 0 {
			continue
		}
		fg, bg := colors(cell.Style, theme)
		upper[x], lower[x] = hex(bg), hex(bg)
		switch cell.Content {
		case "█":
			upper[x], lower[x] = hex(fg), hex(fg)
		case "▀":
			upper[x] = hex(fg)
		case "▄":
			lower[x] = hex(fg)
		}
	}
	fillRuns(b, upper, top, hex(theme.Background))
	fillRuns(b, lower, top+cellH/2, hex(theme.Background))

	// Then the text and the frames, in runs of one style.
	var run strings.Builder
	var runStyle uv.Style
	runX := 0
	flush := func(x int) {
		// A run starts at its first letter: browsers drop a text
		// element's leading spaces, xml:space notwithstanding, and the
		// text would then start a cell early.
		text := strings.TrimLeft(run.String(), " ")
		if strings.TrimSpace(text) != "" {
			fg, _ := colors(runStyle, theme)
			weight := ""
			if runStyle.Attrs&uv.AttrBold != 0 {
				weight = ` font-weight="bold"`
			}
			start := runX + run.Len() - len(text) // spaces are one byte and one cell each
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" fill="%s"%s>%s</text>`+"\n",
				padding+float64(start)*cellW, top+cellH*0.75, hex(fg), weight, html.EscapeString(text))
		}
		run.Reset()
		runX = x
	}
	for x := 0; x < cols; x++ {
		cell := emu.CellAt(x, y)
		if cell == nil || cell.Width == 0 {
			continue
		}
		if blockRect(cell.Content) != nil {
			flush(x + 1)
			continue
		}
		if arms, double, ok := boxArms(cell.Content); ok {
			flush(x + 1)
			fg, _ := colors(cell.Style, theme)
			drawBox(b, padding+float64(x)*cellW, top, cellW*float64(cell.Width), arms, double, fg)
			continue
		}
		if !cell.Style.Equal(&runStyle) || run.Len() == 0 {
			flush(x)
			runStyle = cell.Style
		}
		content := cell.Content
		if content == "" {
			content = " "
		}
		run.WriteString(content)
	}
	flush(cols)
}

// fillRuns draws one half row of colours as runs of rectangles, skipping
// the terminal's own background. They overlap a little so no seam shows.
func fillRuns(b *strings.Builder, row []string, y float64, background string) {
	for x := 0; x < len(row); {
		end := x + 1
		for end < len(row) && row[end] == row[x] {
			end++
		}
		if row[x] != "" && row[x] != background {
			fmt.Fprintf(b, `<rect x="%.1f" y="%.2f" width="%.1f" height="%.2f" fill="%s"/>`+"\n",
				padding+float64(x)*cellW, y, float64(end-x)*cellW+0.3, cellH/2+0.3, row[x])
		}
		x = end
	}
}

// blockRect is the drawn part of a block glyph, as top and bottom fractions
// of the cell; nil for other glyphs.
func blockRect(glyph string) []float64 {
	switch glyph {
	case "█":
		return []float64{0, 1}
	case "▀":
		return []float64{0, 0.5}
	case "▄":
		return []float64{0.5, 1}
	}
	return nil
}

// Box-drawing glyphs are drawn as lines, so frames join from cell to cell
// whatever the font's line height.
const (
	up = 1 << iota
	down
	left
	right
)

func boxArms(glyph string) (arms int, double, ok bool) {
	switch glyph {
	case "│":
		return up | down, false, true
	case "─":
		return left | right, false, true
	case "╭", "┌":
		return down | right, false, true
	case "╮", "┐":
		return down | left, false, true
	case "╰", "└":
		return up | right, false, true
	case "╯", "┘":
		return up | left, false, true
	case "║":
		return up | down, true, true
	case "═":
		return left | right, true, true
	case "╔":
		return down | right, true, true
	case "╗":
		return down | left, true, true
	case "╚":
		return up | right, true, true
	case "╝":
		return up | left, true, true
	}
	return 0, false, false
}

func drawBox(b *strings.Builder, x, y, w float64, arms int, double bool, c color.Color) {
	const stroke = 1.2
	cx, cy := x+w/2, y+cellH/2
	offsets := []float64{0}
	if double {
		offsets = []float64{-1.6, 1.6}
	}
	rect := func(rx, ry, rw, rh float64) {
		fmt.Fprintf(b, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="%s"/>`+"\n", rx, ry, rw, rh, hex(c))
	}
	for _, o := range offsets {
		if arms&up != 0 {
			rect(cx+o-stroke/2, y, stroke, cellH/2+stroke/2)
		}
		if arms&down != 0 {
			rect(cx+o-stroke/2, cy-stroke/2, stroke, cellH/2+stroke/2)
		}
		if arms&left != 0 {
			rect(x, cy+o-stroke/2, w/2+stroke/2, stroke)
		}
		if arms&right != 0 {
			rect(cx-stroke/2, cy+o-stroke/2, w/2+stroke/2, stroke)
		}
	}
}

func colors(s uv.Style, theme Theme) (fg, bg color.Color) {
	fg, bg = s.Fg, s.Bg
	if fg == nil {
		fg = theme.Foreground
	}
	if bg == nil {
		bg = theme.Background
	}
	if s.Attrs&uv.AttrReverse != 0 {
		fg, bg = bg, fg
	}
	return fg, bg
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}
