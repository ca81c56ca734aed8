package ui

import (
	"fmt"
	"strings"

	"github.com/mfapush/mfapush/flow"
)

// viewWaiting is the animated wait for a push's answer, under the
// instructions: the spinner, the time gone and left, the next check and
// a bar that empties. The challenge and the helpdesk's verification share
// it.
func (c *common) viewWaiting(a *flow.Approval, instructions string, w int) string {
	t := c.t.Challenge
	now := c.now()
	next := t.Checking
	if a.State() == flow.ApprovalWaiting {
		next = fmt.Sprintf(t.NextCheck, c.t.FormatCountdown(a.NextPoll().Sub(now)))
	}
	left := a.Deadline().Sub(now)
	lines := []string{
		paint(c.st.Text, wrap(instructions, w)),
		"",
		c.spin.View() + " " + paint(c.st.Strong, t.Waiting),
		"  " + paint(c.st.Muted, strings.Join([]string{
			fmt.Sprintf(t.Elapsed, clockDuration(now.Sub(a.Started()))),
			fmt.Sprintf(t.Left, clockDuration(left)),
			next,
		}, " · ")),
		"  " + c.progressBar(left, a.Deadline().Sub(a.Started()), min(w-2, 40)),
	}
	if pace := c.sandboxPace(a, w); pace != "" {
		lines = append(lines, pace)
	}
	if n := a.Retrying(); n > 0 {
		lines = append(lines, paint(c.st.Warning, fmt.Sprintf(t.Retrying, n)))
	}
	if a.ClockSuspect() {
		lines = append(lines, paint(c.st.Warning, wrap(t.ClockFast, w)))
	}
	return strings.Join(lines, "\n")
}
