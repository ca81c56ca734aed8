package ui

import (
	"strings"

	"github.com/mfapush/mfapush/internal/qr"
)

// Presenter mode (Options.Present) is for a room or a call: a caption for
// each screen (caption.go), blank lines around the parts when the window
// has rows to spare, the QR code in full blocks when it fits
// (qrlayout.go), secrets masked whatever else is set, and the line that
// explains the last call off until the trace is opened.

// explainHidden says presenter mode keeps the line that explains the last
// call off: an audience follows the captions; whoever opens the trace
// asked for the calls, and gets the line from then on.
func (m *Model) explainHidden() bool { return m.opts.Present && !m.trace.asked }

// masksSecrets says the screens must not show a secret: presenter mode,
// whatever --reveal-secrets says.
func (c *common) masksSecrets() bool { return c.opts.Present }

// maskCode hides every letter and digit of a code, keeping its groups.
func maskCode(code string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return r
		}
		return '•'
	}, code)
}

// The keys of the enrollment screen's codes: the quiet zone in modules,
// negative for presenter mode's full blocks.
const (
	fullBlockWide, fullBlockNarrow = -2, -1
)

// qrZones are the codes the enrollment screen draws: in presenter mode,
// full blocks too, which scan from across a room when the window has
// room for them.
func (e *enrollScreen) qrZones() []int {
	if e.opts.Present {
		return []int{fullBlockWide, fullBlockNarrow, 2, 1}
	}
	return []int{2, 1}
}

// codeGroups are the codes drawn, by size, the larger first: presenter
// mode's full blocks, then the half blocks; the wider quiet zone first in
// each.
func (e *enrollScreen) codeGroups() [][]*qr.Code {
	half := []*qr.Code{e.codes[2], e.codes[1]}
	if e.opts.Present {
		return [][]*qr.Code{{e.codes[fullBlockWide], e.codes[fullBlockNarrow]}, half}
	}
	return [][]*qr.Code{half}
}
