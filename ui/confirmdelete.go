package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
)

// confirmScreen asks before an authenticator is deleted.
type confirmScreen struct {
	*common
	k      confirmKeys
	target auth0.Authenticator
}

type confirmKeys struct{ Yes, No key.Binding }

func newConfirmScreen(c *common, target auth0.Authenticator) *confirmScreen {
	return &confirmScreen{common: c, k: confirmKeys{Yes: c.keys.Yes, No: c.keys.No}, target: target}
}

func (s *confirmScreen) ID() screenID { return screenConfirmDelete }

func (s *confirmScreen) ShortHelp() []key.Binding { return []key.Binding{s.k.Yes, s.k.No} }

func (s *confirmScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch k, _ := msg.(tea.KeyPressMsg); {
	case key.Matches(k, s.k.Yes):
		return nil, confirmDelete{s.target}
	case key.Matches(k, s.k.No):
		return nil, leave{}
	}
	return nil, nil
}

func (s *confirmScreen) View(w, h int) string {
	t := s.t.List
	a := s.target
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Warning, fmt.Sprintf(t.ConfirmDelete, s.describe(a))) + "\n")
	b.WriteString(paint(s.st.Muted, a.ID) + "\n\n")
	if a.Kind() == auth0.KindPush || a.Kind() == auth0.KindOTP {
		b.WriteString(paint(s.st.Text, wrap(t.TwinNote, w)) + "\n\n")
	}
	b.WriteString(paint(s.st.Strong, t.ConfirmHint))
	return b.String()
}
