package qrtest

import (
	"image/color"
	"testing"
)

// TestRasterizeColours: one ▀ cell after each SGR, top half (fg) and bottom
// half (bg) as a dark terminal shows them.
func TestRasterizeColours(t *testing.T) {
	dfg, dbg := DarkTerminal.Foreground, DarkTerminal.Background
	white, black := color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}, color.RGBA{0, 0, 0, 0xFF}
	red, navy := color.RGBA{0x80, 0, 0, 0xFF}, color.RGBA{0, 0, 0x80, 0xFF}
	tests := []struct {
		sgr    string
		fg, bg color.Color
	}{
		{"", dfg, dbg},
		{"\x1b[38;2;255;255;255;48;2;0;0;0m", white, black},
		{"\x1b[38:2::255:255:255m", white, dbg},
		{"\x1b[31;44m", red, navy},
		{"\x1b[97;100m", white, color.RGBA{0x80, 0x80, 0x80, 0xFF}},
		{"\x1b[38;5;231;48;5;16m", white, black},
		{"\x1b[7m", dbg, dfg},
		{"\x1b[31;7m", dbg, red},
		{"\x1b[31;7;27m", red, dbg},
		{"\x1b[31;44;0m", dfg, dbg},
		{"\x1b[31;44m\x1b[m", dfg, dbg},
		{"\x1b[31;44;39;49m", dfg, dbg},
		{"\x1b[1;4:3;31m", red, dbg},
		{"\x1b]8;;https://example.com\x1b\\\x1b[2K", dfg, dbg},
	}
	for _, tt := range tests {
		img := Rasterize(tt.sgr+"▀", DarkTerminal)
		if img.Bounds().Dx() != CellWidth || img.Bounds().Dy() != CellHeight {
			t.Fatalf("%q: %v for one cell", tt.sgr, img.Bounds())
		}
		top, bottom := img.At(0, 0), img.At(0, CellHeight-1)
		if !same(top, tt.fg) || !same(bottom, tt.bg) {
			t.Errorf("%q: fg %v bg %v, want %v %v", tt.sgr, top, bottom, tt.fg, tt.bg)
		}
	}
}

// TestRasterizeKeepsColoursAcrossLines as a terminal does, and pads short
// lines with the default background.
func TestRasterizeKeepsColoursAcrossLines(t *testing.T) {
	img := Rasterize("\x1b[41m \n \x1b[m\n", LightTerminal)
	if img.Bounds().Dx() != CellWidth || img.Bounds().Dy() != 3*CellHeight {
		t.Fatalf("bounds %v", img.Bounds())
	}
	red := color.RGBA{0x80, 0, 0, 0xFF}
	for row, want := range []color.Color{red, red, LightTerminal.Background} {
		if got := img.At(0, row*CellHeight); !same(got, want) {
			t.Errorf("row %d: %v, want %v", row, got, want)
		}
	}
}

func same(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
