package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
)

// helpdeskRecoveryScreen shows a regenerated recovery code once, with the
// care of the enrollment's: it can be saved to a private file, and q warns
// before it is lost; once confirmed, the card shows again.
type helpdeskRecoveryScreen struct {
	recoveryBox
	user management.User
}

func newHelpdeskRecoveryScreen(c *common, user management.User, code string) *helpdeskRecoveryScreen {
	return &helpdeskRecoveryScreen{recoveryBox: newRecoveryBox(c, user.Email, []string{code}), user: user}
}

func (s *helpdeskRecoveryScreen) ID() screenID { return screenHelpdeskRecovery }

func (s *helpdeskRecoveryScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	wasUnsaved := s.unsaved()
	cmd, done := s.update(msg)
	if (wasUnsaved && !s.unsaved()) || done {
		return cmd, backToCard{}
	}
	return cmd, nil
}

func (s *helpdeskRecoveryScreen) View(w, h int) string {
	u := s.t.Helpdesk.UI
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, wrap(fmt.Sprintf(u.RecoveryTitle, auth0.CleanText(userLabel(s.user))), w)) + "\n\n")
	b.WriteString(s.view(s.t.Helpdesk.Card.RecoveryCode, u.RecoveryHint, w))
	return b.String()
}
