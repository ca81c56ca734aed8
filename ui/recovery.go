package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// recoveryScreen shows the new recovery code after a recovery-code sign-in,
// with the same care as at enrollment: large, savable, acknowledged.
type recoveryScreen struct {
	enrolledScreen
}

func (m *Model) viewNewRecovery(w, h int) string {
	t := m.t.NewRecovery
	var b strings.Builder
	b.WriteString("\n" + m.st.Success.Render("✓ "+m.t.Challenge.Approved) + "\n\n")
	b.WriteString(m.viewRecoveryBox(&m.recovery.enrolledScreen, t.Title, t.Hint, w))
	return b.String()
}

func (m *Model) keyNewRecovery(msg tea.KeyPressMsg) tea.Cmd {
	r := &m.recovery
	switch {
	case key.Matches(msg, m.keys.Save):
		return saveRecoveryCodes(m.opts.SaveDir, m.t.Enrolled.FileHeader, m.session.Credentials.Username, r.recoveryCodes, m.now())
	case key.Matches(msg, m.keys.Confirm):
		r.acknowledged = true
		if m.after.pending() {
			return m.completeAfter()
		}
		return m.showResult()
	case key.Matches(msg, m.keys.Back):
		r.warned = true
	}
	return nil
}
