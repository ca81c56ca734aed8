package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
)

// enrolledScreen confirms the enrollment and shows the recovery code, if
// Auth0 gave one, until the user says it is saved.
type enrolledScreen struct {
	recoveryBox
	authenticator auth0.Authenticator
}

func newEnrolledScreen(c *common, user string, a auth0.Authenticator, codes []string) *enrolledScreen {
	return &enrolledScreen{recoveryBox: newRecoveryBox(c, user, codes), authenticator: a}
}

func (s *enrolledScreen) ID() screenID { return screenEnrolled }

func (s *enrolledScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	cmd, done := s.update(msg)
	if done {
		return cmd, goHome{}
	}
	return cmd, nil
}

func (s *enrolledScreen) View(w, h int) string {
	t := s.t.Enrolled
	kind := s.kindName(auth0.KindPush)
	if s.authenticator.ID != "" {
		kind = s.kindName(s.authenticator.Kind())
	}
	var b strings.Builder
	b.WriteString("\n" + s.st.Success.Render("✓ "+t.Title) + "\n\n")
	summary := fmt.Sprintf(t.Summary, kind, s.st.Strong.Render(s.deviceName(s.authenticator)), s.user)
	if a := s.authenticator; a.Name == "" && a.ID != "" && a.Kind() != auth0.KindPush {
		summary = fmt.Sprintf(t.SummaryUnnamed, kind, s.user) // no device to name: not "one-time password on one-time password"
	}
	b.WriteString(wrap(s.st.Text.Render(summary), w) + "\n")
	if s.authenticator.ID != "" {
		b.WriteString(s.st.Muted.Render(s.authenticator.ID) + "\n")
	}
	b.WriteString("\n")
	hint := t.RecoveryHint
	if s.masksSecrets() { // the audience sees no code to write down
		hint = t.PresentHint
	}
	b.WriteString(s.view(t.RecoveryTitle, hint, w))
	return b.String()
}
