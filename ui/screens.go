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
var screens map[screenID]screenParts

func init() {
	screens = map[screenID]screenParts{
		screenHome:            component,
		screenSignIn:          component,
		screenWorking:         {(*Model).viewWorking, nil, (*Model).workingKeys},
		screenProblem:         component,
		screenEnroll:          component,
		screenEnrolled:        component,
		screenAlreadyEnrolled: component,
		screenList:            component,
		screenConfirmDelete:   component,
		screenChallenge:       component,
		screenNewRecovery:     component,
		screenResult:          component,
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

// component is the entry of a screen that is a component: the current
// screen draws, answers and offers its keys itself.
var component = screenParts{
	view: func(m *Model, w, h int) string { return m.current.View(w, h) },
	key:  func(m *Model, msg tea.KeyPressMsg) tea.Cmd { return m.updateScreen(msg) },
	keys: func(m *Model) []key.Binding { return m.current.ShortHelp() },
}

// updateScreen hands msg to the current screen and carries out what it
// asks for.
func (m *Model) updateScreen(msg tea.Msg) tea.Cmd {
	cmd, in := m.current.Update(msg)
	return tea.Batch(cmd, m.carry(in))
}

// setScreen shows the screen of that ID: a component's kept instance.
func (m *Model) setScreen(id screenID) {
	m.screen = id
	if s := m.kept(id); s != nil {
		m.current = s
		if r, ok := s.(resizer); ok {
			r.setSize(m.bodySize())
		}
	}
}

// kept is the instance of a screen that is a component.
func (m *Model) kept(id screenID) screen {
	switch id {
	case screenHome:
		return m.home
	case screenSignIn:
		m.signIn.purpose = m.signInPurpose()
		return m.signIn
	case screenProblem:
		return m.problem
	case screenAlreadyEnrolled:
		return m.already
	case screenConfirmDelete:
		return m.confirm
	case screenResult:
		return m.result
	case screenList:
		return m.list
	case screenEnroll:
		if m.enroll != nil {
			return m.enroll
		}
	case screenChallenge:
		if m.challenge != nil {
			return m.challenge
		}
	case screenEnrolled:
		return m.enrolled
	case screenNewRecovery:
		return m.recovery
	}
	return nil
}

// shown is the current screen when it is a component, else nil.
func (m *Model) shown() screen {
	if m.current != nil && m.current.ID() == m.screen {
		return m.current
	}
	return nil
}

// forScreen carries the answer of a screen's own command back to that
// screen, wherever the interface is by then (the list's filter answers
// while another screen may show).
type forScreen struct {
	to  screen
	msg tea.Msg
}

// deliverTo wraps what cmd answers for s, looking inside batches so that
// each command still runs on its own.
func deliverTo(s screen, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			wrapped := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				wrapped[i] = deliverTo(s, c)
			}
			return wrapped
		default:
			return forScreen{to: s, msg: msg}
		}
	}
}
