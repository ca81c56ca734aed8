package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
)

// resultScreen shows what MFA earned; token values stay hidden until the
// user asks.
type resultScreen struct {
	revealed bool
	idToken  *flow.DecodedToken
	access   *flow.DecodedToken
}

func (m *Model) showResult() tea.Cmd {
	m.stopWaits()
	tokens := m.session.Tokens
	m.result = resultScreen{}
	m.result.idToken, _ = flow.DecodeToken(tokens.IDToken)
	m.result.access, _ = flow.DecodeToken(tokens.AccessToken)
	m.screen = screenResult
	m.summary = fmt.Sprintf(m.t.App.ExitSignedIn, m.session.Credentials.Username, tokens.Scope)
	return nil
}

func (m *Model) viewResult(w, h int) string {
	t := m.t.Result
	tokens := m.session.Tokens
	r := &m.result
	var b strings.Builder
	b.WriteString("\n" + m.st.Success.Render("✓ "+t.Title) + "\n\n")
	row := func(label, value string) {
		b.WriteString(m.st.Label.Render(padRight(label, 15)) + m.st.Text.Render(value) + "\n")
	}
	row(t.TokenType, tokens.TokenType)
	row(t.Scope, tokens.Scope)
	if r.access != nil {
		for _, c := range r.access.Claims {
			if c.Name == "aud" {
				row(t.Audience, c.Value)
			}
		}
	}
	if tokens.ExpiresIn > 0 {
		expiry := m.session.TokensAt.Add(tokens.ExpiresIn)
		left := expiry.Sub(m.now())
		value := t.Expired
		if left > 0 {
			value = fmt.Sprintf(t.ExpiresAt, clockDuration(left), expiry.Local().Format("15:04:05"))
		}
		row(t.ExpiresIn, value)
	}
	valueW := max(w-15, 10)
	secret := func(label, token string) {
		if token == "" {
			return
		}
		if !r.revealed {
			row(label, m.st.Muted.Render("•••••• "+t.Hidden))
			return
		}
		lines := strings.Split(breakAnywhere(token, valueW), "\n")
		if len(lines) > 4 {
			lines = append(lines[:3], "…")
		}
		row(label, strings.Join(lines, "\n"+strings.Repeat(" ", 15)))
	}
	secret(t.AccessToken, tokens.AccessToken)
	secret(t.IDToken, tokens.IDToken)
	secret(t.RefreshToken, tokens.RefreshToken)
	if r.idToken != nil {
		b.WriteString("\n" + m.st.Label.Render(t.Claims) + "\n")
		for _, c := range r.idToken.Claims {
			b.WriteString("  " + m.st.Muted.Render(padRight(c.Name, 16)) + m.st.Text.Render(c.Value) + "\n")
		}
	}
	b.WriteString("\n" + m.st.Muted.Render(t.Done))
	return b.String()
}

func (m *Model) keyResult(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Reveal):
		m.result.revealed = !m.result.revealed
	case key.Matches(msg, m.keys.Home):
		return m.goHome()
	case key.Matches(msg, m.keys.Back):
		if m.flow == FlowManage {
			return m.fetchAuthenticators()
		}
		return m.goHome()
	}
	return nil
}

func (m *Model) resultKeys() []key.Binding {
	return []key.Binding{m.keys.Reveal, m.keys.Home, m.keys.Quit}
}
