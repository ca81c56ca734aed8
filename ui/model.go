// Package ui is mfapush's terminal interface: one Bubble Tea root model,
// a state machine over small screens, with the simulated phone beside them
// on the sandbox. It does no I/O in Update: every call to Auth0 runs in a
// command from package flow and comes back as a message.
package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Model is the root model.
type Model struct {
	*common
	help help.Model

	width, height int

	screen  screenID
	current screen // the screen shown, once screens are components
	journey Journey
	session flow.Session
	after   afterMFA

	home          *homeScreen
	signIn        *signInScreen
	problem       *problemScreen
	already       *alreadyScreen
	confirm       *confirmScreen
	deleting      auth0.Authenticator // the authenticator a delete was sent for
	enroll        *enrollScreen
	enrolled      *enrolledScreen
	enrolledCodes []string // the recovery codes of the enrollment being confirmed
	list          *listScreen
	listViaAccess bool                // the list was fetched with the MFA-API access token, not the mfa_token
	target        auth0.Authenticator // the authenticator challenged
	challenge     *challengeScreen
	recovery      *newRecoveryScreen
	result        *resultScreen
	trace         traceScreen
	explained     struct {
		count int
		text  string
	}

	listPurpose listPurpose

	op        operation
	opSeq     uint64
	chainBack screenID // where the calls shown on the working screen started
	last      lastCall
	spinning  bool
	quitting  bool // the program ends: the last frame is blank
	ticking   bool
	status    string
	statusSeq uint64
	summary   string
	// interrupted: ctrl+c ended the program (see ExitCode).
	interrupted bool

	header memo[headerKey] // drawn once per user and width
	footer memo[footerKey] // the help line, drawn once per set of keys
}

// New builds the root model.
func New(opts Options) *Model {
	if opts.Catalog == nil {
		opts.Catalog = i18n.For(i18n.English)
	}
	opts.Env.PollInterval = flow.SanitizeInterval(opts.Env.PollInterval)
	m := &Model{common: &common{opts: opts, env: opts.Env, t: opts.Catalog, isDark: opts.Theme != ThemeLight}}
	m.frame = m
	m.keys = NewKeyMap(m.t)
	m.help = help.New()
	// Bubbles' Dot at 5 frames a second, half its default: an approval
	// wait lasts minutes, and each frame redraws the screen and writes to
	// the terminal (docs/performance.md, idle cost).
	m.spin = spinner.New(spinner.WithSpinner(spinner.Spinner{Frames: spinner.Dot.Frames, FPS: time.Second / 5}))
	m.home = newHomeScreen(m.common)
	m.signIn = newSignInScreen(m.common)
	m.list = newListScreen(m.common)
	m.applyTheme()
	m.phone = newPhonePanel(opts.Phone != nil)
	m.phone.refresh(opts.Phone)
	m.journey = opts.Start
	if opts.Start == JourneyHome {
		m.setScreen(screenHome)
	} else {
		m.openSignIn(opts.Start)
	}
	return m
}

func (m *Model) applyTheme() {
	m.st = NewStyles(m.isDark)
	m.help.Styles = m.st.Help
	m.spin.Style = m.st.Spinner
}

// Init asks the terminal for its background and starts watching the phone.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.opts.Theme == ThemeAuto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.opts.Phone != nil {
		cmds = append(cmds, flow.WatchPhone(m.env, m.opts.Phone))
	}
	cmds = append(cmds, m.watchTrace(), m.signIn.focusCmd())
	return tea.Batch(cmds...)
}

// ExitCode is the program's exit status once it has ended, from the table
// of package exitcode: 130 after ctrl+c, wherever it was pressed (SIGINT
// in every mode); else 0 when something was achieved or nothing was
// started, 1 when the last screen was an error, 2 when the user left a flow
// before its end. The command line gives a signal's status itself.
func (m *Model) ExitCode() int {
	switch {
	case m.interrupted:
		return exitcode.Interrupted
	case m.summary != "", m.screen == screenHome:
		return exitcode.OK
	case m.screen == screenProblem:
		return exitcode.Error
	}
	return exitcode.Cancelled
}

// Summary is one plain line about what the run achieved, for stdout after
// the program exits; empty when nothing was achieved.
func (m *Model) Summary() string { return m.summary }

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
		return nil
	case tea.BackgroundColorMsg:
		if m.opts.Theme == ThemeAuto && msg.IsDark() != m.isDark {
			m.isDark = msg.IsDark()
			m.applyTheme()
		}
		return nil
	case tea.ColorProfileMsg:
		if noColor := msg.Profile <= colorprofile.ASCII; noColor != m.noColor {
			m.noColor = noColor
		}
		return nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.handlePaste(msg)
	case spinner.TickMsg:
		if !m.animating() {
			m.spinning = false
			return nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return cmd
	case secondTickMsg:
		if !m.needsSeconds() {
			m.ticking = false
			return nil
		}
		m.phone.refreshOTP(m.opts.Phone)
		return m.secondTick()
	case opDoneMsg:
		if msg.seq != m.op.seq {
			return nil // a cancelled operation's late answer
		}
		m.op.end()
		return m.handleResult(msg.msg)
	case flow.ApprovalDueMsg, flow.ApprovalAnswerMsg:
		return m.routeApproval(msg)
	case traceChangedMsg:
		return m.traceChanged()
	case flow.PhoneChangedMsg:
		m.phone.refresh(m.opts.Phone)
		return flow.WatchPhone(m.env, m.opts.Phone)
	case flow.PhoneScannedMsg:
		return m.phoneNote(m.phone.scanned(msg, m.t))
	case flow.PhoneAnsweredMsg:
		return m.phoneNote(m.phone.answered(msg, m.t))
	case clearPhoneNoteMsg:
		if msg.seq == m.phone.noteSeq {
			m.phone.note = ""
		}
		return nil
	case clearStatusMsg:
		m.clearStatus(msg)
		return nil
	case savedMsg:
		if s := m.shown(); s != nil {
			return m.updateScreen(msg)
		}
		return nil
	case forScreen:
		cmd, in := msg.to.Update(msg.msg)
		if msg.to == m.shown() {
			return tea.Batch(cmd, m.carry(in))
		}
		return cmd
	}
	return nil
}

// handleResult dispatches the answer of a one-shot operation.
func (m *Model) handleResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case flow.SignedInMsg:
		return m.signedIn(msg)
	case flow.AssociatedMsg:
		return m.associated(msg)
	case flow.AuthenticatorsMsg:
		return m.listed(msg)
	case flow.ChallengedMsg:
		return m.challenged(msg)
	case flow.VerifiedMsg:
		return m.verified(msg)
	case flow.DeletedMsg:
		return m.deleted(msg)
	}
	return nil
}

// operation is the one-shot call in flight (sign-in, associate, list…),
// cancellable with esc.
type operation struct {
	seq    uint64
	label  string
	cancel context.CancelFunc
	back   screenID // where esc returns
}

func (o *operation) end() {
	if o.cancel != nil {
		o.cancel()
	}
	*o = operation{}
}

// opDoneMsg wraps an operation's answer with its sequence number, so that
// the answer of a cancelled operation is recognized and dropped.
type opDoneMsg struct {
	seq uint64
	msg tea.Msg
}

// run starts a one-shot operation on the working screen.
func (m *Model) run(label string, start func(env flow.Env) tea.Cmd) tea.Cmd {
	// A call that follows another without leaving the working screen (the
	// list after the sign-in) goes back where the first one started.
	back := m.screen
	if back == screenWorking {
		back = m.chainBack
	}
	m.op.end()
	m.opSeq++
	m.last = lastCall{label: label, start: start}
	ctx, cancel := context.WithCancel(m.ctx())
	env := m.env
	env.Ctx = ctx
	m.op = operation{seq: m.opSeq, label: label, cancel: cancel, back: back}
	m.chainBack = back
	m.setScreen(screenWorking)
	seq, cmd := m.opSeq, start(env)
	return func() tea.Msg { return opDoneMsg{seq: seq, msg: cmd()} }
}

// cancelOperation abandons the call in flight and goes back.
func (m *Model) cancelOperation() {
	back := m.op.back
	m.op.end()
	m.setScreen(back)
}

// animating reports whether something on screen moves every frame.
func (m *Model) animating() bool {
	switch m.screen {
	case screenWorking:
		return true
	case screenEnroll:
		return m.enroll != nil && m.enroll.moving()
	case screenChallenge:
		return m.challenge != nil && m.challenge.moving()
	}
	return m.phone.busy()
}

// needsSeconds reports whether a countdown is visible without animation.
func (m *Model) needsSeconds() bool {
	if t, ok := m.shown().(ticker); ok && t.ticking() {
		return true
	}
	return m.phone.showsOTP(m)
}

// animate starts the spinner or the second tick when something needs them
// and they are not running; they stop by themselves when nothing does.
func (m *Model) animate() tea.Cmd {
	var cmds []tea.Cmd
	if m.animating() && !m.spinning {
		m.spinning = true
		cmds = append(cmds, m.spin.Tick)
	}
	if m.needsSeconds() && !m.ticking {
		m.ticking = true
		m.phone.refreshOTP(m.opts.Phone)
		cmds = append(cmds, m.secondTick())
	}
	return tea.Batch(cmds...)
}

type secondTickMsg struct{}

func (m *Model) secondTick() tea.Cmd { return after(m.ctx(), time.Second, secondTickMsg{}) }

// routeApproval hands an approval message to the wait it belongs to.
func (m *Model) routeApproval(msg tea.Msg) tea.Cmd {
	if s := m.shown(); s != nil {
		return m.updateScreen(msg)
	}
	return nil
}

// stopWaits cancels every approval wait: leaving a screen stops its polling.
func (m *Model) stopWaits() {
	if m.enroll != nil {
		m.enroll.stop()
	}
	if m.challenge != nil {
		m.challenge.stop()
	}
}

// goHome returns to the start, forgetting the session.
func (m *Model) goHome() tea.Cmd {
	m.stopWaits()
	m.op.end()
	m.enroll, m.challenge = nil, nil
	m.session = flow.Session{}
	m.after = afterMFA{}
	if m.opts.Start != JourneyHome {
		m.openSignIn(m.opts.Start)
		return m.signIn.focusCmd()
	}
	m.setScreen(screenHome)
	return nil
}

// Quit ends the program, cancelling whatever runs.
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	m.stopWaits()
	m.op.end()
	return tea.Quit
}
