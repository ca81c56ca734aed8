package ui

import (
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
)

// The spinner and the second tick run only while something on screen
// needs them, and stop by themselves when nothing does: an idle screen
// costs nothing (docs/performance.md, idle cost).

type secondTickMsg struct{}

func (m *Model) secondTick() tea.Cmd { return after(m.ctx(), time.Second, secondTickMsg{}) }

// animating reports whether something on screen moves at each spinner
// frame: the screen, or the phone acting.
func (m *Model) animating() bool {
	if mv, ok := m.current.(mover); ok && mv.moving() {
		return true
	}
	return m.phone.busy()
}

// needsSeconds reports whether a countdown is visible without animation.
func (m *Model) needsSeconds() bool {
	if t, ok := m.current.(ticker); ok && t.ticking() {
		return true
	}
	return m.phone.showsOTP(m)
}

// animate starts the spinner or the second tick when something needs them
// and they are not running.
func (m *Model) animate() tea.Cmd {
	var cmds []tea.Cmd
	if m.animating() && !m.spinning {
		m.spinning = true
		cmds = append(cmds, m.spin.Tick)
	}
	if m.needsSeconds() && !m.ticking {
		m.ticking = true
		m.phone.refreshOTP(m.opts.Phone)
		cmds = append(cmds, m.secondTick())
	}
	return tea.Batch(cmds...)
}

// tick moves the spinner or counts a second, or lets them stop.
func (m *Model) tick(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(secondTickMsg); ok {
		if !m.needsSeconds() {
			m.ticking = false
			return nil
		}
		m.phone.refreshOTP(m.opts.Phone)
		return m.secondTick()
	}
	if !m.animating() {
		m.spinning = false
		return nil
	}
	var cmd tea.Cmd
	m.spin, cmd = m.spin.Update(msg.(spinner.TickMsg))
	return cmd
}
