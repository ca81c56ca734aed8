package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// clockDuration shows a countdown as m:ss (h:mm:ss past an hour).
func clockDuration(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	d = d.Round(time.Second)
	h, mnt, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, mnt, s)
	}
	return fmt.Sprintf("%d:%02d", mnt, s)
}

// labelWidth is the column that fits the widest label and two spaces: the
// labels' length depends on the language.
func labelWidth(labels ...string) int {
	w := 0
	for _, l := range labels {
		w = max(w, lipgloss.Width(l))
	}
	return w + 2
}

// groupCode splits a recovery code in groups of four for reading aloud
// and copying by hand.
func groupCode(code string) string {
	var groups []string
	for len(code) > 4 {
		groups = append(groups, code[:4])
		code = code[4:]
	}
	return strings.Join(append(groups, code), " ")
}

// clearStatusMsg clears the status note if no newer one replaced it.
type clearStatusMsg struct{ seq uint64 }

// after delivers msg once d has passed, or nothing when the program ends
// first: unlike tea.Tick, no timer outlives the program.
func after(ctx context.Context, d time.Duration, msg tea.Msg) tea.Cmd {
	return func() tea.Msg {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return msg
		case <-ctx.Done():
			return nil
		}
	}
}
