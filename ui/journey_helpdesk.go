package ui

import (
	"fmt"
	"strconv"

	"math/rand/v2"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
)

// The helpdesk console's journey:
//
//	find (email) → users (when several) → card ─┬─ verify: message → push → wait → verified, refused, expired
//	                                            ├─ delete one or all: type the email → delete → card again
//	                                            ├─ ticket: QR code and link → card again
//	                                            └─ recovery code: shown once → card again
//
// Its calls go through the helpdesk application (Options.Helpdesk), each
// step audited by flow.

// helpdeskState is the console's part of the journey.
type helpdeskState struct {
	find   *helpdeskFindScreen
	users  *helpdeskUsersScreen
	card   *helpdeskCardScreen
	verify *helpdeskVerifyScreen
	// userID is the user the card shows.
	userID string
}

// helpdeskCall runs a helpdesk step on the working screen, with the
// call's context.
func (j *journey) helpdeskCall(label string, start func(h flow.Helpdesk) tea.Cmd) tea.Cmd {
	h := *j.opts.Helpdesk
	return j.stage.run(label, func(env flow.Env) tea.Cmd {
		h.Ctx = env.Ctx
		return start(h)
	})
}

// openHelpdesk shows the find screen, or says what to configure.
func (j *journey) openHelpdesk() tea.Cmd {
	j.kind = JourneyHelpdesk
	if j.opts.Helpdesk == nil {
		j.showProblem(flow.Problem{Kind: flow.ProblemNoHelpdeskApp}, j.home)
		return nil
	}
	if j.hd.find == nil {
		j.hd.find = newHelpdeskFindScreen(j.common)
	}
	return j.stage.show(j.hd.find)
}

// handleHelpdesk carries out the console's intents; handled is false for
// the others.
func (j *journey) handleHelpdesk(from screen, in intent) (tea.Cmd, bool) {
	switch in := in.(type) {
	case findUser:
		return j.helpdeskCall(j.t.Helpdesk.UI.Finding, func(h flow.Helpdesk) tea.Cmd { return flow.FindUsersCmd(h, in.email) }), true
	case pickUser:
		return j.openCard(in.userID), true
	case verifyCaller:
		j.hd.verify = newHelpdeskVerifyScreen(j.common, j.hd.card.card.User, newBindingMessage())
		return j.stage.show(j.hd.verify), true
	case sendVerify:
		userID := j.hd.verify.user.UserID
		return j.helpdeskCall(j.t.Helpdesk.UI.Sending, func(h flow.Helpdesk) tea.Cmd { return flow.StartVerifyCmd(h, userID, in.message) }), true
	case verifyEnded:
		h := *j.opts.Helpdesk
		record := j.stage.runInline(func(env flow.Env) tea.Cmd { return flow.RecordVerificationCmd(h, in.userID, in.approval) })
		if in.approval.State() == flow.ApprovalCancelled { // esc: back to the user at once
			return tea.Batch(record, j.openCard(j.hd.userID)), true
		}
		return record, true
	case askReset:
		return j.stage.show(newHelpdeskConfirmScreen(j.common, j.hd.card.card.User, in.method)), true
	case confirmReset:
		card := j.hd.card.card
		known := make([]string, len(card.Methods))
		for i, m := range card.Methods {
			known[i] = m.ID
		}
		return j.helpdeskCall(j.t.Helpdesk.UI.Deleting, func(h flow.Helpdesk) tea.Cmd {
			return flow.ResetCmd(h, card.User.UserID, in.methodID, known)
		}), true
	case askTicket:
		userID := j.hd.userID
		return j.helpdeskCall(j.t.Helpdesk.UI.Creating, func(h flow.Helpdesk) tea.Cmd {
			return flow.CreateTicketCmd(h, userID, flow.TicketOptions{})
		}), true
	case askRecoveryCode:
		userID := j.hd.userID
		return j.helpdeskCall(j.t.Helpdesk.UI.Regenerating, func(h flow.Helpdesk) tea.Cmd { return flow.RegenerateRecoveryCodeCmd(h, userID) }), true
	case backToCard:
		return j.openCard(j.hd.userID), true
	}
	return nil, false
}

// leaveHelpdesk answers esc on the console's screens; handled is false for
// the others.
func (j *journey) leaveHelpdesk(from screen) (tea.Cmd, bool) {
	switch from.ID() {
	case screenHelpdeskFind:
		if j.opts.Start == JourneyHome {
			return j.stage.show(j.home), true
		}
		return nil, true
	case screenHelpdeskUsers, screenHelpdeskCard:
		return j.stage.show(j.hd.find), true
	case screenHelpdeskVerify, screenHelpdeskConfirm, screenHelpdeskTicket:
		return j.openCard(j.hd.userID), true
	}
	return nil, false
}

// answerHelpdesk handles the answers of the console's calls.
func (j *journey) answerHelpdesk(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case flow.FoundMsg:
		return j.found(msg)
	case flow.CardMsg:
		if msg.Err != nil {
			return j.helpdeskProblem(msg.Err, j.hd.find)
		}
		j.hd.card = newHelpdeskCardScreen(j.common, msg.UserCard, j.hd.card)
		return tea.Batch(j.stage.show(j.hd.card), j.unaudited(msg.Audited))
	case flow.VerifyStartedMsg:
		if msg.Err != nil {
			return j.helpdeskProblem(msg.Err, j.hd.verify)
		}
		a := flow.NewVerification(*j.opts.Helpdesk, msg.VerifyStarted)
		return tea.Batch(j.stage.show(j.hd.verify), j.hd.verify.wait(a))
	case flow.VerificationRecordedMsg:
		if j.hd.verify != nil {
			j.hd.verify.recorded(msg.VerifiedCaller)
		}
		return j.unaudited(msg.Audited)
	case flow.ResetMsg:
		if msg.Err != nil {
			return j.helpdeskProblem(msg.Err, j.hd.card)
		}
		note := j.t.Helpdesk.UI.DeletedAll
		if !msg.All {
			note = fmt.Sprintf(j.t.Helpdesk.UI.DeletedOne, msg.MethodIDs[0])
		}
		return tea.Batch(j.openCard(j.hd.userID), j.stage.note(note), j.unaudited(msg.Audited))
	case flow.TicketMsg:
		if msg.Err != nil {
			return j.helpdeskProblem(msg.Err, j.hd.card)
		}
		return tea.Batch(j.stage.show(newHelpdeskTicketScreen(j.common, j.hd.card.card.User, msg.IssuedTicket)), j.unaudited(msg.Audited))
	case flow.RecoveryCodeMsg:
		if msg.Err != nil {
			return j.helpdeskProblem(msg.Err, j.hd.card)
		}
		return tea.Batch(j.stage.show(newHelpdeskRecoveryScreen(j.common, j.hd.card.card.User, msg.Code)), j.unaudited(msg.Audited))
	}
	return nil
}

// found shows the card of the one user with the email, or the choice
// among several.
func (j *journey) found(msg flow.FoundMsg) tea.Cmd {
	switch {
	case msg.Err != nil:
		return j.helpdeskProblem(msg.Err, j.hd.find)
	case len(msg.Users) == 0:
		j.showProblem(flow.Problem{Kind: flow.ProblemUserNotFound}, j.hd.find)
		return j.unaudited(msg.Audited)
	case len(msg.Users) == 1:
		return tea.Batch(j.openCard(msg.Users[0].UserID), j.unaudited(msg.Audited))
	}
	j.hd.users = newHelpdeskUsersScreen(j.common, msg.Email, msg.Users)
	return tea.Batch(j.stage.show(j.hd.users), j.unaudited(msg.Audited))
}

// openCard reads the user's card afresh.
func (j *journey) openCard(userID string) tea.Cmd {
	if j.hd.verify != nil {
		j.hd.verify.stop()
	}
	if j.hd.userID != userID {
		j.hd.card = nil // another user's cursor means nothing here
	}
	j.hd.userID = userID
	return j.helpdeskCall(j.t.Helpdesk.UI.Loading, func(h flow.Helpdesk) tea.Cmd { return flow.CardCmd(h, userID) })
}

// helpdeskProblem explains a failed step; trying again returns to back.
func (j *journey) helpdeskProblem(err error, back screen) tea.Cmd {
	if back == nil {
		back = j.hd.find
	}
	problem := j.showProblem(flow.DiagnoseHelpdesk(err), back)
	if back != j.hd.find && j.hd.userID != "" {
		// An action on the user failed: the agent is still on the phone
		// with them, and goes back to their card, not to the search.
		problem.escapeTo(backToCard{}, j.t.Keys.Back)
	}
	return nil
}

// unaudited notes that the audit log could not be written.
func (j *journey) unaudited(a flow.Audited) tea.Cmd {
	if a.Unaudited == nil {
		return nil
	}
	return j.stage.note(fmt.Sprintf(j.t.Helpdesk.UI.Unaudited, a.Unaudited))
}

// helpdeskHeader is the header's right side in the console: the agent
// acts through the helpdesk application, on the user of the card.
func (j *journey) helpdeskHeader(shown screenID) string {
	if j.hd.card == nil || shown == screenHelpdeskFind || shown == screenHelpdeskUsers {
		return j.t.Helpdesk.UI.Header
	}
	return fmt.Sprintf(j.t.Helpdesk.UI.HeaderUser, auth0.CleanText(j.hd.card.card.User.Email))
}

// newBindingMessage is a message for the agent to read aloud, which the
// agent may change before sending.
func newBindingMessage() string { return "Helpdesk-" + strconv.Itoa(1000+rand.IntN(9000)) }

// userLabel names a user for a title: the name, and the email when they
// differ.
func userLabel(u management.User) string {
	if u.Name != "" && u.Name != u.Email {
		return u.Name + " <" + u.Email + ">"
	}
	return u.Email
}
