package qrtest

import (
	"image"
	"image/color"
)

// pixel is one half of a cell. A code drawn by qr.Render has exactly one
// pixel per module, so the code can be read off this grid module by module.
type pixel uint8

const (
	foreign pixel = iota // not a half-block glyph: text, a border, a wide character
	lightPx
	darkPx
)

type pixels struct {
	w, h int
	p    []pixel
}

func modulePixels(sc screen, pol Polarity) pixels {
	g := pixels{w: sc.width, h: 2 * len(sc.rows)}
	g.p = make([]pixel, g.w*g.h)
	shade := func(ink bool) pixel {
		if ink == (pol == LightInk) {
			return lightPx
		}
		return darkPx
	}
	for r, row := range sc.rows {
		for x, c := range row {
			if top, bottom, ok := halves(c.glyph); ok {
				g.p[2*r*g.w+x] = shade(top)
				g.p[(2*r+1)*g.w+x] = shade(bottom)
			}
		}
	}
	return g
}

func (g pixels) at(x, y int) pixel {
	if x < 0 || y < 0 || x >= g.w || y >= g.h {
		return foreign
	}
	return g.p[y*g.w+x]
}

// finderAt reports a 7x7 finder pattern (dark ring, light ring, dark 3x3
// centre) with its top-left module at x, y.
func (g pixels) finderAt(x, y int) bool {
	for j := range 7 {
		for i := range 7 {
			want := darkPx
			if max(abs(i-3), abs(j-3)) == 2 {
				want = lightPx
			}
			if g.at(x+i, y+j) != want {
				return false
			}
		}
	}
	return true
}

// square is a code found on the grid: its top-left module and its side.
type square struct{ x, y, n int }

// codes returns the squares whose three corners hold finder patterns, whose
// modules are all half-block pixels and which have a light ring around
// them, the least quiet zone a scanner needs. It also counts the finders,
// to tell "no code at all" from "a code without its quiet zone".
func (g pixels) codes() ([]square, int) {
	var finders []image.Point
	for y := 0; y+7 <= g.h; y++ {
		for x := 0; x+7 <= g.w; x++ {
			if g.finderAt(x, y) {
				finders = append(finders, image.Pt(x, y))
			}
		}
	}
	var found []square
	for _, tl := range finders {
		for _, tr := range finders {
			s := square{tl.X, tl.Y, tr.X - tl.X + 7}
			if tr.Y == tl.Y && s.n >= 21 && (s.n-17)%4 == 0 && g.finderAt(s.x, s.y+s.n-7) && g.framed(s) {
				found = append(found, s)
			}
		}
	}
	return found, len(finders)
}

func (g pixels) framed(s square) bool {
	for y := s.y - 1; y <= s.y+s.n; y++ {
		for x := s.x - 1; x <= s.x+s.n; x++ {
			inside := x >= s.x && x < s.x+s.n && y >= s.y && y < s.y+s.n
			if px := g.at(x, y); px == foreign || !inside && px != lightPx {
				return false
			}
		}
	}
	return true
}

// image draws the square as a clean picture, dark modules black, with
// several pixels a module and the standard 4-module quiet zone.
func (g pixels) image(s square) image.Image {
	const scale, quiet = 4, 4
	side := (s.n + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for y := range side {
		for x := range side {
			mx, my := x/scale-quiet, y/scale-quiet
			inside := mx >= 0 && my >= 0 && mx < s.n && my < s.n
			if !inside || g.at(s.x+mx, s.y+my) == lightPx {
				img.SetGray(x, y, color.Gray{Y: 0xFF})
			}
		}
	}
	return img
}

func abs(n int) int { return max(n, -n) }

// halved is the grid read at every other column from column from, and
// every other row: a full-block code's modules, a pixel each.
func (g pixels) halved(from int) pixels {
	h := pixels{w: (g.w - from) / 2, h: g.h / 2}
	h.p = make([]pixel, h.w*h.h)
	for y := range h.h {
		for x := range h.w {
			h.p[y*h.w+x] = g.at(from+2*x, 2*y)
		}
	}
	return h
}
