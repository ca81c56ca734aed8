package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/mfapush/mfapush/flow"
)

// resultScreen shows what MFA earned: the tokens' type, scope and expiry,
// and the decoded header and claims of each JWT, with token values hidden
// until the user asks. It scrolls when it does not fit.
type resultScreen struct {
	revealed bool
	idToken  *flow.DecodedToken
	access   *flow.DecodedToken
	view     viewport.Model
}

func (m *Model) showResult() tea.Cmd {
	m.stopWaits()
	tokens := m.session.Tokens
	m.result = resultScreen{view: viewport.New()}
	m.result.idToken, _ = flow.DecodeToken(tokens.IDToken)
	m.result.access, _ = flow.DecodeToken(tokens.AccessToken)
	m.setScreen(screenResult)
	m.summary = fmt.Sprintf(m.t.App.ExitSignedIn, m.session.Credentials.Username, tokens.Scope)
	return nil
}

func (m *Model) viewResult(w, h int) string {
	r := &m.result
	lines := strings.Split(m.resultContent(w), "\n")
	// The viewport keeps the scroll position only: it is told how many
	// lines there are, and the visible ones are cut here as it would cut
	// them. Given the lines themselves it measured each of them on every
	// frame, which was most of this screen's cost.
	r.view.SetWidth(w)
	r.view.SetHeight(h)
	r.view.SetContentLines(make([]string, len(lines)))
	top := min(r.view.YOffset(), len(lines))
	visible := lines[top:min(top+h, len(lines))]
	for i, l := range visible {
		if cellWidth(l) > w {
			visible[i] = ansi.Cut(l, 0, w)
		}
	}
	return strings.Join(visible, "\n")
}

func (m *Model) resultContent(w int) string {
	t := m.t.Result
	tokens := m.session.Tokens
	r := &m.result
	var b strings.Builder
	b.WriteString("\n" + paint(m.st.Success, "✓ "+t.Title) + "\n\n")
	resultLabelWidth := labelWidth(t.TokenType, t.Scope, t.Audience, t.ExpiresIn, t.AccessToken, t.IDToken, t.RefreshToken)
	row := func(label, value string) {
		b.WriteString(paint(m.st.Label, padRight(label, resultLabelWidth)) + paint(m.st.Text, value) + "\n")
	}
	row(t.TokenType, tokens.TokenType)
	row(t.Scope, tokens.Scope)
	if aud := claimValue(r.access, "aud"); aud != "" {
		row(t.Audience, aud)
	}
	if tokens.ExpiresIn > 0 {
		row(t.ExpiresIn, m.countdown(m.session.TokensAt.Add(tokens.ExpiresIn)))
	} else {
		row(t.ExpiresIn, t.ExpiryUnknown)
	}
	valueW := max(w-resultLabelWidth, 10)
	secret := func(label, token string) {
		if token == "" {
			return
		}
		if !r.revealed {
			row(label, paint(m.st.Muted, "•••••• "+t.Hidden))
			return
		}
		lines := strings.Split(breakAnywhere(token, valueW), "\n")
		row(label, strings.Join(lines, "\n"+strings.Repeat(" ", resultLabelWidth)))
	}
	secret(t.AccessToken, tokens.AccessToken)
	secret(t.IDToken, tokens.IDToken)
	secret(t.RefreshToken, tokens.RefreshToken)
	m.writeDecoded(&b, t.IDTokenDecoded, r.idToken)
	m.writeDecoded(&b, t.AccessTokenDecoded, r.access)
	if r.access == nil && tokens.AccessToken != "" {
		b.WriteString("\n" + paint(m.st.Label, t.AccessTokenDecoded) + "\n  " + paint(m.st.Muted, t.Opaque) + "\n")
	}
	b.WriteString("\n" + paint(m.st.Muted, t.Done))
	return b.String()
}

// writeDecoded shows a JWT's header and claims; exp counts down.
func (m *Model) writeDecoded(b *strings.Builder, title string, d *flow.DecodedToken) {
	if d == nil {
		return
	}
	b.WriteString("\n" + paint(m.st.Label, title) + "\n")
	var header []string
	for _, c := range d.Header {
		header = append(header, c.Name+" "+c.Value)
	}
	b.WriteString("  " + paint(m.st.Muted, padRight(m.t.Result.Header, 16)) + paint(m.st.Text, strings.Join(header, " · ")) + "\n")
	for _, c := range d.Claims {
		value := c.Value
		switch {
		case c.Name == "exp":
			value += " · " + m.countdown(c.Time)
		case !c.Time.IsZero():
			value += " · " + c.Time.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		b.WriteString("  " + paint(m.st.Muted, padRight(c.Name, 16)) + paint(m.st.Text, value) + "\n")
	}
}

func claimValue(d *flow.DecodedToken, name string) string {
	if d == nil {
		return ""
	}
	for _, c := range d.Claims {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func (m *Model) keyResult(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Reveal):
		m.result.revealed = !m.result.revealed
	case key.Matches(msg, m.keys.Home):
		return m.goHome()
	case key.Matches(msg, m.keys.Back):
		if m.journey == JourneyManage {
			return m.fetchAuthenticators()
		}
		return m.goHome()
	default:
		var cmd tea.Cmd
		m.result.view, cmd = m.result.view.Update(msg)
		return cmd
	}
	return nil
}

func (m *Model) resultKeys() []key.Binding {
	return []key.Binding{m.keys.Reveal, m.keys.Up, m.keys.Down, m.keys.Home, m.keys.Quit}
}
