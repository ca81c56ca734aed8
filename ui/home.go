package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// homeScreen offers the three flows.
type homeScreen struct {
	cursor int
}

var homeJourneys = []Journey{JourneyEnroll, JourneyChallenge, JourneyManage}

func newHomeScreen() homeScreen { return homeScreen{} }

func (m *Model) keyHome(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Up):
		m.home.cursor = (m.home.cursor + len(homeJourneys) - 1) % len(homeJourneys)
	case key.Matches(msg, m.keys.Down), key.Matches(msg, m.keys.NextField):
		m.home.cursor = (m.home.cursor + 1) % len(homeJourneys)
	case key.Matches(msg, m.keys.Select):
		m.openSignIn(homeJourneys[m.home.cursor])
		return m.signIn.focusCmd()
	case msg.String() >= "1" && msg.String() <= "3":
		m.home.cursor = int(msg.String()[0] - '1')
		m.openSignIn(homeJourneys[m.home.cursor])
		return m.signIn.focusCmd()
	}
	return nil
}

func (m *Model) viewHome(w, h int) string {
	if full := m.homeView(w, true); lipgloss.Height(full) <= h {
		return full
	}
	// A short window keeps only the chosen entry's description, so the demo
	// users still show.
	return m.homeView(w, false)
}

func (m *Model) homeView(w int, withHints bool) string {
	t := m.t.Home
	var b strings.Builder
	b.WriteString("\n" + m.st.Title.Render(t.Title) + "\n\n")
	entries := [][2]string{{t.Enroll, t.EnrollHint}, {t.Challenge, t.ChallengeHint}, {t.Authenticators, t.ManageHint}}
	for i, e := range entries {
		marker, title := "  ", m.st.Text.Render(e[0])
		if i == m.home.cursor {
			marker, title = m.st.Selected.Render("▸ "), m.st.Selected.Render(e[0])
		}
		fmt.Fprintf(&b, "%s%s %s\n", marker, m.st.Muted.Render(fmt.Sprintf("%d", i+1)), title)
		switch {
		case withHints:
			b.WriteString(indent(m.st.Muted.Render(wrap(e[1], w-6)), 4) + "\n\n")
		case i == m.home.cursor:
			b.WriteString(indent(m.st.Muted.Render(wrap(e[1], w-6)), 4) + "\n")
		}
	}
	if !withHints {
		b.WriteString("\n")
	}
	if demo := m.viewDemoUsers(w); demo != "" {
		b.WriteString(demo)
	} else if m.env.Client != nil {
		b.WriteString(m.st.Muted.Render(fmt.Sprintf(t.RealTenant, m.env.Client.Domain())))
	}
	return b.String()
}

func (m *Model) homeKeys() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Select, m.keys.Quit}
}
