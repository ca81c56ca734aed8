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

// rank orders layouts: the placement first, then the wider quiet zone.
func (l qrLayout) rank() int {
	r := 2 * int(l.place)
	if l.code != nil && l.code.Width()-l.code.Modules() > 2 {
		r++
	}
	return r
}

// enrollFit is the best layout of the enrollment screen in a body of w×h:
// text beside the code, else under it, else one line under it; the wider
// quiet zone first at each step.
func (m *Model) enrollFit(w, h int) qrLayout {
	codes := []*qr.Code{m.enroll.codes[2], m.enroll.codes[1]}
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
	return qrLayout{}
}

// enrollHelpInBody reports whether the full help goes into the enrollment
// screen's body, beside or under the code, rather than into the footer
// where it would push the code out. With no code drawn, the footer has it.
func (m *Model) enrollHelpInBody() bool {
	if !m.help.ShowAll || m.screen != screenEnroll || m.trace.open || !m.enroll.showsCode(m.now()) {
		return false
	}
	return m.enrollFit(m.bodySizeWith(shortFooterRows)).place != qrNone
}

// enrollNeedsRoom reports whether the phone panel must fold into its
// status line: when that gives the code a better layout.
func (m *Model) enrollNeedsRoom() bool {
	if m.screen != screenEnroll || m.trace.open || !m.enroll.showsCode(m.now()) {
		return false
	}
	side := m.enrollFit(m.width-margin-phoneWidth-1, m.height-m.chromeRows(false, shortFooterRows))
	folded := m.enrollFit(m.width-margin, m.height-m.chromeRows(true, shortFooterRows))
	return folded.rank() > side.rank()
}

// qrRowsAt is the window height the smallest layout (the smaller code and
// one line) needs at width w, with this frame: the phone panel beside the
// body where the width allows, else folded into its line.
func (m *Model) qrRowsAt(w int) int {
	c := m.enroll.codes[1]
	side := m.phone.visible && w >= wideEnough && c.Width() <= w-margin-phoneWidth-1
	return m.chromeRows(m.phone.enabled && !side, shortFooterRows) + c.Height() + 1
}

// qrTooSmall says the smallest window the code shows in, from this one:
// only what must grow, and no more than it must.
func (m *Model) qrTooSmall() string {
	t := m.t.Enroll
	needW := margin + m.enroll.codes[1].Width()
	if m.width >= needW {
		return fmt.Sprintf(t.TooShortQR, m.qrRowsAt(m.width))
	}
	if needH := m.qrRowsAt(needW); needH > m.height {
		return fmt.Sprintf(t.TooSmallQR, needW, needH)
	}
	return fmt.Sprintf(t.TooNarrowQR, needW)
}
