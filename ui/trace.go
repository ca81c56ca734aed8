package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

// traceScreen is the request trace: every HTTP exchange of the session, one
// line each, and one of them in full with the curl command that replays it.
// It opens over any screen; the flow underneath goes on.
type traceScreen struct {
	open    bool
	cursor  int
	follow  bool // the cursor stays on the newest exchange
	detail  bool
	entries []auth0.Exchange
	dropped int // older exchanges the trace no longer keeps
	view    viewport.Model
	// shown is what the viewport holds: its text is built once, not at
	// every frame.
	shown traceShown
	// wide says the curl command has lines wider than the view.
	wide bool
	// revealed shows the exchanges with their secrets, once the user
	// asked (and, against a real tenant, confirmed in reveal).
	revealed bool
	reveal   *revealModal
}

// traceShown is which exchange the detail view holds, at which width,
// with its secrets or not.
type traceShown struct {
	index, width int
	revealed     bool
}

// traceChangedMsg says the trace has new exchanges.
type traceChangedMsg struct{}

// watchTrace waits for the next exchange; re-armed after each.
func (m *Model) watchTrace() tea.Cmd {
	if m.opts.Trace == nil {
		return nil
	}
	changed, ctx := m.opts.Trace.Changed(), m.ctx()
	return func() tea.Msg {
		select {
		case <-changed:
			return traceChangedMsg{}
		case <-ctx.Done():
			return nil
		}
	}
}

func (m *Model) traceChanged() tea.Cmd {
	tr := &m.trace
	entries, dropped := m.opts.Trace.Snapshot()
	// The trace drops its oldest exchanges: the cursor stays on its own.
	tr.cursor = max(tr.cursor-(dropped-tr.dropped), 0)
	tr.entries, tr.dropped = entries, dropped
	// Following the newest exchange stops while one is read in full.
	if tr.follow && !tr.detail || len(tr.entries) == 0 {
		tr.cursor = max(len(tr.entries)-1, 0)
	}
	return m.watchTrace()
}

func (m *Model) toggleTrace() {
	tr := &m.trace
	tr.open = !tr.open
	tr.detail, tr.revealed, tr.reveal = false, false, nil
	if tr.open {
		tr.entries, tr.dropped = m.opts.Trace.Snapshot()
		tr.cursor, tr.follow = max(len(tr.entries)-1, 0), true
		tr.view = viewport.New()
		tr.shown.width = 0
	}
}

func (m *Model) keyTrace(msg tea.KeyPressMsg) tea.Cmd {
	tr := &m.trace
	switch {
	case tr.reveal != nil:
		return m.keyReveal(msg)
	case key.Matches(msg, m.keys.Trace):
		m.toggleTrace()
	case key.Matches(msg, m.keys.Back):
		if tr.detail {
			tr.detail = false
		} else {
			m.toggleTrace()
		}
	case tr.detail && key.Matches(msg, m.keys.Copy):
		if ex, ok := tr.shownExchange(); ok {
			return tea.Batch(tea.SetClipboard(trace.Curl(ex)), m.note(m.t.Trace.Copied))
		}
	case tr.detail && key.Matches(msg, m.keys.Reveal) && tr.canReveal():
		return m.toggleReveal()
	case tr.detail && key.Matches(msg, m.keys.Top):
		tr.view.GotoTop()
	case tr.detail && key.Matches(msg, m.keys.Bottom):
		tr.view.GotoBottom()
	case tr.detail:
		var cmd tea.Cmd
		tr.view, cmd = tr.view.Update(msg)
		return cmd
	case key.Matches(msg, m.keys.Up):
		tr.cursor = max(tr.cursor-1, 0)
		tr.follow = false
	case key.Matches(msg, m.keys.Down):
		tr.cursor = min(tr.cursor+1, max(len(tr.entries)-1, 0))
		tr.follow = tr.cursor == len(tr.entries)-1
	case key.Matches(msg, m.keys.Top):
		tr.cursor, tr.follow = 0, false
	case key.Matches(msg, m.keys.Bottom):
		tr.cursor, tr.follow = max(len(tr.entries)-1, 0), true
	case key.Matches(msg, m.keys.Select) && len(tr.entries) > 0:
		tr.detail = true
		tr.view = viewport.New()
		tr.shown.width = 0 // a new viewport: its text is built at the next frame
	}
	return nil
}

func (tr *traceScreen) selected() (auth0.Exchange, bool) {
	if tr.cursor < 0 || tr.cursor >= len(tr.entries) {
		return auth0.Exchange{}, false
	}
	return tr.entries[tr.cursor], true
}

// shownExchange is the selected exchange as the detail shows it: with its
// secrets once revealed.
func (tr *traceScreen) shownExchange() (auth0.Exchange, bool) {
	ex, ok := tr.selected()
	if ok && tr.revealed {
		ex, _ = ex.WithSecrets()
	}
	return ex, ok
}

func (m *Model) viewTrace(w, h int) string {
	tr := &m.trace
	t := m.t.Trace
	title := m.st.Title.Render(fmt.Sprintf(t.Title, tr.dropped+len(tr.entries)))
	if len(tr.entries) == 0 {
		return "\n" + title + "\n\n" + m.st.Muted.Render(wrap(t.Empty, w))
	}
	if tr.detail {
		return m.viewTraceDetail(w, h)
	}
	// What the trace left out, older exchanges or parts of this one.
	var notes []string
	if note := trace.DroppedNote(tr.dropped, m.t); note != "" {
		notes = append(notes, note)
	}
	if ex, ok := tr.selected(); ok {
		if note := trace.CutNote(ex, m.t); note != "" {
			notes = append(notes, fmt.Sprintf("#%d %s", tr.dropped+tr.cursor+1, note))
		}
	}
	// The list scrolls to keep the cursor in view.
	rows := max(h-3-len(notes), 1)
	first := max(0, min(tr.cursor-rows+1, len(tr.entries)-rows))
	first = min(first, tr.cursor)
	var b strings.Builder
	b.WriteString("\n" + title + "\n")
	for _, note := range notes {
		b.WriteString(m.st.Muted.Render(fit(note, w, 1)) + "\n")
	}
	b.WriteString("\n")
	// The path takes what the fixed columns leave, up to what it needs.
	pathW := min(34, max(w-50, 10))
	for i := first; i < len(tr.entries) && i < first+rows; i++ {
		line := trace.Summarize(tr.entries[i], m.t)
		result := strings.TrimPrefix(line.Result, statusOf(line)+" ")
		text := fmt.Sprintf("%3d  %-6s %-*s %3s  %-22s %6s", tr.dropped+i+1, line.Method, pathW, fit(pathPattern(line.Path), pathW, 1), statusOf(line), fit(result, 22, 1), m.roundMillis(line))
		if i == tr.cursor {
			b.WriteString(m.st.Selected.Render("▸ "+text) + "\n")
		} else {
			b.WriteString(m.st.Text.Render("  "+text) + "\n")
		}
	}
	return b.String()
}

func statusOf(l trace.Line) string {
	if l.Status == 0 {
		return "---"
	}
	return fmt.Sprint(l.Status)
}

func (m *Model) roundMillis(l trace.Line) string {
	return m.t.FormatDuration(l.Duration.Truncate(time.Millisecond))
}

func (m *Model) viewTraceDetail(w, h int) string {
	tr := &m.trace
	t := m.t.Trace
	ex, _ := tr.shownExchange()
	line := trace.Summarize(ex, m.t)
	header := m.st.Title.Render(fmt.Sprintf("#%d  %s", tr.dropped+tr.cursor+1, line.String()))
	if tr.reveal != nil {
		return header + "\n\n" + m.viewReveal(w)
	}
	tr.view.SetWidth(w)
	tr.view.SetHeight(max(h-2, 1))
	if shown := (traceShown{tr.cursor, w, tr.revealed}); tr.shown != shown {
		tr.shown = shown
		// The curl command comes first: replaying the call is what this
		// view is for; the full exchange follows. Its lines are never
		// wrapped, so that a copy with the mouse pastes one command: the
		// view scrolls sideways instead.
		curl := trace.Curl(ex)
		tr.wide = widestLine(curl) > w
		var b strings.Builder
		b.WriteString(m.st.Label.Render(t.CurlTitle) + "\n")
		if tr.wide {
			b.WriteString(paint(m.st.Muted, wrap(t.CurlWide, w)) + "\n")
		}
		b.WriteString(curl + "\n")
		if vars := trace.Variables(ex); len(vars) > 0 && !ex.Revealed {
			b.WriteString(m.st.Muted.Render(wrap(fmt.Sprintf(t.Variables, "$"+strings.Join(vars, ", $")), w)) + "\n")
		}
		b.WriteString("\n" + wrap(trace.Details(ex, m.t), w))
		tr.view.SetContent(b.String())
		tr.view.SetXOffset(0)
	}
	return header + "\n\n" + tr.view.View()
}

func (m *Model) traceKeys() []key.Binding {
	tr := &m.trace
	switch {
	case tr.reveal != nil:
		return m.revealKeys()
	case tr.detail:
		copyCurl := m.keys.Copy
		copyCurl.SetHelp("c", m.t.Keys.CopyCurl)
		keys := []key.Binding{copyCurl}
		if tr.canReveal() {
			keys = append(keys, m.revealKey())
		}
		if tr.wide {
			keys = append(keys, m.keys.Sideways)
		}
		return append(keys, m.keys.Up, m.keys.Down, m.keys.Ends, m.keys.Back, m.keys.Trace)
	}
	details := m.keys.Select
	details.SetHelp("enter", m.t.Keys.Details)
	return []key.Binding{details, m.keys.Up, m.keys.Down, m.keys.Ends, m.keys.Back, m.keys.Trace}
}

// explainLast is the line that links the screen to the API: the last call
// and what its answer means, e.g. "POST /mfa/associate → 200: an
// enrollment ticket, valid 5 minutes".
func (m *Model) explainLast() string {
	if m.opts.Trace == nil || m.current.ID() == screenHome {
		return ""
	}
	n := m.opts.Trace.Len()
	if n == 0 {
		return ""
	}
	if n != m.explained.count {
		entries := m.opts.Trace.Entries()
		ex := entries[len(entries)-1]
		line := trace.Summarize(ex, m.t)
		m.explained.count = n
		m.explained.text = fmt.Sprintf(m.t.Trace.Explained, line.Method, pathPattern(line.Path), statusOf(line), m.meaning(ex, line))
	}
	return m.explained.text
}

// pathPattern hides the authenticator id in a delete's path, to keep the
// line short.
func pathPattern(p string) string {
	if strings.HasPrefix(p, "/mfa/authenticators/") {
		return "/mfa/authenticators/{id}"
	}
	return p
}

// meaning says what an answer means for the flow.
func (m *Model) meaning(ex auth0.Exchange, line trace.Line) string {
	e := m.t.Explain
	switch {
	case ex.StatusCode == 0:
		return e.Network
	case ex.ErrorCode == auth0.CodeMFARequired:
		return e.MFARequired
	case ex.Grant != "" && ex.StatusCode < 300:
		return e.Tokens
	case ex.Outcome == auth0.OutcomePending:
		return e.Pending
	case ex.Outcome == auth0.OutcomeSlowDown:
		return e.SlowDown
	case ex.Outcome == auth0.OutcomeRejected:
		return e.Rejected
	case ex.Outcome == auth0.OutcomeExpired:
		return e.Expired
	case ex.ErrorCode == auth0.CodeTooManyAttempts: // a block, not a wait
		return e.TooManyAttempts
	case ex.Outcome == auth0.OutcomeRateLimited:
		return e.RateLimited
	case ex.StatusCode >= 300:
		return fmt.Sprintf(e.Error, line.Result)
	case strings.HasSuffix(line.Path, "/mfa/associate"):
		return e.Associate
	case strings.HasSuffix(line.Path, "/mfa/challenge"):
		return e.Challenge
	case ex.Method == "DELETE":
		return e.Delete
	case strings.HasSuffix(line.Path, "/mfa/authenticators"):
		return e.List
	}
	return line.Result
}
