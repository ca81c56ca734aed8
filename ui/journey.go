package ui

import tea "charm.land/bubbletea/v2"

// carry carries out what a screen asked for.
func (m *Model) carry(in intent) tea.Cmd {
	switch in := in.(type) {
	case nil:
		return nil
	case chooseJourney:
		m.openSignIn(in.journey)
		return m.signIn.focusCmd()
	}
	return nil
}
