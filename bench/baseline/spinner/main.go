// Command spinner is the baseline for mfapush's idle cost while waiting: a
// Bubble Tea v2 program that only animates a spinner (Bubbles' Dot, the one
// mfapush shows, at its default rate and coloured as in Bubbles' example)
// on the alternate screen until q or Ctrl+C.
package main

import (
	"fmt"
	"os"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

type model struct{ spin spinner.Model }

func (m model) Init() tea.Cmd { return m.spin.Tick }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "q" || msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView("spinner baseline\n\n" + m.spin.View() + " Waiting\n\nq quit")
	v.AltScreen = true
	return v
}

func main() {
	m := model{spin: spinner.New(spinner.WithSpinner(spinner.Dot),
		spinner.WithStyle(lipgloss.NewStyle().Foreground(lipgloss.Color("205"))))}
	if _, err := tea.NewProgram(m).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
