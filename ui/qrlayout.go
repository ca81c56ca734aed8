package ui

import (
	"fmt"

	"github.com/mfapush/mfapush/internal/qr"
)

// qrPlacement is where the enrollment screen puts its QR code and text,
// from worst to best.
type qrPlacement uint8

const (
	qrNone    qrPlacement = iota // the code does not fit: say what would
	qrBare                       // the code and one short line under it
	qrStacked                    // the title, the code, the text under it
	qrBeside                     // the title, the code, the text beside it
)

// The column of text beside the QR code: narrower, it would wrap every
// few words; wider, lines would be long to read.
const (
	minTextColumn = 30
	maxTextColumn = 64
)

// qrGap is the blank columns between the code and the text beside it.
const qrGap = 3

// qrLayout is a placement with the code drawn in it.
type qrLayout struct {
	code  *qr.Code
	place qrPlacement
}

// rank orders layouts: presenter mode's full blocks first, then the
// placement, then the wider quiet zone.
func (l qrLayout) rank() int {
	r := 2 * int(l.place)
	if l.code != nil && l.code.FullBlock() {
		r += 2 * (int(qrBeside) + 1)
	}
	if l.code != nil && l.code.QuietZone() > 1 {
		r++
	}
	return r
}

// layout is the best layout of the enrollment screen in a body of w×h:
// text beside the code, else under it, else one line under it; the wider
// quiet zone first at each step. Presenter mode's full-block codes come
// before any half-block one: across a room, the code's size matters most.
func (e *enrollScreen) layout(w, h int) qrLayout {
	for _, codes := range e.codeGroups() {
		for _, fits := range []struct {
			place qrPlacement
			ok    func(c *qr.Code) bool
		}{
			{qrBeside, func(c *qr.Code) bool { return c.Width()+qrGap+minTextColumn <= w && c.Height()+2 <= h }},
			{qrStacked, func(c *qr.Code) bool { return c.Width() <= w && c.Height()+2 <= h }},
			{qrBare, func(c *qr.Code) bool { return c.Width() <= w && c.Height()+1 <= h }},
		} {
			for _, c := range codes {
				if c != nil && fits.ok(c) {
					return qrLayout{code: c, place: fits.place}
				}
			}
		}
	}
	return qrLayout{}
}

// takesHelp reports whether the full help goes into the body, beside or
// under the code, rather than into the footer where it would push the
// code out: when the code is drawn in a body of w×h. With no code drawn,
// the footer has it.
func (e *enrollScreen) takesHelp(w, h int) bool {
	return e.showsCode() && e.layout(w, h).place != qrNone
}

// prefersFolded reports whether the phone panel should fold into its
// status line: when the body it then gets gives the code a better layout
// than the body beside the panel.
func (e *enrollScreen) prefersFolded(side, folded [2]int) bool {
	return e.showsCode() && e.layout(folded[0], folded[1]).rank() > e.layout(side[0], side[1]).rank()
}

// qrRowsAt is the window height the smallest layout (the smaller code and
// one line) needs at window width w.
func (e *enrollScreen) qrRowsAt(w int) int {
	c := e.codes[1]
	return e.frame.rowsAround(w, c.Width()) + c.Height() + 1
}

// qrTooSmall says the smallest window the code shows in, from this one:
// only what must grow, and no more than it must.
func (e *enrollScreen) qrTooSmall() string {
	t := e.t.Enroll
	width, height := e.frame.windowSize()
	needW := margin + e.codes[1].Width()
	if width >= needW {
		return fmt.Sprintf(t.TooShortQR, e.qrRowsAt(width))
	}
	if needH := e.qrRowsAt(needW); needH > height {
		return fmt.Sprintf(t.TooSmallQR, needW, needH)
	}
	return fmt.Sprintf(t.TooNarrowQR, needW)
}
