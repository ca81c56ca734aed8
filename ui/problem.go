package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
)

// problemScreen says what went wrong and what to do; enter tries again
// (the journey says what that means), esc starts over, or goes back to
// the helpdesk's user.
type problemScreen struct {
	*common
	k       problemKeys
	problem flow.Problem
	back    screen         // where trying again returns
	retry   func() tea.Cmd // what trying again does instead, when set
	escape  intent         // what esc asks: start over unless set
}

type problemKeys struct{ Retry, Home, Quit key.Binding }

func newProblemScreen(c *common, p flow.Problem, back screen) *problemScreen {
	home := c.keys.Back
	home.SetHelp(keyName(c.t, "esc"), c.t.Keys.Home)
	return &problemScreen{common: c, k: problemKeys{Retry: c.keys.Retry, Home: home, Quit: c.keys.Quit}, problem: p, back: back}
}

func (s *problemScreen) ID() screenID { return screenProblem }

// escapeTo makes esc ask for i instead of starting over; help says where.
func (s *problemScreen) escapeTo(i intent, help string) {
	s.escape = i
	s.k.Home.SetHelp(keyName(s.t, "esc"), help)
}

func (s *problemScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.k.Retry, s.k.Home, s.k.Quit}
}

func (s *problemScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch k, _ := msg.(tea.KeyPressMsg); {
	case key.Matches(k, s.k.Retry):
		return nil, tryAgain{}
	case key.Matches(k, s.k.Home) && s.escape != nil:
		return nil, s.escape
	case key.Matches(k, s.k.Home):
		return nil, goHome{}
	}
	return nil, nil
}

func (s *problemScreen) View(w, h int) string {
	p := s.problem
	text := flow.HelpdeskProblemText(s.t, p, s.opts.Sandbox) // ProblemTextOn, a missing scope named
	var demo string
	if s.back.ID() == screenSignIn {
		demo = s.viewDemoUsers(w)
	}
	if demo != "" && p.Kind == flow.ProblemWrongCredentials {
		// The card below names the demo users: the fix need not.
		text = flow.ProblemText(s.t, p.Kind)
	}
	var b strings.Builder
	b.WriteString("\n" + s.st.Error.Render("✗ "+text.Title) + "\n\n")
	if detail := s.problemDetail(p); detail != "" {
		b.WriteString(s.st.Muted.Render(wrap(detail, w)) + "\n\n")
	}
	b.WriteString(s.st.Label.Render(s.t.Problem.WhatToDo) + "\n")
	b.WriteString(s.st.Text.Render(wrap(text.Fix, w)) + "\n")
	if demo != "" {
		b.WriteString("\n" + demo)
	}
	return b.String()
}
