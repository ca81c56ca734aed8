package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screenParts is what each screen brings to the root model: how it draws,
// how it answers keys, and the keys its footer shows.
type screenParts struct {
	view func(m *Model, w, h int) string
	key  func(m *Model, msg tea.KeyPressMsg) tea.Cmd // nil: the screen takes no keys of its own
	keys func(m *Model) []key.Binding
}

// screens is filled in init: the screens' methods reach it again (through
// the footer's keys), which a package-level initializer may not.
var screens map[screen]screenParts

func init() {
	screens = map[screen]screenParts{
		screenHome:            {(*Model).viewHome, (*Model).keyHome, (*Model).homeKeys},
		screenSignIn:          {(*Model).viewSignIn, (*Model).keySignIn, (*Model).signInKeys},
		screenWorking:         {(*Model).viewWorking, nil, (*Model).workingKeys},
		screenProblem:         {(*Model).viewProblem, (*Model).keyProblem, (*Model).problemKeys},
		screenEnroll:          {(*Model).viewEnroll, (*Model).keyEnroll, (*Model).enrollKeys},
		screenEnrolled:        {(*Model).viewEnrolled, (*Model).keyEnrolled, func(m *Model) []key.Binding { return m.enrolledKeys(&m.enrolled) }},
		screenAlreadyEnrolled: {(*Model).viewAlreadyEnrolled, (*Model).keyAlreadyEnrolled, (*Model).alreadyEnrolledKeys},
		screenList:            {(*Model).viewList, (*Model).keyList, (*Model).listKeys},
		screenConfirmDelete:   {(*Model).viewConfirmDelete, (*Model).keyConfirmDelete, (*Model).confirmKeys},
		screenChallenge:       {(*Model).viewChallenge, (*Model).keyChallenge, (*Model).challengeKeys},
		screenNewRecovery:     {(*Model).viewNewRecovery, (*Model).keyNewRecovery, func(m *Model) []key.Binding { return m.enrolledKeys(&m.recovery.enrolledScreen) }},
		screenResult:          {(*Model).viewResult, (*Model).keyResult, (*Model).resultKeys},
	}
}

// The working screen: a spinner and what is being done; esc cancels it
// (handled before any screen's keys).

func (m *Model) viewWorking(w, h int) string {
	return "\n" + m.spin.View() + " " + m.st.Text.Render(m.op.label)
}

func (m *Model) workingKeys() []key.Binding {
	return []key.Binding{m.keys.Back, m.keys.ForceQuit}
}
