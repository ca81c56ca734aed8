package flow

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
)

// ApprovalKind says what an approval wait waits for.
type ApprovalKind uint8

const (
	// ApprovalEnrollment waits for the phone to scan the QR code and enroll.
	ApprovalEnrollment ApprovalKind = iota + 1
	// ApprovalChallenge waits for the user to answer a push on the phone.
	ApprovalChallenge
	// ApprovalVerification waits for a caller to answer the helpdesk's
	// push (CIBA): the CIBA grant is polled instead of mfa-oob.
	ApprovalVerification
)

// ApprovalState is where an approval wait stands.
type ApprovalState uint8

const (
	ApprovalWaiting     ApprovalState = iota // a timer runs until the next poll
	ApprovalPolling                          // a poll is in flight
	ApprovalApproved                         // tokens arrived
	ApprovalRejected                         // refused on the device
	ApprovalExpired                          // the server said the code or token expired
	ApprovalTimedOut                         // our deadline passed
	ApprovalRateLimited                      // a 429 asked to wait past the deadline
	ApprovalFailed                           // an error retrying cannot fix
	ApprovalCancelled                        // the user left or pressed Esc
)

// Final reports whether the wait is over.
func (s ApprovalState) Final() bool { return s >= ApprovalApproved }

// ApprovalDueMsg says a poll is due.
type ApprovalDueMsg struct{ ID uint64 }

// ApprovalAnswerMsg carries one poll's answer.
type ApprovalAnswerMsg struct {
	ID     uint64
	Tokens *auth0.Tokens
	Err    error
	At     time.Time
}

var approvalIDs atomic.Uint64

// Approval is one approval wait: it polls the mfa-oob grant with one
// request in flight at a time, a timer between polls, and the Poller's
// policy, until tokens, a final answer, the deadline or cancellation.
// It does no I/O itself: Start and Update return commands.
type Approval struct {
	id       uint64
	env      Env
	kind     ApprovalKind
	mfaToken string
	oobCode  string
	poller   *Poller
	ctx      context.Context
	cancel   context.CancelFunc
	started  time.Time
	state    ApprovalState
	nextPoll time.Time
	polls    int
	lastErr  *auth0.Error
	tokens   *auth0.Tokens
	// pollOnce sends one poll; nil polls the mfa-oob grant.
	pollOnce func(ctx context.Context) (*auth0.Tokens, error)
}

// NewApproval prepares a wait that began at started (when associate or
// challenge answered) and gives up at deadline.
func NewApproval(env Env, kind ApprovalKind, mfaToken, oobCode string, started, deadline time.Time) *Approval {
	ctx, cancel := context.WithCancel(env.ctx())
	poller := NewPoller(env.PollInterval, deadline)
	if env.Jitter != nil {
		poller.jitter = env.Jitter
	}
	return &Approval{
		id: approvalIDs.Add(1), env: env, kind: kind, mfaToken: mfaToken, oobCode: oobCode,
		poller: poller, ctx: ctx, cancel: cancel, started: started,
	}
}

// Start schedules the first poll, one interval after the wait began.
func (a *Approval) Start() tea.Cmd {
	return a.apply(a.poller.First(a.env.now()))
}

// Cancel ends the wait at once: the request in flight is aborted and no
// further request is sent.
func (a *Approval) Cancel() {
	if !a.state.Final() {
		a.state = ApprovalCancelled
	}
	a.cancel()
}

// Update handles this wait's messages; handled is false for anything else.
func (a *Approval) Update(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	switch msg := msg.(type) {
	case ApprovalDueMsg:
		if msg.ID != a.id {
			return nil, false
		}
		if a.state.Final() || a.ctx.Err() != nil {
			return nil, true
		}
		if d := a.poller.Due(a.env.now()); d.Action == ActionStop {
			return a.apply(d), true
		}
		a.state = ApprovalPolling
		a.polls++
		return a.poll(), true
	case ApprovalAnswerMsg:
		if msg.ID != a.id {
			return nil, false
		}
		if a.state.Final() || a.ctx.Err() != nil {
			return nil, true
		}
		a.tokens = msg.Tokens
		a.lastErr, _ = auth0.AsError(msg.Err)
		var rl auth0.RateLimit
		if a.lastErr != nil {
			rl = a.lastErr.RateLimit
		}
		return a.apply(a.poller.Next(auth0.OutcomeOf(msg.Err), rl, msg.At)), true
	}
	return nil, false
}

func (a *Approval) apply(d Decision) tea.Cmd {
	switch d.Action {
	case ActionDone:
		a.finish(ApprovalApproved)
	case ActionStop:
		a.finish(stateFor(d.Reason))
	default:
		a.state = ApprovalWaiting
		a.nextPoll = a.env.now().Add(d.Wait)
		return a.wait(d.Wait)
	}
	return nil
}

func stateFor(r StopReason) ApprovalState {
	switch r {
	case StopRejected:
		return ApprovalRejected
	case StopExpired:
		return ApprovalExpired
	case StopDeadline:
		return ApprovalTimedOut
	case StopRateLimited:
		return ApprovalRateLimited
	}
	return ApprovalFailed
}

func (a *Approval) finish(s ApprovalState) {
	a.state = s
	a.nextPoll = time.Time{}
	a.cancel()
}

// wait is the timer between polls; it ends early, with no message, when
// the wait is cancelled.
func (a *Approval) wait(d time.Duration) tea.Cmd {
	id, ctx, clk := a.id, a.ctx, a.env.clock()
	return func() tea.Msg {
		select {
		case <-clk.After(d):
			return ApprovalDueMsg{ID: id}
		case <-ctx.Done():
			return nil
		}
	}
}

func (a *Approval) poll() tea.Cmd {
	id, ctx, env, mfaToken, oobCode, pollOnce := a.id, a.ctx, a.env, a.mfaToken, a.oobCode, a.pollOnce
	if pollOnce == nil {
		pollOnce = func(ctx context.Context) (*auth0.Tokens, error) {
			return env.Client.VerifyOOB(ctx, mfaToken, oobCode, "")
		}
	}
	return func() tea.Msg {
		tokens, err := pollOnce(ctx)
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return nil
		}
		return ApprovalAnswerMsg{ID: id, Tokens: tokens, Err: err, At: env.now()}
	}
}

// Run drives the wait to its end in the caller's goroutine, for a front
// end without an event loop (the plain mode): each timer and each poll in
// turn, calling report once the wait has started and after every poll's
// answer. When the program's context ends, the wait is cancelled and Run
// returns.
func (a *Approval) Run(report func()) {
	cmd := a.Start()
	report()
	for cmd != nil {
		msg := cmd()
		if msg == nil { // the context ended: the timer or the poll gave up
			break
		}
		cmd, _ = a.Update(msg)
		if _, ok := msg.(ApprovalAnswerMsg); ok {
			report()
		}
	}
	if a.env.ctx().Err() != nil {
		a.Cancel()
	}
}

// ID tells this wait's messages from another's.
func (a *Approval) ID() uint64 { return a.id }

// Kind is what the wait is for.
func (a *Approval) Kind() ApprovalKind { return a.kind }

// State is where the wait stands.
func (a *Approval) State() ApprovalState { return a.state }

// Tokens are the tokens, once approved.
func (a *Approval) Tokens() *auth0.Tokens { return a.tokens }

// LastError is the last poll's error, if any (pending answers included).
func (a *Approval) LastError() *auth0.Error { return a.lastErr }

// Started is when the wait began.
func (a *Approval) Started() time.Time { return a.started }

// Deadline is when the wait gives up.
func (a *Approval) Deadline() time.Time { return a.poller.Deadline() }

// NextPoll is when the next poll goes out; zero while one is in flight or
// after the end.
func (a *Approval) NextPoll() time.Time { return a.nextPoll }

// Polls counts the polls sent.
func (a *Approval) Polls() int { return a.polls }

// Interval is the current spacing between polls.
func (a *Approval) Interval() time.Duration { return a.poller.Interval() }

// Spacing is the wait between polls while the answer is pending.
func (a *Approval) Spacing() time.Duration { return a.poller.Spacing() }

// ClockSuspect reports repeated slow_down answers: the clock may run fast.
func (a *Approval) ClockSuspect() bool { return a.poller.ClockSuspect() }

// Retrying reports transient failures in a row (the screen shows the retry).
func (a *Approval) Retrying() int { return a.poller.Failures() }
