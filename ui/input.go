package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// handleKey routes a key press: global keys first, then the phone, then
// the trace or the screen. The footer offers the same keys (footerKeys),
// from the same conditions.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		m.interrupted = true
		return m.quit()
	}
	if m.tooSmall() {
		return m.keyTooSmall(msg)
	}
	if key.Matches(msg, m.helpKey()) {
		m.help.ShowAll = !m.help.ShowAll
		m.layout()
		return nil
	}
	if !m.typing() {
		switch {
		case key.Matches(msg, m.keys.Quit):
			if k := m.keeping(); k != nil && k.warnOnce() {
				return nil
			}
			return m.quit()
		case key.Matches(msg, m.keys.Trace) && m.opts.Trace != nil:
			m.trace.toggle()
			return nil
		}
		if cmd, ok := m.phoneKey(msg); ok {
			return cmd
		}
	}
	if m.trace.open {
		cmd, in := m.trace.Update(msg)
		return tea.Batch(cmd, m.carry(in))
	}
	return m.updateScreen(msg)
}

// helpKey opens and closes the full help: ? or f1, but f1 only while
// typing, since ? is typed into the field.
func (m *Model) helpKey() key.Binding {
	help := m.keys.Help
	if m.typing() {
		help = m.keys.HelpTyping
	}
	if m.help.ShowAll {
		help.SetHelp(help.Help().Key, m.t.Keys.LessHelp)
	}
	return help
}

// typing reports whether keys go to a text field, so q and the phone keys
// type letters instead.
func (m *Model) typing() bool {
	if m.trace.open {
		return m.trace.typing()
	}
	t, ok := m.current.(typist)
	return ok && t.typing()
}

// keeping is the current screen when it holds a recovery code the user
// has not confirmed saving, else nil.
func (m *Model) keeping() keeper {
	if k, ok := m.current.(keeper); ok && k.unsaved() {
		return k
	}
	return nil
}

// handlePaste sends pasted text to the field being typed in.
func (m *Model) handlePaste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case m.tooSmall():
		return nil // the field is not on screen
	case m.trace.open:
		cmd, in := m.trace.Update(msg)
		return tea.Batch(cmd, m.carry(in))
	}
	return m.updateScreen(msg)
}

// screenKeys are the keys the footer shows for the current screen.
func (m *Model) screenKeys() []key.Binding {
	if m.trace.open {
		return m.trace.ShortHelp()
	}
	return m.current.ShortHelp()
}

// note shows a short note under the body for a few seconds (stage).
func (m *Model) note(text string) tea.Cmd {
	m.statusSeq++
	m.status = text
	m.layout()
	return after(m.ctx(), 4*time.Second, clearStatusMsg{seq: m.statusSeq})
}

func (m *Model) clearStatus(msg clearStatusMsg) {
	if msg.seq == m.statusSeq {
		m.status = ""
		m.layout()
	}
}
