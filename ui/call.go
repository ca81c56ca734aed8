package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
)

// A call is one request of the journey to Auth0, run by a command from
// package flow. One runs at a time: a new one abandons the last, esc
// abandons it, and the answer of an abandoned call is dropped (its
// sequence number no longer matches).
type call struct {
	seq    uint64
	label  string
	cancel context.CancelFunc
}

func (c *call) end() {
	if c.cancel != nil {
		c.cancel()
	}
	*c = call{seq: c.seq}
}

// callDoneMsg wraps a call's answer with its sequence number.
type callDoneMsg struct {
	seq uint64
	msg tea.Msg
}

// lastCall is the last call run on the working screen, so that trying
// again on a problem can send it again.
type lastCall struct {
	label string
	start func(env flow.Env) tea.Cmd
}

// run starts a call on the working screen (stage).
func (m *Model) run(label string, start func(env flow.Env) tea.Cmd) tea.Cmd {
	back := m.current
	if w, ok := back.(*workingScreen); ok {
		back = w.back
	}
	m.last = lastCall{label: label, start: start}
	cmd := m.startCall(label, start)
	m.show(newWorkingScreen(m.common, label, back))
	return cmd
}

// runInline starts a call without leaving the screen: a code checked
// while the push wait goes on (stage).
func (m *Model) runInline(start func(env flow.Env) tea.Cmd) tea.Cmd {
	return m.startCall("", start)
}

func (m *Model) startCall(label string, start func(env flow.Env) tea.Cmd) tea.Cmd {
	m.op.end()
	ctx, cancel := context.WithCancel(m.ctx())
	env := m.env
	env.Ctx = ctx
	m.op = call{seq: m.op.seq + 1, label: label, cancel: cancel}
	seq, cmd := m.op.seq, start(env)
	return func() tea.Msg { return callDoneMsg{seq: seq, msg: cmd()} }
}

// retry sends the last call again, as from back (stage).
func (m *Model) retry(back screen) tea.Cmd {
	if m.last.start == nil {
		return nil
	}
	m.current = back
	return m.run(m.last.label, m.last.start)
}

// endCall abandons the call in flight (stage).
func (m *Model) endCall() { m.op.end() }

// cancelCall abandons the call in flight and goes back where it began.
func (m *Model) cancelCall() tea.Cmd {
	m.op.end()
	if w, ok := m.current.(*workingScreen); ok && w.back != nil {
		return m.show(w.back)
	}
	return nil
}
