package demo

import (
	tea "charm.land/bubbletea/v2"
)

// control is what a person's key asks of the demo.
type control uint8

const (
	togglePause control = iota + 1
	nextStep
)

// scriptKeyMsg is a key the script presses: the interface gets it as the
// tea.KeyPressMsg it is, while the keys a person presses go to the
// demo's controls.
type scriptKeyMsg struct{ key tea.KeyPressMsg }

// endMsg ends the program: the story is over (err nil) or cannot go on.
type endMsg struct{ err error }

// quitKind says how the program ended.
type quitKind uint8

const (
	notQuit     quitKind = iota
	ended                // the story played to its end, or failed (Model.Err)
	quitByKey            // q
	interrupted          // ctrl+c
)

// Model wraps the interface's root model: it hands it the script's keys
// and every other message, keeps the person's keys for the demo's
// controls, and shows each frame to the player.
type Model struct {
	inner    tea.Model
	watch    *screenWatch
	shown    *terminalWatch // nil without Output
	controls chan control
	keys     uint64 // the script's keys taken
	quit     quitKind
	err      error
}

func (m *Model) Init() tea.Cmd { return m.inner.Init() }

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case scriptKeyMsg:
		m.keys++
		return m.forward(msg.key)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "space", " ":
			m.control(togglePause)
		case "right", "n":
			m.control(nextStep)
		case "q":
			m.quit = quitByKey
			return m, tea.Quit
		case "ctrl+c":
			m.quit = interrupted
			return m, tea.Quit
		}
		return m, nil // the script types; the audience's keys do not
	case tea.PasteMsg:
		return m, nil
	case endMsg:
		m.quit, m.err = ended, msg.err
		return m, tea.Quit
	case tea.WindowSizeMsg:
		if m.shown != nil {
			m.shown.resize(msg.Width, msg.Height)
		}
	}
	return m.forward(msg)
}

func (m *Model) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.inner, cmd = m.inner.Update(msg)
	return m, cmd
}

// control hands a control to the player; one it has not taken yet
// is enough of its kind.
func (m *Model) control(c control) {
	select {
	case m.controls <- c:
	default:
	}
}

// View draws the interface, shows the frame to the player, and draws a
// blank last frame as the interface does when it quits.
func (m *Model) View() tea.View {
	v := m.inner.View()
	if m.quit != notQuit {
		v.Content = ""
		return v
	}
	m.watch.publish(v.Content, m.keys)
	return v
}
