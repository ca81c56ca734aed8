package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/mfapush/mfapush/flow"
)

// signInScreen is the token acquisition form: email, password and realm,
// or a pasted mfa_token. It checks what was typed and sends it up; the
// journey signs in.
type signInScreen struct {
	*common
	k       signInKeys
	fields  []textinput.Model // email, password, realm
	token   textinput.Model
	focus   int
	pasting bool
	err     string
	// purpose is what the sign-in is for, in the title.
	purpose string
	styled  *Styles // the styles the fields were last given
}

// signInKeys: tab moves between the fields, enter sends, ctrl+t switches
// to a pasted mfa_token; esc goes home when the run started there.
type signInKeys struct {
	Next, Prev, Submit, Paste, Back, ForceQuit key.Binding
}

const (
	fieldEmail = iota
	fieldPassword
	fieldRealm
)

func newSignInScreen(c *common) *signInScreen {
	s := &signInScreen{common: c, fields: make([]textinput.Model, 3), token: textinput.New()}
	s.k = signInKeys{Next: c.keys.NextField, Prev: c.keys.PrevField, Paste: c.keys.Paste, Back: c.keys.Back, ForceQuit: c.keys.ForceQuit,
		Submit: bind(c.t, c.t.Keys.Submit, "enter")}
	for i := range s.fields {
		s.fields[i] = textinput.New()
		s.fields[i].CharLimit = 256
	}
	s.fields[fieldEmail].Placeholder = "user@example.com"
	s.fields[fieldPassword].EchoMode = textinput.EchoPassword
	s.fields[fieldPassword].EchoCharacter = '•'
	s.fields[fieldRealm].Placeholder = c.t.SignIn.RealmHint
	s.fields[fieldRealm].SetValue(c.opts.Realm)
	s.token.Placeholder = c.t.SignIn.MFATokenHint
	s.token.CharLimit = 8192
	s.token.EchoMode = textinput.EchoPassword
	s.token.EchoCharacter = '•'
	s.restyle()
	return s
}

func (s *signInScreen) ID() screenID { return screenSignIn }

func (s *signInScreen) typing() bool { return true }

// restyle gives the fields the current theme's styles.
func (s *signInScreen) restyle() {
	if s.styled == s.st {
		return
	}
	s.styled = s.st
	for i := range s.fields {
		s.fields[i].SetStyles(s.st.Input)
	}
	s.token.SetStyles(s.st.Input)
}

func (s *signInScreen) setSize(w, h int) {
	for i := range s.fields {
		s.fields[i].SetWidth(min(48, max(w-16, 8)))
	}
	s.token.SetWidth(min(60, max(w-16, 8)))
}

// focused is the input that has the focus.
func (s *signInScreen) focused() *textinput.Model {
	if s.pasting {
		return &s.token
	}
	return &s.fields[s.focus]
}

func (s *signInScreen) focusCmd() tea.Cmd {
	for i := range s.fields {
		s.fields[i].Blur()
	}
	s.token.Blur()
	return s.focused().Focus()
}

// reset empties the form for a new sign-in, the username prefilled.
func (s *signInScreen) reset() {
	s.err = ""
	s.pasting = false
	s.fields[fieldPassword].SetValue("")
	s.token.SetValue("")
	s.focus = fieldEmail
	s.fields[fieldEmail].SetValue(s.opts.Username)
	if s.opts.Username != "" {
		s.focus = fieldPassword
	}
}

// retypePassword empties the password and puts the focus on it, the
// email kept: after a wrong password, only the password is typed again.
func (s *signInScreen) retypePassword() {
	s.pasting = false
	s.fields[fieldPassword].SetValue("")
	s.focus = fieldPassword
}

func (s *signInScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in := s.focused()
		var cmd tea.Cmd
		*in, cmd = in.Update(tea.PasteMsg{Content: strings.TrimSpace(msg.Content)})
		return cmd, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.k.Back):
			return nil, leave{}
		case key.Matches(msg, s.k.Paste):
			s.pasting = !s.pasting
			s.err = ""
			return s.focusCmd(), nil
		case key.Matches(msg, s.k.Submit):
			if !s.pasting && s.focus < fieldPassword {
				s.focus++
				return s.focusCmd(), nil
			}
			return s.submit()
		case !s.pasting && key.Matches(msg, s.k.Next):
			s.focus = (s.focus + 1) % len(s.fields)
			return s.focusCmd(), nil
		case !s.pasting && key.Matches(msg, s.k.Prev):
			s.focus = (s.focus + len(s.fields) - 1) % len(s.fields)
			return s.focusCmd(), nil
		}
		var cmd tea.Cmd
		in := s.focused()
		*in, cmd = in.Update(msg)
		s.err = ""
		return cmd, nil
	}
	return nil, nil
}

// submit checks the form and sends it up.
func (s *signInScreen) submit() (tea.Cmd, intent) {
	t := s.t.SignIn
	username := strings.TrimSpace(s.fields[fieldEmail].Value())
	if s.pasting {
		token := strings.TrimSpace(s.token.Value())
		if token == "" {
			s.err = t.MissingToken
			return nil, nil
		}
		return nil, signInWithToken{token: token, username: username}
	}
	creds := flow.Credentials{
		Username: username,
		Password: s.fields[fieldPassword].Value(),
		Realm:    strings.TrimSpace(s.fields[fieldRealm].Value()),
	}
	switch {
	case creds.Username == "":
		s.err, s.focus = t.MissingEmail, fieldEmail
		return s.focusCmd(), nil
	case creds.Password == "":
		s.err, s.focus = t.MissingPass, fieldPassword
		return s.focusCmd(), nil
	}
	return nil, signInWith{creds}
}

func (s *signInScreen) View(w, h int) string {
	s.restyle()
	t := s.t.SignIn
	var b strings.Builder
	b.WriteString("\n" + s.st.Title.Render(strings.Replace(t.Title, "%s", s.purpose, 1)) + "\n\n")
	width := labelWidth(t.Email, t.Password, t.Realm, t.MFAToken)
	label := func(text string, focused bool) string {
		st := s.st.Label
		if focused {
			st = s.st.Selected
		}
		return st.Render(padRight(text, width))
	}
	if s.pasting {
		b.WriteString(s.st.Muted.Render(t.PasteTitle) + "\n\n")
		b.WriteString(label(t.MFAToken, true) + s.token.View() + "\n")
	} else {
		names := []string{t.Email, t.Password, t.Realm}
		for i, f := range s.fields {
			b.WriteString(label(names[i], i == s.focus) + f.View() + "\n")
		}
	}
	if s.err != "" {
		b.WriteString("\n" + s.st.Error.Render(s.err) + "\n")
	}
	if demo := s.viewDemoUsers(w); demo != "" {
		b.WriteString("\n" + demo)
	}
	return b.String()
}

func (s *signInScreen) ShortHelp() []key.Binding {
	paste := s.k.Paste
	if s.pasting {
		paste.SetHelp("ctrl+t", s.t.Keys.TypePassword)
	}
	keys := []key.Binding{s.k.Next, s.k.Submit, paste}
	if s.pasting {
		keys = []key.Binding{s.k.Submit, paste} // one field: tab has nowhere to go
	}
	if s.opts.Start == JourneyHome {
		keys = append(keys, s.k.Back)
	}
	return append(keys, s.k.ForceQuit)
}

func padRight(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s + " "
}
