package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
)

// helpdeskConfirmScreen asks to type the user's email before factors are
// deleted: one method, or all when method is nil.
type helpdeskConfirmScreen struct {
	*common
	emailField
	k        helpdeskConfirmKeys
	user     management.User
	method   *management.AuthenticationMethod
	mismatch bool
}

type helpdeskConfirmKeys struct{ Confirm, Back, ForceQuit key.Binding }

func newHelpdeskConfirmScreen(c *common, user management.User, method *management.AuthenticationMethod) *helpdeskConfirmScreen {
	return &helpdeskConfirmScreen{common: c, emailField: newEmailField(c, user.Email), user: user, method: method,
		k: helpdeskConfirmKeys{Back: c.keys.Back, ForceQuit: c.keys.ForceQuit,
			Confirm: bind(c.t, c.t.Helpdesk.UI.KeyDelete, "enter")}}
}

func (s *helpdeskConfirmScreen) ID() screenID { return screenHelpdeskConfirm }

func (s *helpdeskConfirmScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.k.Confirm, s.k.Back, s.k.ForceQuit}
}

func (s *helpdeskConfirmScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.k.Back):
			return nil, leave{}
		case key.Matches(k, s.k.Confirm):
			if !strings.EqualFold(strings.TrimSpace(s.email.Value()), s.user.Email) || s.user.Email == "" {
				s.mismatch = true
				return nil, nil
			}
			if s.method == nil {
				return nil, confirmReset{}
			}
			return nil, confirmReset{s.method.ID}
		}
	}
	if _, typed := msg.(tea.KeyPressMsg); typed {
		s.mismatch = false
	}
	return s.edit(msg), nil
}

func (s *helpdeskConfirmScreen) View(w, h int) string {
	u := s.t.Helpdesk.UI
	name := auth0.CleanText(userLabel(s.user))
	question := s.t.Sprintf(u.ConfirmAll, name)
	if s.method != nil {
		question = s.t.Sprintf(u.ConfirmOne, auth0.CleanText(s.method.Type+" "+s.method.ID), name)
	}
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Warning, wrap(question, w)) + "\n\n")
	b.WriteString(paint(s.st.Label, u.ConfirmPrompt) + "\n" + s.email.View() + "\n")
	if s.mismatch {
		b.WriteString(paint(s.st.Error, wrap(u.ConfirmMismatch, w)))
	}
	return b.String()
}
