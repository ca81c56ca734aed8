package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
)

// helpdeskCardScreen is what the helpdesk sees of one user: the account,
// each authentication method, the Guardian enrollments; and the actions.
type helpdeskCardScreen struct {
	*common
	k      helpdeskCardKeys
	card   flow.UserCard
	cursor int // the method d deletes
	drawn  memo[cardKey]
}

// cardKey is what the card's drawing depends on: it changes with none of
// the spinner's frames, so a frame costs a lookup.
type cardKey struct {
	st     *Styles
	w      int
	cursor int
}

// helpdeskCardKeys: v verifies the caller with a push, d deletes the
// method chosen, D all of them, e hands out an enrollment ticket, r a new
// recovery code.
type helpdeskCardKeys struct {
	Up, Down, Verify, Delete, DeleteAll, Ticket, Recovery, Refresh, Back, Quit key.Binding
}

// newHelpdeskCardScreen shows a card; before is the card it replaces, whose
// cursor it keeps.
func newHelpdeskCardScreen(c *common, card flow.UserCard, before *helpdeskCardScreen) *helpdeskCardScreen {
	u := c.t.Helpdesk.UI
	b := func(help string, keys ...string) key.Binding { return bind(c.t, help, keys...) }
	s := &helpdeskCardScreen{common: c, card: card, k: helpdeskCardKeys{
		Up: c.keys.Up, Down: c.keys.Down, Refresh: c.keys.Refresh, Back: c.keys.Back, Quit: c.keys.Quit,
		Verify: b(u.KeyVerify, "v"), Delete: b(u.KeyDelete, "d"), DeleteAll: b(u.KeyDeleteAll, "D"),
		Ticket: b(u.KeyTicket, "e"), Recovery: b(u.KeyRecovery, "r"),
	}}
	if before != nil {
		s.cursor = min(before.cursor, max(len(card.Methods)-1, 0))
	}
	return s
}

func (s *helpdeskCardScreen) ID() screenID { return screenHelpdeskCard }

// ShortHelp offers v only when a push can reach the user: the card says
// why not otherwise.
func (s *helpdeskCardScreen) ShortHelp() []key.Binding {
	var keys []key.Binding
	if s.card.CanVerify() {
		keys = append(keys, s.k.Verify)
	}
	if len(s.card.Methods) > 0 {
		keys = append(keys, s.k.Up, s.k.Down, s.k.Delete, s.k.DeleteAll)
	}
	return append(keys, s.k.Ticket, s.k.Recovery, s.k.Refresh, s.k.Back, s.k.Quit)
}

func (s *helpdeskCardScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	n := len(s.card.Methods)
	switch {
	case key.Matches(k, s.k.Up) && n > 0:
		s.cursor = (s.cursor + n - 1) % n
	case key.Matches(k, s.k.Down) && n > 0:
		s.cursor = (s.cursor + 1) % n
	case key.Matches(k, s.k.Verify) && s.card.CanVerify():
		return nil, verifyCaller{}
	case key.Matches(k, s.k.Delete) && n > 0:
		m := s.card.Methods[s.cursor]
		return nil, askReset{&m}
	case key.Matches(k, s.k.DeleteAll) && n > 0:
		return nil, askReset{}
	case key.Matches(k, s.k.Ticket):
		return nil, askTicket{}
	case key.Matches(k, s.k.Recovery):
		return nil, askRecoveryCode{}
	case key.Matches(k, s.k.Refresh):
		return nil, backToCard{}
	case key.Matches(k, s.k.Back):
		return nil, leave{}
	}
	return nil, nil
}

// when is a moment of Auth0's records on the local clock.
func (s *helpdeskCardScreen) when(t time.Time) string {
	if t.IsZero() {
		return s.t.Helpdesk.Card.Never
	}
	return t.Local().Format("2006-01-02 15:04")
}

func (s *helpdeskCardScreen) View(w, h int) string {
	return s.drawn.get(cardKey{st: s.st, w: w, cursor: s.cursor}, func() string { return s.view(w) })
}

func (s *helpdeskCardScreen) view(w int) string {
	c, u := s.t.Helpdesk.Card, s.card.User
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, wrap(auth0.CleanText(userLabel(u)), w)) + "\n\n")
	state, stateStyle := c.NotBlocked, s.st.Text
	if u.Blocked {
		state, stateStyle = c.Blocked, s.st.Error
	}
	labels := []string{c.UserID, c.Connection, c.LastLogin, c.State}
	lw := labelWidth(labels...)
	for i, v := range []string{auth0.CleanText(u.UserID), auth0.CleanText(u.Connection()), s.when(u.LastLogin.Time), state} {
		style := s.st.Text
		if i == 3 {
			style = stateStyle
		}
		b.WriteString(paint(s.st.Label, padRight(labels[i], lw)) + " " + paint(style, v) + "\n")
	}
	b.WriteString("\n" + paint(s.st.Label, c.Methods) + "\n")
	if len(s.card.Methods) == 0 {
		b.WriteString(paint(s.st.Muted, c.NoMethods) + "\n")
	}
	for i, m := range s.card.Methods {
		marker, style := "  ", s.st.Text
		if i == s.cursor {
			marker, style = paint(s.st.Selected, "▸ "), s.st.Selected
		}
		confirmed, confirmedStyle := c.Confirmed, s.st.Success
		if !m.Confirmed {
			confirmed, confirmedStyle = c.Pending, s.st.Warning
		}
		name := auth0.CleanText(m.Name)
		if name == "" {
			name = "-"
		}
		b.WriteString(marker + paint(style, auth0.CleanText(m.Type)) + paint(s.st.Muted, " · ") + paint(s.st.Text, name) +
			paint(s.st.Muted, " · ") + paint(confirmedStyle, confirmed) + "\n")
		b.WriteString("    " + paint(s.st.Muted, c.Created+" "+s.when(m.CreatedAt.Time)+" · "+c.LastUsed+" "+s.when(m.LastAuthAt.Time)) + "\n")
	}
	b.WriteString("\n" + paint(s.st.Label, c.Enrollments) + "\n")
	if len(s.card.Enrollments) == 0 {
		b.WriteString(paint(s.st.Muted, c.NoEnrollments) + "\n")
	}
	for _, e := range s.card.Enrollments {
		b.WriteString("  " + paint(s.st.Text, auth0.CleanText(e.Name)) + paint(s.st.Muted, " · "+flow.EnrollmentStatus(s.t, e.Status)+" · "+auth0.CleanText(e.ID)) + "\n")
	}
	if !s.card.CanVerify() {
		b.WriteString("\n" + paint(s.st.Muted, wrap(fmt.Sprintf(c.NoPush, s.k.Ticket.Help().Key), w)) + "\n")
	}
	if len(s.card.Missing) > 0 {
		b.WriteString("\n" + paint(s.st.Warning, wrap(fmt.Sprintf(c.Missing, strings.Join(s.card.Missing, " "), management.DashboardPlace), w)))
	}
	return strings.TrimRight(b.String(), "\n")
}
