package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// newRecoveryScreen shows the new recovery code after a sign-in with a
// recovery code, with the same care as at enrollment; once it is
// confirmed saved, the journey goes on.
type newRecoveryScreen struct{ recoveryBox }

func newNewRecoveryScreen(c *common, user, code string) *newRecoveryScreen {
	return &newRecoveryScreen{newRecoveryBox(c, user, []string{code})}
}

func (s *newRecoveryScreen) ID() screenID { return screenNewRecovery }

func (s *newRecoveryScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	wasUnsaved := s.unsaved()
	cmd, _ := s.update(msg)
	if wasUnsaved && !s.unsaved() {
		return cmd, codesKept{}
	}
	return cmd, nil
}

func (s *newRecoveryScreen) View(w, h int) string {
	t := s.t.NewRecovery
	var b strings.Builder
	b.WriteString("\n" + s.st.Success.Render("✓ "+s.t.Challenge.Approved) + "\n\n")
	b.WriteString(s.view(t.Title, t.Hint, w))
	return b.String()
}
