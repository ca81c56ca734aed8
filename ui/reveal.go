package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// The trace's reveal shows the secrets of the exchanges (tokens, codes, the
// client secret) in place of their shell variables, without a restart with
// --reveal-secrets, and with the same confirmation: none on the sandbox,
// whose secrets are demo values; against a real tenant the user types yes
// in a small modal first.

// revealModal asks for that yes.
type revealModal struct {
	input textinput.Model
}

// canReveal reports whether the exchange shown has secrets kept aside to
// show: none when it was revealed from the start (--reveal-secrets).
func (tr *traceScreen) canReveal() bool {
	ex, ok := tr.selected()
	if !ok || ex.Revealed {
		return false
	}
	_, kept := ex.WithSecrets()
	return kept
}

// revealKey is v, worded for what it does now.
func (m *Model) revealKey() key.Binding {
	k := m.keys.Reveal
	if m.trace.revealed {
		k.SetHelp("v", m.t.Keys.HideSecrets)
	} else {
		k.SetHelp("v", m.t.Keys.RevealSecrets)
	}
	return k
}

// toggleReveal hides the secrets, or shows them: at once on the sandbox,
// after the modal against a real tenant.
func (m *Model) toggleReveal() tea.Cmd {
	tr := &m.trace
	if tr.revealed || m.opts.Sandbox {
		tr.revealed = !tr.revealed
		return nil
	}
	in := textinput.New()
	in.SetStyles(m.st.Input)
	in.CharLimit = 16
	in.SetWidth(16)
	tr.reveal = &revealModal{input: in}
	return tr.reveal.input.Focus()
}

func (m *Model) keyReveal(msg tea.KeyPressMsg) tea.Cmd {
	tr := &m.trace
	switch {
	case key.Matches(msg, m.keys.Back):
		tr.reveal = nil
		return m.note(m.t.Trace.RevealDeclined)
	case msg.String() == "enter":
		yes := strings.EqualFold(strings.TrimSpace(tr.reveal.input.Value()), m.t.CLI.Yes)
		tr.reveal, tr.revealed = nil, yes
		if !yes {
			return m.note(m.t.Trace.RevealDeclined)
		}
		return nil
	}
	var cmd tea.Cmd
	tr.reveal.input, cmd = tr.reveal.input.Update(msg)
	return cmd
}

// pasteReveal takes a pasted yes.
func (m *Model) pasteReveal(msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	m.trace.reveal.input, cmd = m.trace.reveal.input.Update(msg)
	return cmd
}

// viewReveal is the modal: what showing the secrets means, and the field.
func (m *Model) viewReveal(w int) string {
	inner := min(w, 64) - m.st.Box.GetHorizontalFrameSize()
	prompt := fmt.Sprintf(m.t.Trace.RevealPrompt, m.env.Client.Domain(), m.t.CLI.Yes)
	body := paint(m.st.Warning, wrap(prompt, inner)) + "\n\n" + m.trace.reveal.input.View()
	return drawBox(m.st.Box, body, 0)
}

func (m *Model) revealKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.t.Keys.Submit)),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", m.t.Keys.Cancel)),
		m.keys.ForceQuit,
	}
}
