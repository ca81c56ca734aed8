package qr

import "fmt"

// Style says how the light and dark modules reach the screen.
type Style int

const (
	// StyleColor gives every cell an explicit foreground and background:
	// white (#FFFFFF) ink on black (#000000). The code then looks the same on
	// dark and light themes. Its glyphs are those of StylePlainDark, so a
	// renderer that strips colours (NO_COLOR) leaves a StylePlainDark code.
	StyleColor Style = iota
	// StylePlainDark has no escape sequences and suits a dark background:
	// light modules are ink (the terminal's light foreground), dark modules
	// are left blank.
	StylePlainDark
	// StylePlainLight has no escape sequences and suits a light background:
	// dark modules are ink, light modules are left blank.
	StylePlainLight
)

func (s Style) String() string {
	switch s {
	case StyleColor:
		return "color"
	case StylePlainDark:
		return "plain-dark"
	case StylePlainLight:
		return "plain-light"
	}
	return fmt.Sprintf("Style(%d)", int(s))
}

// Options configure Render. The zero value is a coloured code with a quiet
// zone of DefaultQuietZone.
type Options struct {
	// QuietZone is the light border in modules; 0 means DefaultQuietZone.
	QuietZone int
	// Invert swaps light and dark, quiet zone included, for terminals or
	// scanners that need a negative code (the --invert-qr flag).
	Invert bool
	Style  Style
	// FullBlock draws each module as two full columns on one row, twice
	// the half-block code's size each way: for a projector, where the
	// code must scan from across a room.
	FullBlock bool
}

const (
	// DefaultQuietZone is narrower than the 4 modules of the standard: a
	// screen has no print margin to lose, and scanners read 2 well.
	DefaultQuietZone = 2
	// MaxQuietZone bounds the border; wider ones only cost rows.
	MaxQuietZone = 8
)

// LightInk reports whether the drawn part of a glyph (█, the top of ▀, the
// bottom of ▄) stands for light modules, blanks then standing for dark ones.
// It is true for StyleColor and StylePlainDark, and Invert negates it.
// Whoever reads a code back from screen text needs this.
func (o Options) LightInk() bool {
	return (o.Style != StylePlainLight) != o.Invert
}

// normalized fills in defaults and rejects what Render cannot draw.
func (o Options) normalized() (Options, error) {
	if o.QuietZone == 0 {
		o.QuietZone = DefaultQuietZone
	}
	if o.QuietZone < 1 || o.QuietZone > MaxQuietZone {
		return o, fmt.Errorf("qr: quiet zone of %d modules: want 1 to %d", o.QuietZone, MaxQuietZone)
	}
	switch o.Style {
	case StyleColor, StylePlainDark, StylePlainLight:
	default:
		return o, fmt.Errorf("qr: unknown style %v", o.Style)
	}
	return o, nil
}
