package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// signInScreen is the token acquisition form: email, password and realm,
// or a pasted mfa_token.
type signInScreen struct {
	fields  []textinput.Model // email, password, realm
	token   textinput.Model
	focus   int
	pasting bool
	err     string
}

const (
	fieldEmail = iota
	fieldPassword
	fieldRealm
)

func newSignInScreen(m *Model) signInScreen {
	s := signInScreen{fields: make([]textinput.Model, 3), token: textinput.New()}
	for i := range s.fields {
		s.fields[i] = textinput.New()
		s.fields[i].CharLimit = 256
	}
	s.fields[fieldEmail].Placeholder = "user@example.com"
	s.fields[fieldPassword].EchoMode = textinput.EchoPassword
	s.fields[fieldPassword].EchoCharacter = '•'
	s.fields[fieldRealm].Placeholder = m.t.SignIn.RealmHint
	s.fields[fieldRealm].SetValue(m.opts.Realm)
	s.token.Placeholder = m.t.SignIn.MFATokenHint
	s.token.CharLimit = 8192
	s.token.EchoMode = textinput.EchoPassword
	s.token.EchoCharacter = '•'
	return s
}

func (s *signInScreen) restyle(st *Styles) {
	for i := range s.fields {
		s.fields[i].SetStyles(st.Input)
	}
	s.token.SetStyles(st.Input)
}

func (s *signInScreen) setWidth(w int) {
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

// openSignIn shows the form for a flow, with the username prefilled.
func (m *Model) openSignIn(f Journey) {
	m.journey = f
	m.setScreen(screenSignIn)
	s := &m.signIn
	s.err = ""
	s.pasting = false
	s.fields[fieldPassword].SetValue("")
	s.token.SetValue("")
	s.focus = fieldEmail
	s.fields[fieldEmail].SetValue(m.opts.Username)
	if m.opts.Username != "" {
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

func (m *Model) keySignIn(msg tea.KeyPressMsg) tea.Cmd {
	s := &m.signIn
	switch {
	case key.Matches(msg, m.keys.Back):
		if m.opts.Start == JourneyHome {
			m.setScreen(screenHome)
		}
		return nil
	case key.Matches(msg, m.keys.Paste):
		s.pasting = !s.pasting
		s.err = ""
		return s.focusCmd()
	case msg.String() == "enter":
		if !s.pasting && s.focus < fieldPassword {
			s.focus++
			return s.focusCmd()
		}
		return m.submitSignIn()
	case !s.pasting && (msg.String() == "tab" || msg.String() == "down"):
		s.focus = (s.focus + 1) % len(s.fields)
		return s.focusCmd()
	case !s.pasting && (msg.String() == "shift+tab" || msg.String() == "up"):
		s.focus = (s.focus + len(s.fields) - 1) % len(s.fields)
		return s.focusCmd()
	}
	var cmd tea.Cmd
	in := s.focused()
	*in, cmd = in.Update(msg)
	s.err = ""
	return cmd
}

func (m *Model) pasteSignIn(msg tea.PasteMsg) tea.Cmd {
	in := m.signIn.focused()
	var cmd tea.Cmd
	*in, cmd = in.Update(tea.PasteMsg{Content: strings.TrimSpace(msg.Content)})
	return cmd
}

// loginFor is the sign-in a flow needs: its tokens serve the MFA API but
// in the challenge flow, whose tokens are what the user signs in for, and
// while an action waits for an MFA-API token.
func (m *Model) loginFor(f Journey, creds flow.Credentials) auth0.PasswordLogin {
	return flow.Login(m.env, creds, f != JourneyChallenge || m.after.pending(), m.opts.Audience)
}

func (m *Model) submitSignIn() tea.Cmd {
	s := &m.signIn
	t := m.t.SignIn
	if s.pasting {
		token := strings.TrimSpace(s.token.Value())
		if token == "" {
			s.err = t.MissingToken
			return nil
		}
		m.session = flow.Session{MFAToken: token, MFATokenAt: m.now()}
		m.session.Credentials.Username = strings.TrimSpace(s.fields[fieldEmail].Value())
		return m.haveMFAToken()
	}
	creds := flow.Credentials{
		Username: strings.TrimSpace(s.fields[fieldEmail].Value()),
		Password: s.fields[fieldPassword].Value(),
		Realm:    strings.TrimSpace(s.fields[fieldRealm].Value()),
	}
	switch {
	case creds.Username == "":
		s.err, s.focus = t.MissingEmail, fieldEmail
		return s.focusCmd()
	case creds.Password == "":
		s.err, s.focus = t.MissingPass, fieldPassword
		return s.focusCmd()
	}
	login := m.loginFor(m.journey, creds)
	m.session = flow.Begin(creds, login)
	return m.run(t.Working, func(env flow.Env) tea.Cmd { return flow.SignInCmd(env, login) })
}

// signedIn handles the answer of a password login.
func (m *Model) signedIn(msg flow.SignedInMsg) tea.Cmd {
	if msg.Err != nil {
		return m.showProblem(flow.Diagnose(msg.Err), screenSignIn)
	}
	m.session.SignedIn(msg.SignedIn)
	if m.after.pending() {
		return m.verifyForAccess()
	}
	return m.haveMFAToken()
}

// haveMFAToken moves on once the session holds an mfa_token.
func (m *Model) haveMFAToken() tea.Cmd {
	if m.journey == JourneyEnroll {
		return m.startEnrollment(m.session.MFAToken)
	}
	return m.fetchAuthenticators()
}

func (m *Model) viewSignIn(w, h int) string {
	s := &m.signIn
	t := m.t.SignIn
	purpose := map[Journey]string{JourneyEnroll: t.ForEnroll, JourneyChallenge: t.ForChallenge, JourneyManage: t.ForManage}[m.journey]
	if m.after.pending() {
		purpose = t.ForVerify
	}
	var b strings.Builder
	b.WriteString("\n" + m.st.Title.Render(strings.Replace(t.Title, "%s", purpose, 1)) + "\n\n")
	width := labelWidth(t.Email, t.Password, t.Realm, t.MFAToken)
	label := func(text string, focused bool) string {
		st := m.st.Label
		if focused {
			st = m.st.Selected
		}
		return st.Render(padRight(text, width))
	}
	if s.pasting {
		b.WriteString(m.st.Muted.Render(t.PasteTitle) + "\n\n")
		b.WriteString(label(t.MFAToken, true) + s.token.View() + "\n")
	} else {
		names := []string{t.Email, t.Password, t.Realm}
		for i, f := range s.fields {
			b.WriteString(label(names[i], i == s.focus) + f.View() + "\n")
		}
	}
	if s.err != "" {
		b.WriteString("\n" + m.st.Error.Render(s.err) + "\n")
	}
	if demo := m.viewDemoUsers(w); demo != "" {
		b.WriteString("\n" + demo)
	}
	return b.String()
}

func (m *Model) signInKeys() []key.Binding {
	paste := m.keys.Paste
	if m.signIn.pasting {
		paste.SetHelp("ctrl+t", m.t.Keys.TypePassword)
	}
	submit := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.t.Keys.Submit))
	keys := []key.Binding{m.keys.NextField, submit, paste}
	if m.signIn.pasting {
		keys = []key.Binding{submit, paste} // one field: tab has nowhere to go
	}
	if m.opts.Start == JourneyHome {
		keys = append(keys, m.keys.Back)
	}
	return append(keys, m.keys.ForceQuit)
}

func padRight(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s + " "
}
