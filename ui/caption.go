package ui

import "strings"

// CaptionMsg sets the caption line under the header: what happens, in
// plain words, for an audience. mfapush demo sends one at each step of its
// story; Note shows at the line's right (the step, or that the demo is
// paused). An empty Text leaves the line to presenter mode, which captions
// each screen itself. Keys, when set, takes the footer's place: the keys
// of whatever drives the screens (the demo's, while it types the
// interface's own).
type CaptionMsg struct{ Text, Note, Keys string }

// maxCaptionRows bounds a caption that wraps in a narrow window.
const maxCaptionRows = 2

// captionText is the caption to show now: the demo's, else presenter
// mode's caption of the screen shown, else none.
func (m *Model) captionText() (text, note string) {
	if m.caption.Text != "" {
		return m.caption.Text, m.caption.Note
	}
	if m.opts.Present {
		return m.screenCaption(), m.caption.Note
	}
	return "", ""
}

// captionLines draws the caption w columns wide: the text, and the note at
// the right when both fit on one line; else the text wrapped on up to
// maxCaptionRows lines, the note left out. Kept with what it was drawn
// from, as the header is.
func (m *Model) captionLines(w int) []string {
	text, note := m.captionText()
	if text == "" && note == "" {
		return nil
	}
	drawn := m.captionMemo.get(captionKey{st: m.st, width: w, text: text, note: note}, func() string {
		const lead = " ▸ "
		body := w - cellWidth(lead) - 1
		if gap := body - cellWidth(text) - cellWidth(note); note != "" && gap >= 2 {
			return lead + paint(m.st.Strong, text) + strings.Repeat(" ", gap) + paint(m.st.Muted, note)
		}
		if text == "" {
			return lead + paint(m.st.Muted, note)
		}
		lines := strings.Split(wrap(text, body), "\n")
		if len(lines) > maxCaptionRows {
			lines = lines[:maxCaptionRows]
		}
		for i, l := range lines {
			pad := "   "
			if i == 0 {
				pad = lead
			}
			lines[i] = pad + paint(m.st.Strong, l)
		}
		return strings.Join(lines, "\n")
	})
	return strings.Split(drawn, "\n")
}

type captionKey struct {
	st         *Styles
	width      int
	text, note string
}

// captionRows is the rows the caption takes, a blank line under it
// included when the window has rows to spare.
func (m *Model) captionRows() int {
	n := len(m.captionLines(m.width))
	if n > 0 && m.roomySpacing() {
		n++
	}
	return n
}

// roomySpacing says whether presenter mode's window is tall enough to put
// blank lines around its parts: a projector's audience reads them better.
func (m *Model) roomySpacing() bool { return m.opts.Present && m.height >= roomyHeight }

// roomyHeight is the window height from which presenter mode spaces its
// parts out.
const roomyHeight = 30

// screenCaption is presenter mode's caption of the screen shown.
func (m *Model) screenCaption() string {
	s := m.t.Demo.Screens
	switch m.current.ID() {
	case screenHome:
		return s.Home
	case screenSignIn:
		return s.SignIn
	case screenEnroll:
		return s.Enroll
	case screenEnrolled:
		return s.Enrolled
	case screenList:
		return s.List
	case screenChallenge:
		if c, ok := m.current.(*challengeScreen); ok {
			switch {
			case c.entry != nil:
				return s.Code
			case c.ended():
				return s.Rejected
			}
		}
		return s.Push
	case screenResult:
		return s.Result
	case screenNewRecovery:
		return s.NewRecovery
	case screenFactorChoice:
		return s.FactorChoice
	case screenEnrollAddress:
		return s.Address
	case screenEnrollCode:
		return s.Confirm
	case screenHelpdeskFind:
		return s.HelpdeskFind
	case screenHelpdeskUsers:
		return s.HelpdeskUsers
	case screenHelpdeskCard:
		return s.HelpdeskCard
	case screenHelpdeskVerify:
		return s.HelpdeskVerify
	case screenHelpdeskConfirm:
		return s.HelpdeskConfirm
	case screenHelpdeskTicket:
		return s.HelpdeskTicket
	case screenHelpdeskRecovery:
		return s.HelpdeskRecovery
	}
	return ""
}

// appendCaption appends the caption's lines, fitted to w, and the blank
// line under it when presenter mode spaces its parts out.
func (m *Model) appendCaption(lines []string, w int) []string {
	caption := m.captionLines(w)
	if len(caption) == 0 {
		return lines
	}
	lines = appendFitted(lines, strings.Join(caption, "\n"), w)
	if m.roomySpacing() {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines
}

// captionKeys is the footer that says the keys of the caption's sender.
func (m *Model) captionKeys() string {
	return "\n " + paint(m.st.Muted, m.caption.Keys)
}
