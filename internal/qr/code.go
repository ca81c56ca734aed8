package qr

import (
	"slices"
	"strings"
)

// Code is a QR code drawn once as terminal text; keep it and reuse it.
type Code struct {
	lines   []string
	text    string
	width   int
	modules int
	quiet   int
	full    bool
}

// Render encodes text at error correction level L and draws it in half
// blocks. It fails for empty text, text over MaxBytes (see the other
// limits) and bad options; it does not panic.
func Render(text string, opts Options) (*Code, error) {
	o, err := opts.normalized()
	if err != nil {
		return nil, err
	}
	code, err := encode(text)
	if err != nil {
		return nil, err
	}
	lines, width := halfBlockLines(code, o), code.Size+2*o.QuietZone
	if o.FullBlock {
		lines, width = fullBlockLines(code, o), 2*width
	}
	return &Code{
		lines:   lines,
		text:    strings.Join(lines, "\n"),
		width:   width,
		modules: code.Size,
		quiet:   o.QuietZone,
		full:    o.FullBlock,
	}, nil
}

// String returns the lines joined by "\n", with no trailing newline.
func (c *Code) String() string { return c.text }

// Lines returns a copy of the lines, so the cached code cannot be changed.
func (c *Code) Lines() []string { return slices.Clone(c.lines) }

// Width is the code's width in terminal columns, quiet zone included.
func (c *Code) Width() int { return c.width }

// Height is the code's height in terminal rows, quiet zone included.
func (c *Code) Height() int { return len(c.lines) }

// Modules is the number of modules a side, quiet zone excluded.
func (c *Code) Modules() int { return c.modules }

// QuietZone is the quiet zone's width in modules.
func (c *Code) QuietZone() int { return c.quiet }

// FullBlock reports whether a module is two full columns on one row.
func (c *Code) FullBlock() bool { return c.full }
