package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
)

// lastCall is the last one-shot operation started, so that the problem
// screen's "try again" can send the same call.
type lastCall struct {
	label string
	start func(env flow.Env) tea.Cmd
}

// retryable reports whether sending the same call again may succeed: the
// tenant did not answer, failed, or limited the rate. Other problems (a
// wrong password, an expired token) need the user first.
func retryable(k flow.ProblemKind) bool {
	switch k {
	case flow.ProblemUnreachable, flow.ProblemServer, flow.ProblemRateLimited:
		return true
	}
	return false
}

// retryFailedCall sends the failed call again, as if from the screen the
// problem returns to, or does what the problem says trying again means;
// nil when the problem is not one trying again fixes.
func (m *Model) retryFailedCall() tea.Cmd {
	if m.problem.retry != nil {
		return m.problem.retry()
	}
	if !retryable(m.problem.problem.Kind) || m.last.start == nil {
		return nil
	}
	m.setScreen(m.problem.back)
	return m.run(m.last.label, m.last.start)
}
