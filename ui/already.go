package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// alreadyScreen answers "User is already enrolled": an mfa_token cannot
// enroll a second factor, and it explains the documented way on, a
// verification with an existing factor first.
type alreadyScreen struct {
	*common
	k alreadyKeys
}

type alreadyKeys struct{ Verify, Home, Quit key.Binding }

func newAlreadyScreen(c *common) *alreadyScreen {
	verify := c.keys.Select
	verify.SetHelp(keyName(c.t, "enter"), c.t.Keys.Verify)
	return &alreadyScreen{common: c, k: alreadyKeys{Verify: verify, Home: c.keys.Back, Quit: c.keys.Quit}}
}

func (s *alreadyScreen) ID() screenID { return screenAlreadyEnrolled }

func (s *alreadyScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.k.Verify, s.k.Home, s.k.Quit}
}

func (s *alreadyScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch k, _ := msg.(tea.KeyPressMsg); {
	case key.Matches(k, s.k.Verify):
		return nil, verifyFirst{}
	case key.Matches(k, s.k.Home):
		return nil, goHome{}
	}
	return nil, nil
}

func (s *alreadyScreen) View(w, h int) string {
	t := s.t.AlreadyEnrolled
	var b strings.Builder
	b.WriteString("\n" + s.st.Warning.Render(t.Title) + "\n\n")
	b.WriteString(s.st.Text.Render(wrap(t.Explain, w)) + "\n\n")
	b.WriteString(s.st.Muted.Render(wrap(t.Path, w)) + "\n\n")
	b.WriteString(s.st.Strong.Render(wrap(t.Action, w)))
	return b.String()
}
