package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A screen is one page of the interface, in the manner of soft-serve's
// components: a small type in a file of its own that owns its state, its
// keys (a KeyMap struct whose bindings the footer shows), how it answers
// them and its own messages, and how it draws itself in the body. It holds
// *common and nothing else of the interface: what lies beyond it, it asks
// for with an intent (intents.go), which the journey (journey.go) or the
// root model carries out. docs/architecture.md says how to add one.
type screen interface {
	// ID names the screen; the registry lists every ID.
	ID() screenID
	// Update answers a key or a paste that the root model passes on, and
	// the screen's own messages. It returns a command to run and, when it
	// asks for something beyond itself, an intent.
	Update(msg tea.Msg) (tea.Cmd, intent)
	// View draws the body in w×h at most.
	View(w, h int) string
	// ShortHelp is the keys the footer offers now; Update answers each.
	ShortHelp() []key.Binding
}

// What a screen may also tell the root model, by implementing these.
type (
	// typist: keys go to a text field, so q and the phone's letters are
	// typed rather than taken.
	typist interface{ typing() bool }
	// mover: something on the screen moves at each spinner frame.
	mover interface{ moving() bool }
	// ticker: a countdown on the screen changes every second.
	ticker interface{ ticking() bool }
	// resizer: the screen sizes components of its own to the body.
	resizer interface{ setSize(w, h int) }
	// keeper: the screen holds something the user must not lose by
	// leaving, a recovery code not yet confirmed saved. warnOnce is asked
	// at a first attempt to leave: true when it warned instead.
	// scanner: the screen shows a code the simulated phone may scan now.
	scanner interface{ scanURI() (string, bool) }
	// helpTaker: the screen can show the full help in a body of w×h itself
	// (from common.bodyHelp), rather than under it, where it would push
	// the screen's content out.
	helpTaker interface{ takesHelp(w, h int) bool }
	// folder: the screen may lay out better with the phone folded into its
	// status line than beside it, given the body sizes of both.
	folder interface {
		prefersFolded(side, folded [2]int) bool
	}
	// focuser: the screen has a field to focus when it shows.
	focuser interface{ focusCmd() tea.Cmd }
	keeper  interface {
		unsaved() bool
		warnOnce() bool
	}
)

// screenID names a screen.
type screenID string

const (
	screenHome            screenID = "home"
	screenSignIn          screenID = "signin"
	screenWorking         screenID = "working"
	screenProblem         screenID = "problem"
	screenEnroll          screenID = "enroll"
	screenEnrolled        screenID = "enrolled"
	screenAlreadyEnrolled screenID = "already_enrolled"
	screenList            screenID = "list"
	screenConfirmDelete   screenID = "confirm_delete"
	screenChallenge       screenID = "challenge"
	screenNewRecovery     screenID = "new_recovery_code"
	screenResult          screenID = "result"
	// The helpdesk console's.
	screenHelpdeskFind     screenID = "helpdesk_find"
	screenHelpdeskUsers    screenID = "helpdesk_users"
	screenHelpdeskCard     screenID = "helpdesk_card"
	screenHelpdeskVerify   screenID = "helpdesk_verify"
	screenHelpdeskConfirm  screenID = "helpdesk_confirm"
	screenHelpdeskTicket   screenID = "helpdesk_ticket"
	screenHelpdeskRecovery screenID = "helpdesk_recovery"
	// The factors beside push (journey_factors.go).
	screenFactorChoice  screenID = "factor_choice"
	screenEnrollAddress screenID = "enroll_address"
	screenEnrollCode    screenID = "enroll_code"
)

// registry is every screen the interface shows: the root model draws no
// other (registered), and TestEveryRegisteredScreen walks each one, at
// several sizes, with every key its footer offers.
var registry = []screenID{
	screenHome, screenSignIn, screenWorking, screenProblem, screenEnroll, screenEnrolled,
	screenAlreadyEnrolled, screenList, screenConfirmDelete, screenChallenge, screenNewRecovery, screenResult,
	screenHelpdeskFind, screenHelpdeskUsers, screenHelpdeskCard, screenHelpdeskVerify, screenHelpdeskConfirm,
	screenHelpdeskTicket, screenHelpdeskRecovery,
	screenFactorChoice, screenEnrollAddress, screenEnrollCode,
}

func registered(id screenID) bool {
	for _, r := range registry {
		if r == id {
			return true
		}
	}
	return false
}

// forScreen carries the answer of a screen's own command back to that
// screen, wherever the interface is by then (the list's filter answers
// while another screen may show).
type forScreen struct {
	to  screen
	msg tea.Msg
}

// deliverTo wraps what cmd answers for s.
func deliverTo(s screen, cmd tea.Cmd) tea.Cmd {
	return wrapAnswers(cmd, func(msg tea.Msg) tea.Msg { return forScreen{to: s, msg: msg} })
}

// wrapAnswers wraps what cmd answers with wrap, looking inside batches so
// that each command still runs on its own.
func wrapAnswers(cmd tea.Cmd, wrap func(tea.Msg) tea.Msg) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			wrapped := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				wrapped[i] = wrapAnswers(c, wrap)
			}
			return wrapped
		default:
			return wrap(msg)
		}
	}
}
