package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/qr"
)

// enrollScreen shows the enrollment QR code, its link and its countdown
// while the approval wait polls for the phone's confirmation. It draws
// the code wherever it fits (qrlayout.go) and its text by rank
// (enrollview.go).
type enrollScreen struct {
	*common
	k           enrollKeys
	user        string
	association *auth0.Association
	at          time.Time
	approval    *flow.Approval
	codes       map[int]*qr.Code // rendered once per quiet zone
	codeErr     error            // the link does not fit in a QR code
	codesFor    qrLook           // the theme and colours the codes were drawn for
	link        memo[linkKey]    // the enrollment link, drawn once per width
	sent        bool             // c sent the link through OSC 52
}

// enrollKeys: c copies the link, s has the simulated phone scan the code
// (the root model answers it, as every phone key), n asks for a new code
// once this one is dead.
type enrollKeys struct {
	Copy, PhoneScan, NewCode, Back, Quit key.Binding
}

type linkKey struct {
	st    *Styles
	width int
	sent  bool
}

// qrLook is what a QR code's rendering depends on besides its text.
type qrLook struct{ dark, noColor, drawn bool }

func newEnrollScreen(c *common, user string, e flow.Enrollment, approval *flow.Approval) *enrollScreen {
	return &enrollScreen{common: c, user: user, association: e.Association, at: e.At, approval: approval,
		k: enrollKeys{Copy: c.keys.Copy, PhoneScan: c.keys.PhoneScan, NewCode: c.keys.NewCode, Back: c.keys.Back, Quit: c.keys.Quit}}
}

func (e *enrollScreen) ID() screenID { return screenEnroll }

func (e *enrollScreen) moving() bool { return e.waiting() }

func (e *enrollScreen) waiting() bool {
	return e.approval != nil && !e.approval.State().Final()
}

// stop ends the wait at once.
func (e *enrollScreen) stop() {
	if e.approval != nil {
		e.approval.Cancel()
	}
}

// expiresAt is when the enrollment ticket dies.
func (e *enrollScreen) expiresAt() time.Time { return e.at.Add(flow.EnrollmentLifetime) }

// scannable reports whether the phone may scan the code now: its link,
// and the keys that use it, are offered only then.
func (e *enrollScreen) scannable() bool {
	return e.association != nil && e.waiting() && e.now().Before(e.expiresAt())
}

// scanURI is what the simulated phone scans, while it may.
func (e *enrollScreen) scanURI() (string, bool) {
	if !e.scannable() {
		return "", false
	}
	return e.association.BarcodeURI, true
}

// showsCode reports whether a QR code is drawn for the phone now.
func (e *enrollScreen) showsCode() bool {
	return e.scannable() && e.qrCodes() != nil
}

// qrCodes are the code with a quiet zone of 2 and of 1, drawn again when
// the theme or the colour profile changed; nil when the link does not fit
// in a QR code (codeErr).
func (e *enrollScreen) qrCodes() map[int]*qr.Code {
	look := qrLook{dark: e.isDark, noColor: e.noColor, drawn: true}
	if e.codesFor != look {
		e.codesFor, e.codes, e.codeErr = look, map[int]*qr.Code{}, nil
		for _, zone := range e.qrZones() {
			o := qr.Options{QuietZone: zone, Invert: e.opts.InvertQR, Style: e.qrStyle()}
			if zone < 0 { // presenter mode's full blocks (present.go)
				o.QuietZone, o.FullBlock = -zone, true
			}
			code, err := qr.Render(e.association.BarcodeURI, o)
			if err != nil {
				e.codes, e.codeErr = nil, err
				break
			}
			e.codes[zone] = code
		}
	}
	return e.codes
}

func (e *enrollScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch msg := msg.(type) {
	case flow.ApprovalDueMsg, flow.ApprovalAnswerMsg:
		cmd, _ := e.approval.Update(msg)
		if e.approval.State() == flow.ApprovalApproved {
			return cmd, approved{tokens: e.approval.Tokens(), at: e.now()}
		}
		return cmd, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, e.k.Copy) && e.scannable():
			// OSC 52 may reach no clipboard (tmux with set-clipboard
			// external): the screen says what was sent and shows the link.
			e.sent = true
			return tea.SetClipboard(e.association.BarcodeURI), nil
		case key.Matches(msg, e.k.NewCode) && !e.waiting():
			return nil, newCode{}
		case key.Matches(msg, e.k.Back):
			return nil, leave{}
		}
	}
	return nil, nil
}

func (e *enrollScreen) ShortHelp() []key.Binding {
	var keys []key.Binding
	if e.scannable() {
		keys = append(keys, e.k.Copy)
		if e.opts.Phone != nil {
			keys = append(keys, e.k.PhoneScan)
		}
	}
	if !e.waiting() {
		keys = append(keys, e.k.NewCode)
	}
	return append(keys, e.k.Back, e.k.Quit)
}

// breakAnywhere lets a long URI wrap at any character.
func breakAnywhere(s string, w int) string {
	if w <= 0 {
		return s
	}
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && i%w == 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(r)
	}
	return b.String()
}
