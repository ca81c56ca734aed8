// Package ui is mfapush's terminal interface: a root model that routes
// messages and draws the frame, screens as components, and the journey,
// the state machine that says which screen follows which
// (docs/architecture.md). It does no I/O in Update: every call to Auth0
// runs in a command from package flow and comes back as a message.
package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Model is the root model. It routes messages: the window's size and
// theme, the keys that work everywhere (keys.go, input.go), the trace
// over any screen (trace.go), the simulated phone (phone.go), the answers
// of calls (call.go) to the journey (journey.go), and everything else to
// the screen shown; it switches screens and draws the frame around them
// (view.go).
type Model struct {
	*common
	j       *journey
	current screen
	op      call     // the call to Auth0 in flight
	last    lastCall // the last call, for trying again
	help    help.Model

	width, height int
	trace         *traceScreen // the request trace, over any screen
	explained     struct {
		count int
		text  string
	}
	status    string // a short note under the body
	statusSeq uint64
	spinning  bool
	ticking   bool
	quitting  bool // the program ends: the last frame is blank
	// interrupted: ctrl+c ended the program (see ExitCode).
	interrupted bool

	header memo[headerKey] // drawn once per user and width
	footer memo[footerKey] // the help line, drawn once per set of keys

	caption     CaptionMsg // what happens, for an audience (caption.go)
	captionMemo memo[captionKey]
}

// New builds the root model.
func New(opts Options) *Model {
	if opts.Catalog == nil {
		opts.Catalog = i18n.For(i18n.English)
	}
	opts.Env.PollInterval = flow.SanitizeInterval(opts.Env.PollInterval)
	c := &common{opts: opts, env: opts.Env, t: opts.Catalog, isDark: opts.Theme != ThemeLight}
	c.keys = NewKeyMap(c.t)
	// Bubbles' Dot at 5 frames a second, half its default: an approval
	// wait lasts minutes, and each frame redraws the screen and writes to
	// the terminal (docs/performance.md, idle cost).
	c.spin = spinner.New(spinner.WithSpinner(spinner.Spinner{Frames: spinner.Dot.Frames, FPS: time.Second / 5}))
	c.phone = newPhonePanel(opts.Phone != nil)
	c.phone.refresh(opts.Phone)
	m := &Model{common: c, help: help.New()}
	c.frame = m
	m.trace = &traceScreen{common: c}
	m.applyTheme()
	m.j = newJourney(c, m)
	m.j.start()
	return m
}

func (m *Model) applyTheme() {
	m.st = NewStyles(m.isDark)
	m.help.Styles = m.st.Help
	m.spin.Style = m.st.Spinner
}

// Init asks the terminal for its background, starts watching the phone
// and the trace, and focuses the first screen.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.opts.Theme == ThemeAuto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.opts.Phone != nil {
		cmds = append(cmds, flow.WatchPhone(m.env, m.opts.Phone))
	}
	if f, ok := m.current.(focuser); ok {
		cmds = append(cmds, f.focusCmd())
	}
	return tea.Batch(append(cmds, m.trace.watch())...)
}

// ExitCode is the program's exit status once it has ended, from the table
// of package exitcode: 130 after ctrl+c, wherever it was pressed (SIGINT
// in every mode); else 0 when something was achieved or nothing was
// started, 1 when the last screen was an error, 2 when the user left a
// journey before its end. The command line gives a signal's status itself.
func (m *Model) ExitCode() int {
	switch id := m.current.ID(); {
	case m.interrupted:
		return exitcode.Interrupted
	case m.j.summary != "", id == screenHome:
		return exitcode.OK
	case id == screenProblem:
		return exitcode.Error
	}
	return exitcode.Cancelled
}

// Summary is one plain line about what the run achieved, for stdout after
// the program exits; empty when nothing was achieved.
func (m *Model) Summary() string { return m.j.summary }

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, tea.Batch(cmd, m.animate())
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case tea.BackgroundColorMsg:
		if m.opts.Theme == ThemeAuto && msg.IsDark() != m.isDark {
			m.isDark = msg.IsDark()
			m.applyTheme()
		}
	case tea.ColorProfileMsg:
		m.noColor = msg.Profile <= colorprofile.ASCII
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.handlePaste(msg)
	case spinner.TickMsg, secondTickMsg:
		return m.tick(msg)
	case callDoneMsg:
		if msg.seq != m.op.seq || m.op.cancel == nil {
			return nil // an abandoned call's late answer
		}
		m.op.end()
		return m.j.answer(msg.msg)
	case forScreen:
		cmd, in := msg.to.Update(msg.msg)
		if msg.to != m.current {
			return cmd // what it asks for no longer applies
		}
		return tea.Batch(cmd, m.carry(in))
	case traceChangedMsg:
		return m.trace.changed()
	case flow.PhoneChangedMsg, flow.PhoneScannedMsg, flow.PhoneAnsweredMsg, clearPhoneNoteMsg:
		return m.updatePhone(msg)
	case clearStatusMsg:
		m.clearStatus(msg)
	case CaptionMsg:
		m.caption = msg
		m.layout()
	default:
		// The screen's own messages: its wait's polls, a save's answer.
		return m.updateScreen(msg)
	}
	return nil
}

// show makes s the screen shown, sized to the body, and returns the
// command that focuses it.
func (m *Model) show(s screen) tea.Cmd {
	m.current = s
	m.layout()
	if f, ok := s.(focuser); ok {
		return f.focusCmd()
	}
	return nil
}

// updateScreen hands msg to the screen shown and carries out what it asks
// for.
func (m *Model) updateScreen(msg tea.Msg) tea.Cmd {
	cmd, in := m.current.Update(msg)
	return tea.Batch(cmd, m.carry(in))
}

// carry carries out what the screen shown asked for: the frame's own
// intents here, the others by the journey.
func (m *Model) carry(in intent) tea.Cmd {
	switch in := in.(type) {
	case nil:
		return nil
	case noteStatus:
		return m.note(in.text)
	case cancelCall:
		return m.cancelCall()
	}
	return m.j.handle(m.current, in)
}

// quit ends the program, cancelling whatever runs.
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	m.j.stopWaits()
	m.op.end()
	return tea.Quit
}
