package qrtest

import (
	"cmp"
	"image"
	"image/color"
	"image/draw"
)

// Terminal is a simulated terminal's default colours, which show wherever
// the text sets none.
type Terminal struct {
	Foreground, Background color.Color
}

// Two common kinds of theme.
var (
	DarkTerminal  = Terminal{Foreground: color.RGBA{0xD0, 0xD0, 0xD0, 0xFF}, Background: color.RGBA{0x1C, 0x1C, 0x1C, 0xFF}}
	LightTerminal = Terminal{Foreground: color.RGBA{0x30, 0x30, 0x30, 0xFF}, Background: color.RGBA{0xFA, 0xFA, 0xFA, 0xFF}}
)

// A cell's size in pixels: its halves are then square, as in most fonts.
const (
	CellWidth  = 8
	CellHeight = 16
)

// Rasterize draws screen text as a terminal with these default colours
// shows it: each cell's SGR colours (RGB, 256, the 8 and 16 colours and
// their defaults), reverse video, half blocks drawn exactly, and any other
// character as a blot of its foreground, enough to stand for text around a
// code.
func Rasterize(screenText string, t Terminal) *image.RGBA {
	sc := parseScreen(screenText)
	img := image.NewRGBA(image.Rect(0, 0, sc.width*CellWidth, len(sc.rows)*CellHeight))
	for r, row := range sc.rows {
		for x, c := range row {
			fg, bg := t.colors(c)
			at := image.Rect(x*CellWidth, r*CellHeight, (x+1)*CellWidth, (r+1)*CellHeight)
			top, bottom, ok := halves(c.glyph)
			if !ok {
				fill(img, at, bg)
				fill(img, at.Inset(CellWidth/4), fg)
				continue
			}
			mid := at.Min.Y + CellHeight/2
			fill(img, image.Rect(at.Min.X, at.Min.Y, at.Max.X, mid), pick(top, fg, bg))
			fill(img, image.Rect(at.Min.X, mid, at.Max.X, at.Max.Y), pick(bottom, fg, bg))
		}
	}
	return img
}

func (t Terminal) colors(c cell) (fg, bg color.Color) {
	fg, bg = cmp.Or(c.fg, t.Foreground), cmp.Or(c.bg, t.Background)
	if c.reverse {
		return bg, fg
	}
	return fg, bg
}

func pick(ink bool, fg, bg color.Color) color.Color {
	if ink {
		return fg
	}
	return bg
}

func fill(img draw.Image, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}
