package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
)

// helpdeskFindScreen asks for the email of the user to help.
type helpdeskFindScreen struct {
	*common
	emailField
	k             helpdeskFindKeys
	sandboxEmails []string // the sandbox's users, offered; read once, as they do not change
}

type helpdeskFindKeys struct{ Submit, Back, ForceQuit key.Binding }

func newHelpdeskFindScreen(c *common) *helpdeskFindScreen {
	s := &helpdeskFindScreen{common: c, emailField: newEmailField(c, "user@example.com"),
		k: helpdeskFindKeys{Back: c.keys.Back, ForceQuit: c.keys.ForceQuit,
			Submit: bind(c.t, c.t.Helpdesk.UI.KeyFind, "enter")}}
	if c.opts.SandboxEmails != nil {
		s.sandboxEmails = c.opts.SandboxEmails()
	}
	return s
}

func (s *helpdeskFindScreen) ID() screenID { return screenHelpdeskFind }

func (s *helpdeskFindScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.k.Submit, s.k.Back, s.k.ForceQuit}
}

func (s *helpdeskFindScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.k.Back):
			return nil, leave{}
		case key.Matches(k, s.k.Submit):
			if email := strings.TrimSpace(s.email.Value()); email != "" {
				return nil, findUser{email}
			}
			return nil, nil
		}
	}
	return s.edit(msg), nil
}

func (s *helpdeskFindScreen) View(w, h int) string {
	u := s.t.Helpdesk.UI
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, u.FindTitle) + "\n\n")
	b.WriteString(paint(s.st.Label, u.EmailLabel) + "\n" + s.email.View() + "\n\n")
	b.WriteString(paint(s.st.Muted, wrap(u.FindHint, w)) + "\n")
	if len(s.sandboxEmails) > 0 {
		b.WriteString("\n" + paint(s.st.Muted, wrap(fmt.Sprintf(u.SandboxUsers, strings.Join(s.sandboxEmails, ", ")), w)) + "\n")
	}
	if h := s.opts.Helpdesk; h != nil && h.Audit != nil {
		b.WriteString("\n" + paint(s.st.Muted, wrap(fmt.Sprintf(u.Audited, h.Audit.Path()), w)))
	}
	return b.String()
}

// helpdeskUsersScreen chooses among the users who share an email.
type helpdeskUsersScreen struct {
	*common
	picker
	email string
	users []management.User
}

func newHelpdeskUsersScreen(c *common, email string, users []management.User) *helpdeskUsersScreen {
	return &helpdeskUsersScreen{common: c, email: email, users: users, picker: newPicker(c)}
}

func (s *helpdeskUsersScreen) ID() screenID { return screenHelpdeskUsers }

func (s *helpdeskUsersScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	n := len(s.users)
	switch {
	case s.moved(k, n):
	case key.Matches(k, s.k.Select):
		return nil, pickUser{s.users[s.cursor].UserID}
	case key.Matches(k, s.k.Back):
		return nil, leave{}
	}
	return nil, nil
}

func (s *helpdeskUsersScreen) View(w, h int) string {
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, wrap(fmt.Sprintf(s.t.Helpdesk.UI.UsersTitle, auth0.CleanText(s.email)), w)) + "\n\n")
	for i, u := range s.users {
		marker, style := "  ", s.st.Text
		if i == s.cursor {
			marker, style = paint(s.st.Selected, "▸ "), s.st.Selected
		}
		b.WriteString(marker + paint(style, auth0.CleanText(u.Connection())) + "  " + paint(s.st.Muted, auth0.CleanText(u.UserID)) + "\n")
		b.WriteString("    " + paint(s.st.Text, auth0.CleanText(u.Name)) + "\n")
	}
	return b.String()
}
