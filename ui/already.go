package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The "User is already enrolled" screen explains the documented way on.

func (m *Model) viewAlreadyEnrolled(w, h int) string {
	t := m.t.AlreadyEnrolled
	var b strings.Builder
	b.WriteString("\n" + m.st.Warning.Render(t.Title) + "\n\n")
	b.WriteString(m.st.Text.Render(wrap(t.Explain, w)) + "\n\n")
	b.WriteString(m.st.Muted.Render(wrap(t.Path, w)) + "\n\n")
	b.WriteString(m.st.Strong.Render(wrap(t.Action, w)))
	return b.String()
}

func (m *Model) keyAlreadyEnrolled(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Select):
		m.after = afterMFA{action: afterEnroll}
		return m.verifyForAccess()
	case key.Matches(msg, m.keys.Back):
		return m.goHome()
	}
	return nil
}

func (m *Model) alreadyEnrolledKeys() []key.Binding {
	verify := m.keys.Select
	verify.SetHelp("enter", m.t.Keys.Verify)
	return []key.Binding{verify, m.keys.Back, m.keys.Quit}
}
