package ui

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
