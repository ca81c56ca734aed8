package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// homeScreen offers the journeys: enroll, challenge, manage.
type homeScreen struct {
	*common
	k      homeKeys
	cursor int
}

// homeKeys are the home screen's keys; 1 to 3 choose a journey at once.
type homeKeys struct {
	Up, Down, Next, Select, Quit key.Binding
}

var homeJourneys = []Journey{JourneyEnroll, JourneyChallenge, JourneyManage, JourneyHelpdesk}

func newHomeScreen(c *common) *homeScreen {
	return &homeScreen{common: c, k: homeKeys{Up: c.keys.Up, Down: c.keys.Down, Next: c.keys.NextField, Select: c.keys.Select, Quit: c.keys.Quit}}
}

func (s *homeScreen) ID() screenID { return screenHome }

func (s *homeScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.k.Up, s.k.Down, s.k.Select, s.k.Quit}
}

func (s *homeScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	n := len(homeJourneys)
	switch {
	case key.Matches(k, s.k.Up):
		s.cursor = (s.cursor + n - 1) % n
	case key.Matches(k, s.k.Down, s.k.Next):
		s.cursor = (s.cursor + 1) % n
	case key.Matches(k, s.k.Select):
		return nil, chooseJourney{homeJourneys[s.cursor]}
	case len(k.String()) == 1 && k.String() >= "1" && k.String() <= fmt.Sprint(n):
		s.cursor = int(k.String()[0] - '1')
		return nil, chooseJourney{homeJourneys[s.cursor]}
	}
	return nil, nil
}

func (s *homeScreen) View(w, h int) string {
	if full := s.view(w, true); lipgloss.Height(full) <= h {
		return full
	}
	// A short window keeps only the chosen entry's description, so the demo
	// users still show.
	return s.view(w, false)
}

func (s *homeScreen) view(w int, withHints bool) string {
	t := s.t.Home
	var b strings.Builder
	b.WriteString("\n" + s.st.Title.Render(t.Title) + "\n\n")
	entries := [][2]string{{t.Enroll, t.EnrollHint}, {t.Challenge, t.ChallengeHint}, {t.Authenticators, t.ManageHint},
		{s.t.Helpdesk.UI.HomeEntry, s.t.Helpdesk.UI.HomeHint}}
	for i, e := range entries {
		hint := s.st.Muted
		if s.opts.NoMFAApp && homeJourneys[i] != JourneyHelpdesk {
			e[1], hint = t.NeedsMFAApp, s.st.Warning
		}
		marker, title := "  ", s.st.Text.Render(e[0])
		if i == s.cursor {
			marker, title = s.st.Selected.Render("▸ "), s.st.Selected.Render(e[0])
		}
		fmt.Fprintf(&b, "%s%s %s\n", marker, s.st.Muted.Render(fmt.Sprintf("%d", i+1)), title)
		switch {
		case withHints:
			b.WriteString(indent(hint.Render(wrap(e[1], w-6)), 4) + "\n\n")
		case i == s.cursor:
			b.WriteString(indent(hint.Render(wrap(e[1], w-6)), 4) + "\n")
		}
	}
	if !withHints {
		b.WriteString("\n")
	}
	if demo := s.viewDemoUsers(w); demo != "" {
		b.WriteString(demo)
	} else if domain := s.tenantDomain(); domain != "" {
		b.WriteString(s.st.Muted.Render(fmt.Sprintf(t.RealTenant, domain)))
	}
	return b.String()
}
