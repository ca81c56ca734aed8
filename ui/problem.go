package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
)

// problemScreen says what went wrong and what to do.
type problemScreen struct {
	problem flow.Problem
	back    screenID       // enter returns there
	retry   func() tea.Cmd // what enter does instead, when set
}

// showProblem replaces the screen with an explanation; enter goes back.
func (m *Model) showProblem(p flow.Problem, back screenID) tea.Cmd {
	m.problem = problemScreen{problem: p, back: back}
	m.setScreen(screenProblem)
	return nil
}

func (m *Model) viewProblem(w, h int) string {
	p := m.problem.problem
	text := flow.ProblemTextOn(m.t, p.Kind, m.opts.Sandbox)
	var demo string
	if m.problem.back == screenSignIn {
		demo = m.viewDemoUsers(w)
	}
	if demo != "" && p.Kind == flow.ProblemWrongCredentials {
		// The card below names the demo users: the fix need not.
		text = flow.ProblemText(m.t, p.Kind)
	}
	var b strings.Builder
	b.WriteString("\n" + m.st.Error.Render("✗ "+text.Title) + "\n\n")
	if detail := m.problemDetail(p); detail != "" {
		b.WriteString(m.st.Muted.Render(wrap(detail, w)) + "\n\n")
	}
	b.WriteString(m.st.Label.Render(m.t.Problem.WhatToDo) + "\n")
	b.WriteString(m.st.Text.Render(wrap(text.Fix, w)) + "\n")
	if demo != "" {
		b.WriteString("\n" + demo)
	}
	return b.String()
}

func (m *Model) keyProblem(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Retry):
		if cmd := m.retryFailedCall(); cmd != nil {
			return cmd
		}
		m.setScreen(m.problem.back)
		if m.screen == screenSignIn {
			if m.problem.problem.Kind == flow.ProblemWrongCredentials {
				m.signIn.retypePassword()
			}
			return m.signIn.focusCmd()
		}
	case key.Matches(msg, m.keys.Back):
		return m.goHome()
	}
	return nil
}

func (m *Model) problemKeys() []key.Binding {
	home := m.keys.Back
	home.SetHelp("esc", m.t.Keys.Home)
	return []key.Binding{m.keys.Retry, home, m.keys.Quit}
}
