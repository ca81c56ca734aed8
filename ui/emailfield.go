package ui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// emailField is the one field of the helpdesk's find and confirm screens:
// keys go to it, it takes the focus when the screen shows, and it fits
// the body.
type emailField struct {
	email textinput.Model
}

func newEmailField(c *common, placeholder string) emailField {
	f := emailField{email: textinput.New()}
	f.email.Placeholder = placeholder
	f.email.CharLimit = 256
	f.email.SetStyles(c.st.Input)
	f.email.SetWidth(40)
	return f
}

func (f *emailField) typing() bool      { return true }
func (f *emailField) focusCmd() tea.Cmd { return f.email.Focus() }
func (f *emailField) setSize(w, h int)  { f.email.SetWidth(min(40, w-4)) }

// edit passes a key or a paste to the field; other messages are not its.
func (f *emailField) edit(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		var cmd tea.Cmd
		f.email, cmd = f.email.Update(msg)
		return cmd
	}
	return nil
}
