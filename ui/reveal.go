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

// typing: the reveal's field takes the keys.
func (tr *traceScreen) typing() bool { return tr.reveal != nil }

// canReveal reports whether the exchange shown has secrets kept aside to
// show: none when it was revealed from the start (--reveal-secrets).
func (tr *traceScreen) canReveal() bool {
	ex, ok := tr.selected()
	if !ok || ex.Revealed || tr.masksSecrets() {
		return false
	}
	_, kept := ex.WithSecrets()
	return kept
}

// revealKey is v, worded for what it does now.
func (tr *traceScreen) revealKey() key.Binding {
	k := tr.keys.Reveal
	if tr.revealed {
		k.SetHelp("v", tr.t.Keys.HideSecrets)
	} else {
		k.SetHelp("v", tr.t.Keys.RevealSecrets)
	}
	return k
}

// toggleReveal hides the secrets, or shows them: at once on the sandbox,
// after the modal against a real tenant.
func (tr *traceScreen) toggleReveal() tea.Cmd {
	if tr.revealed || tr.opts.Sandbox {
		tr.revealed = !tr.revealed
		return nil
	}
	in := textinput.New()
	in.SetStyles(tr.st.Input)
	in.CharLimit = 16
	in.SetWidth(16)
	tr.reveal = &revealModal{input: in}
	return tr.reveal.input.Focus()
}

func (tr *traceScreen) keyReveal(msg tea.KeyPressMsg) (tea.Cmd, intent) {
	switch {
	case key.Matches(msg, tr.keys.Back):
		tr.reveal = nil
		return nil, noteStatus{tr.t.Trace.RevealDeclined}
	case msg.String() == "enter":
		yes := strings.EqualFold(strings.TrimSpace(tr.reveal.input.Value()), tr.t.CLI.Yes)
		tr.reveal, tr.revealed = nil, yes
		if !yes {
			return nil, noteStatus{tr.t.Trace.RevealDeclined}
		}
		return nil, nil
	}
	var cmd tea.Cmd
	tr.reveal.input, cmd = tr.reveal.input.Update(msg)
	return cmd, nil
}

// viewReveal is the modal: what showing the secrets means, and the field.
func (tr *traceScreen) viewReveal(w int) string {
	inner := min(w, 64) - tr.st.Box.GetHorizontalFrameSize()
	prompt := fmt.Sprintf(tr.t.Trace.RevealPrompt, tr.tenantDomain(), tr.t.CLI.Yes)
	body := paint(tr.st.Warning, wrap(prompt, inner)) + "\n\n" + tr.reveal.input.View()
	return drawBox(tr.st.Box, body, 0)
}

func (tr *traceScreen) revealKeys() []key.Binding {
	return []key.Binding{
		bind(tr.t, tr.t.Keys.Submit, "enter"),
		bind(tr.t, tr.t.Keys.Cancel, "esc"),
		tr.keys.ForceQuit,
	}
}
