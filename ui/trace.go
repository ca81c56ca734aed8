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
	asked bool // opened once: presenter mode then shows the line that explains the last call
	*common
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

// watch waits for the next exchange; re-armed after each.
func (tr *traceScreen) watch() tea.Cmd {
	if tr.opts.Trace == nil {
		return nil
	}
	changed, ctx := tr.opts.Trace.Changed(), tr.ctx()
	return func() tea.Msg {
		select {
		case <-changed:
			return traceChangedMsg{}
		case <-ctx.Done():
			return nil
		}
	}
}

func (tr *traceScreen) changed() tea.Cmd {
	entries, dropped := tr.opts.Trace.Snapshot()
	// The trace drops its oldest exchanges: the cursor stays on its own.
	tr.cursor = max(tr.cursor-(dropped-tr.dropped), 0)
	tr.entries, tr.dropped = entries, dropped
	// Following the newest exchange stops while one is read in full.
	if tr.follow && !tr.detail || len(tr.entries) == 0 {
		tr.cursor = max(len(tr.entries)-1, 0)
	}
	return tr.watch()
}

func (tr *traceScreen) toggle() {
	tr.open = !tr.open
	tr.asked = tr.asked || tr.open
	tr.detail, tr.revealed, tr.reveal = false, false, nil
	if tr.open {
		tr.entries, tr.dropped = tr.opts.Trace.Snapshot()
		tr.cursor, tr.follow = max(len(tr.entries)-1, 0), true
		tr.view = viewport.New()
		tr.shown.width = 0
	}
}

// Update answers the trace's keys, and a paste into the reveal's field.
func (tr *traceScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if tr.reveal != nil {
			var cmd tea.Cmd
			tr.reveal.input, cmd = tr.reveal.input.Update(msg)
			return cmd, nil
		}
	case tea.KeyPressMsg:
		if tr.reveal != nil {
			return tr.keyReveal(msg)
		}
		return tr.key(msg)
	}
	return nil, nil
}

func (tr *traceScreen) key(msg tea.KeyPressMsg) (tea.Cmd, intent) {
	switch {
	case key.Matches(msg, tr.keys.Trace):
		tr.toggle()
	case key.Matches(msg, tr.keys.Back):
		if tr.detail {
			tr.detail = false
		} else {
			tr.toggle()
		}
	case tr.detail && key.Matches(msg, tr.keys.Copy):
		if ex, ok := tr.shownExchange(); ok {
			return tea.SetClipboard(trace.Curl(ex)), noteStatus{tr.t.Trace.Copied}
		}
	case tr.detail && key.Matches(msg, tr.keys.Reveal) && tr.canReveal():
		return tr.toggleReveal(), nil
	case tr.detail && key.Matches(msg, tr.keys.Top):
		tr.view.GotoTop()
	case tr.detail && key.Matches(msg, tr.keys.Bottom):
		tr.view.GotoBottom()
	case tr.detail:
		var cmd tea.Cmd
		tr.view, cmd = tr.view.Update(msg)
		return cmd, nil
	case key.Matches(msg, tr.keys.Up):
		tr.cursor = max(tr.cursor-1, 0)
		tr.follow = false
	case key.Matches(msg, tr.keys.Down):
		tr.cursor = min(tr.cursor+1, max(len(tr.entries)-1, 0))
		tr.follow = tr.cursor == len(tr.entries)-1
	case key.Matches(msg, tr.keys.Top):
		tr.cursor, tr.follow = 0, false
	case key.Matches(msg, tr.keys.Bottom):
		tr.cursor, tr.follow = max(len(tr.entries)-1, 0), true
	case key.Matches(msg, tr.keys.Select) && len(tr.entries) > 0:
		tr.detail = true
		tr.view = viewport.New()
		tr.shown.width = 0 // a new viewport: its text is built at the next frame
	}
	return nil, nil
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

func (tr *traceScreen) View(w, h int) string {
	t := tr.t.Trace
	title := tr.st.Title.Render(fmt.Sprintf(tr.t.Plural(tr.dropped+len(tr.entries), t.TitleOne, t.Title), tr.dropped+len(tr.entries)))
	if len(tr.entries) == 0 {
		return "\n" + title + "\n\n" + tr.st.Muted.Render(wrap(t.Empty, w))
	}
	if tr.detail {
		return tr.viewTraceDetail(w, h)
	}
	// What the trace left out, older exchanges or parts of this one.
	var notes []string
	if note := trace.DroppedNote(tr.dropped, tr.t); note != "" {
		notes = append(notes, note)
	}
	if ex, ok := tr.selected(); ok {
		if note := trace.CutNote(ex, tr.t); note != "" {
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
		b.WriteString(tr.st.Muted.Render(fit(note, w, 1)) + "\n")
	}
	b.WriteString("\n")
	// The path takes what the fixed columns leave, up to what it needs.
	pathW := min(34, max(w-50, 10))
	for i := first; i < len(tr.entries) && i < first+rows; i++ {
		line := trace.Summarize(tr.entries[i], tr.t)
		result := strings.TrimPrefix(line.Result, statusOf(line)+" ")
		text := fmt.Sprintf("%3d  %-6s %-*s %3s  %-22s %6s", tr.dropped+i+1, line.Method, pathW, fit(pathPattern(line.Path), pathW, 1), statusOf(line), fit(result, 22, 1), tr.roundMillis(line))
		if i == tr.cursor {
			b.WriteString(tr.st.Selected.Render("▸ "+text) + "\n")
		} else {
			b.WriteString(tr.st.Text.Render("  "+text) + "\n")
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

// roundMillis is the call's time in whole milliseconds; a call under one
// (the sandbox's, on loopback) shows as 1ms, not as "0s", which read as
// no time at all.
func (tr *traceScreen) roundMillis(l trace.Line) string {
	d := l.Duration.Truncate(time.Millisecond)
	if l.Duration > 0 {
		d = max(d, time.Millisecond)
	}
	return tr.t.FormatDuration(d)
}

func (tr *traceScreen) viewTraceDetail(w, h int) string {
	t := tr.t.Trace
	ex, _ := tr.shownExchange()
	line := trace.Summarize(ex, tr.t)
	header := tr.st.Title.Render(fmt.Sprintf("#%d  %s", tr.dropped+tr.cursor+1, line.String()))
	if tr.reveal != nil {
		return header + "\n\n" + tr.viewReveal(w)
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
		b.WriteString(tr.st.Label.Render(t.CurlTitle) + "\n")
		if tr.wide {
			b.WriteString(paint(tr.st.Muted, wrap(t.CurlWide, w)) + "\n")
		}
		b.WriteString(curl + "\n")
		if vars := trace.Variables(ex); len(vars) > 0 && !ex.Revealed {
			b.WriteString(tr.st.Muted.Render(wrap(fmt.Sprintf(t.Variables, "$"+strings.Join(vars, ", $")), w)) + "\n")
		}
		b.WriteString("\n" + wrap(trace.Details(ex, tr.t), w))
		tr.view.SetContent(b.String())
		tr.view.SetXOffset(0)
	}
	return header + "\n\n" + tr.view.View()
}

func (tr *traceScreen) ShortHelp() []key.Binding {
	switch {
	case tr.reveal != nil:
		return tr.revealKeys()
	case tr.detail:
		copyCurl := tr.keys.Copy
		copyCurl.SetHelp("c", tr.t.Keys.CopyCurl)
		keys := []key.Binding{copyCurl}
		if tr.canReveal() {
			keys = append(keys, tr.revealKey())
		}
		if tr.wide {
			keys = append(keys, tr.keys.Sideways)
		}
		return append(keys, tr.keys.Up, tr.keys.Down, tr.keys.Ends, tr.keys.Back, tr.keys.Trace)
	}
	if len(tr.entries) == 0 { // nothing to choose yet
		return []key.Binding{tr.keys.Back, tr.keys.Trace}
	}
	details := tr.keys.Select
	details.SetHelp(keyName(tr.t, "enter"), tr.t.Keys.Details)
	return []key.Binding{details, tr.keys.Up, tr.keys.Down, tr.keys.Ends, tr.keys.Back, tr.keys.Trace}
}
