package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// resultScreen shows what MFA earned: the tokens' type, scope and expiry,
// and the decoded header and claims of each JWT, with token values hidden
// until the user asks. It scrolls when it does not fit.
type resultScreen struct {
	*common
	k        resultKeys
	tokens   *auth0.Tokens
	at       time.Time // when they were earned
	revealed bool
	idToken  *flow.DecodedToken
	access   *flow.DecodedToken
	view     viewport.Model
}

// resultKeys are the result screen's keys; esc, not shown, goes back as
// enter does, or to the list when managing authenticators.
type resultKeys struct{ Reveal, Up, Down, Home, Back, Quit key.Binding }

func newResultScreen(c *common, tokens *auth0.Tokens, at time.Time) *resultScreen {
	r := &resultScreen{common: c, tokens: tokens, at: at, view: viewport.New(),
		k: resultKeys{Reveal: c.keys.Reveal, Up: c.keys.Up, Down: c.keys.Down, Home: c.keys.Home, Back: c.keys.Back, Quit: c.keys.Quit}}
	r.idToken, _ = flow.DecodeToken(tokens.IDToken)
	r.access, _ = flow.DecodeToken(tokens.AccessToken)
	return r
}

func (r *resultScreen) ID() screenID { return screenResult }

// ticking: the expiry counts down.
func (r *resultScreen) ticking() bool { return true }

func (r *resultScreen) ShortHelp() []key.Binding {
	if r.masksSecrets() {
		return []key.Binding{r.k.Up, r.k.Down, r.k.Home, r.k.Quit}
	}
	return []key.Binding{r.k.Reveal, r.k.Up, r.k.Down, r.k.Home, r.k.Quit}
}

func (r *resultScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, r.k.Reveal):
		r.revealed = !r.revealed && !r.masksSecrets()
	case key.Matches(k, r.k.Home):
		return nil, goHome{}
	case key.Matches(k, r.k.Back):
		return nil, leave{}
	default:
		var cmd tea.Cmd
		r.view, cmd = r.view.Update(msg)
		return cmd, nil
	}
	return nil, nil
}

func (r *resultScreen) View(w, h int) string {
	lines := strings.Split(r.content(w), "\n")
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

func (r *resultScreen) content(w int) string {
	t := r.t.Result
	tokens := r.tokens
	var b strings.Builder
	b.WriteString("\n" + paint(r.st.Success, "✓ "+t.Title) + "\n\n")
	resultLabelWidth := labelWidth(t.TokenType, t.Scope, t.Audience, t.ExpiresIn, t.AccessToken, t.IDToken, t.RefreshToken)
	row := func(label, value string) {
		b.WriteString(paint(r.st.Label, padRight(label, resultLabelWidth)) + paint(r.st.Text, value) + "\n")
	}
	row(t.TokenType, tokens.TokenType)
	row(t.Scope, tokens.Scope)
	if aud := claimValue(r.access, "aud"); aud != "" {
		row(t.Audience, aud)
	}
	if tokens.ExpiresIn > 0 {
		row(t.ExpiresIn, r.countdown(r.at.Add(tokens.ExpiresIn)))
	} else {
		row(t.ExpiresIn, t.ExpiryUnknown)
	}
	valueW := max(w-resultLabelWidth, 10)
	secret := func(label, token string) {
		if token == "" {
			return
		}
		if r.masksSecrets() {
			row(label, paint(r.st.Muted, r.t.Demo.Masked))
			return
		}
		if !r.revealed {
			row(label, paint(r.st.Muted, "•••••• "+t.Hidden))
			return
		}
		lines := strings.Split(breakAnywhere(token, valueW), "\n")
		row(label, strings.Join(lines, "\n"+strings.Repeat(" ", resultLabelWidth)))
	}
	secret(t.AccessToken, tokens.AccessToken)
	secret(t.IDToken, tokens.IDToken)
	secret(t.RefreshToken, tokens.RefreshToken)
	r.writeDecoded(&b, t.IDTokenDecoded, r.idToken)
	r.writeDecoded(&b, t.AccessTokenDecoded, r.access)
	if r.access == nil && tokens.AccessToken != "" {
		why := t.Opaque
		if note := flow.AccessTokenNote(r.t, tokens.AccessToken); note != "" {
			why = note // Auth0's opaque token: say why, not only what
		}
		b.WriteString("\n" + paint(r.st.Label, t.AccessTokenDecoded) + "\n" + indent(paint(r.st.Muted, wrap(why, w-2)), 2) + "\n")
	}
	b.WriteString("\n" + paint(r.st.Muted, t.Done))
	return b.String()
}

// writeDecoded shows a JWT's header and claims; exp counts down.
func (r *resultScreen) writeDecoded(b *strings.Builder, title string, d *flow.DecodedToken) {
	if d == nil {
		return
	}
	b.WriteString("\n" + paint(r.st.Label, title) + "\n")
	var header []string
	for _, c := range d.Header {
		header = append(header, c.Name+" "+c.Value)
	}
	b.WriteString("  " + paint(r.st.Muted, padRight(r.t.Result.Header, 16)) + paint(r.st.Text, strings.Join(header, " · ")) + "\n")
	for _, c := range d.Claims {
		value := c.Value
		switch {
		case c.Name == "exp":
			value += " · " + r.countdown(c.Time)
		case !c.Time.IsZero():
			value += " · " + c.Time.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		b.WriteString("  " + paint(r.st.Muted, padRight(c.Name, 16)) + paint(r.st.Text, value) + "\n")
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
