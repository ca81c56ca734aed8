package plain

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
)

// The helpdesk's commands: each finds the user by email, then acts through
// the helpdesk application (flow's helpdesk steps, audited there).
const (
	CommandUserShow     Command = "user_show"
	CommandVerify       Command = "verify"
	CommandTicket       Command = "ticket"
	CommandReset        Command = "reset"
	CommandRecoveryCode Command = "recovery_code"
)

// HelpdeskRequest is a helpdesk command's input.
type HelpdeskRequest struct {
	Helpdesk flow.Helpdesk
	Email    string
	// UserID or Connection picks one of several users with the email.
	UserID, Connection string
	Message            string // verify: the binding message; "" makes one up
	MethodID           string // reset: the one to delete
	All                bool   // reset: every one
	Yes                bool   // reset: confirmed beforehand (scripts)
	SendMail           bool   // ticket: Auth0 mails it too
	Locale             string // ticket: the mail's language
}

func (c Command) helpdesk() bool {
	switch c {
	case CommandUserShow, CommandVerify, CommandTicket, CommandReset, CommandRecoveryCode:
		return true
	}
	return false
}

// helpdesk runs one of the helpdesk's commands.
func (r *run) helpdesk() Outcome {
	h := r.Helpdesk
	if h == nil {
		return r.fail(flow.Problem{Kind: flow.ProblemNoHelpdeskApp})
	}
	r.report.Helpdesk = &HelpdeskReport{Email: h.Email}
	if h.MethodID != "" && h.All {
		return r.failInput(r.t.Helpdesk.Plain.BothMethodFlags)
	}
	if r.Command == CommandVerify {
		if h.Message == "" {
			h.Message = "Helpdesk-" + strconv.Itoa(1000+rand.IntN(9000))
			r.say(r.t.Helpdesk.Plain.MessageMade, h.Message)
		}
		if err := auth0.CheckBindingMessage(h.Message); err != nil {
			return r.failHelpdesk(err)
		}
	}
	u, o := r.findUser()
	if o != "" {
		return o
	}
	switch r.Command {
	case CommandVerify:
		return r.verifyCaller(u)
	case CommandTicket:
		return r.ticket(u)
	case CommandRecoveryCode:
		return r.recoveryCode(u)
	}
	card, err := flow.Card(r.ctx, h.Helpdesk, u.UserID)
	r.audited(card.Audited)
	if err != nil {
		return r.failHelpdesk(err)
	}
	r.report.Helpdesk.setCard(card)
	if r.Command == CommandReset {
		return r.reset(card)
	}
	r.sayCard(card)
	return OutcomeListed
}

// findUser finds the one user the command is about: the email's, picked by
// --user-id or --connection when the email is in several connections.
func (r *run) findUser() (management.User, Outcome) {
	h, w := r.Helpdesk, r.t.Helpdesk
	r.say(w.Plain.Finding, auth0.CleanText(h.Email))
	found, err := flow.FindUsers(r.ctx, h.Helpdesk, h.Email)
	r.audited(found.Audited)
	if err != nil {
		return management.User{}, r.failHelpdesk(err)
	}
	var picked []management.User
	for _, u := range found.Users {
		if (h.UserID == "" || u.UserID == h.UserID) && (h.Connection == "" || u.Connection() == h.Connection) {
			picked = append(picked, u)
		}
	}
	switch {
	case len(found.Users) == 0:
		return management.User{}, r.failWith(OutcomeError, problemKinds[flow.ProblemUserNotFound], r.fill(w.Problem.NoUser, h.Email), w.Problem.UserNotFound.Fix)
	case len(picked) == 0:
		r.sayUsers(found.Users)
		given := h.UserID
		if given == "" {
			given = h.Connection
		}
		return management.User{}, r.failInput(fmt.Sprintf(w.Problem.NoSuchUser, auth0.CleanText(given), auth0.CleanText(h.Email)))
	case len(picked) > 1:
		r.sayUsers(picked)
		r.report.Helpdesk.Users = usersOf(picked)
		return management.User{}, r.failWith(OutcomeError, errorKindSeveralUsers,
			fmt.Sprintf(w.Problem.SeveralUsers, len(picked), auth0.CleanText(h.Email)), w.Plain.ChooseFlags)
	}
	u := userOf(picked[0])
	r.report.Helpdesk.User = &u
	return picked[0], ""
}

func (r *run) sayUsers(users []management.User) {
	for _, u := range users {
		r.say(indent+"%s  %s  %s", auth0.CleanText(u.UserID), auth0.CleanText(u.Connection()), auth0.CleanText(u.Name))
	}
}

// sayCard prints the user card: the account, its methods, its enrollments.
func (r *run) sayCard(card flow.UserCard) {
	c, u := r.t.Helpdesk.Card, card.User
	r.say(r.t.Helpdesk.Plain.Card, auth0.CleanText(u.Email))
	r.sayLabeled(indent, c.Name, auth0.CleanText(u.Name))
	r.sayLabeled(indent, c.UserID, auth0.CleanText(u.UserID))
	r.sayLabeled(indent, c.Connection, auth0.CleanText(u.Connection()))
	r.sayLabeled(indent, c.LastLogin, r.when(u.LastLogin.Time))
	state := c.NotBlocked
	if u.Blocked {
		state = c.Blocked
	}
	r.sayLabeled(indent, c.State, state)
	r.sayMethods(card.Methods)
	defer r.sayMissing(card.Missing)
	if len(card.Enrollments) == 0 {
		r.say(indent + c.NoEnrollments)
		return
	}
	r.say(indent+r.t.Plain.Heading, c.Enrollments)
	for _, e := range card.Enrollments {
		r.say(indent+indent+"%s  %s  %s  (%s)", flow.EnrollmentStatus(r.t, e.Status), auth0.CleanText(e.Type), auth0.CleanText(e.Name), auth0.CleanText(e.ID))
	}
}

// sayMissing names the scopes the helpdesk application lacks.
func (r *run) sayMissing(scopes []string) {
	if len(scopes) > 0 {
		r.say(r.t.Helpdesk.Card.Missing, strings.Join(scopes, " "), management.DashboardPlace)
	}
}

func (r *run) sayMethods(methods []management.AuthenticationMethod) {
	c := r.t.Helpdesk.Card
	if len(methods) == 0 {
		r.say(indent + c.NoMethods)
		return
	}
	r.say(indent+r.t.Plain.Heading, c.Methods)
	for _, m := range methods {
		confirmed := c.Pending
		if m.Confirmed {
			confirmed = c.Confirmed
		}
		r.say(indent+indent+r.t.Helpdesk.Plain.MethodLine, auth0.CleanText(m.Type), orDash(auth0.CleanText(m.Name)), confirmed,
			r.when(m.CreatedAt.Time), r.when(m.LastAuthAt.Time), auth0.CleanText(m.ID))
	}
}

// when is a moment of Auth0's records as the local clock shows it.
func (r *run) when(t time.Time) string {
	if t.IsZero() {
		return r.t.Helpdesk.Card.Never
	}
	return t.Local().Format("2006-01-02 15:04")
}

// verifyCaller sends the push with its binding message and waits for the
// caller's answer.
func (r *run) verifyCaller(u management.User) Outcome {
	h, w := r.Helpdesk, r.t.Helpdesk.Plain
	name := userName(u)
	r.say(w.Verifying, name, h.Message)
	v, err := flow.StartVerify(r.ctx, h.Helpdesk, u.UserID, h.Message)
	if err != nil {
		return r.failHelpdesk(err)
	}
	ver := &Verification{BindingMessage: h.Message, ExpiresAt: v.At.Add(v.ExpiresIn).UTC().Truncate(time.Second)}
	r.report.Helpdesk.Verification = ver
	r.say(w.ReadAloud, h.Message)
	stopPhone := r.Sandbox.approve(r.ctx)
	defer stopPhone()
	a := flow.NewVerification(h.Helpdesk, v)
	r.wait(a, w.Waiting)
	ver.Polls = a.Polls()
	end := flow.RecordVerification(h.Helpdesk, u.UserID, a)
	r.audited(end.Audited)
	switch a.State() {
	case flow.ApprovalApproved:
		ver.ApprovedAt = end.At.UTC().Truncate(time.Second)
		r.say(w.Verified, name, clockTime(end.At))
		return OutcomeApproved
	case flow.ApprovalRejected:
		r.say(w.Rejected, name)
		return OutcomeRejected
	case flow.ApprovalExpired, flow.ApprovalTimedOut:
		o := outcomeOf(a.State())
		return r.failWith(o, string(o), w.Expired, r.t.Plain.RunAgain)
	}
	return r.challengeEnded(a)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func userName(u management.User) string {
	if u.Name != "" && u.Name != u.Email {
		return auth0.CleanText(u.Name + " <" + u.Email + ">")
	}
	return auth0.CleanText(u.Email)
}

// ticket creates an enrollment ticket and shows its link as a QR code.
func (r *run) ticket(u management.User) Outcome {
	h, w := r.Helpdesk, r.t.Helpdesk.Plain
	t, err := flow.CreateTicket(r.ctx, h.Helpdesk, u.UserID, flow.TicketOptions{SendMail: h.SendMail, Locale: h.Locale})
	r.audited(t.Audited)
	if err != nil {
		return r.failHelpdesk(err)
	}
	expires := t.At.Add(flow.TicketLifetime)
	r.report.Helpdesk.Ticket = &Ticket{ID: t.ID, URL: t.URL, Mailed: t.Mailed, ExpiresAt: expires.UTC().Truncate(time.Second)}
	r.say(w.TicketFor, userName(u))
	r.sayQR(t.URL)
	r.sayLabeled("", w.TicketLink, t.URL)
	if t.Mailed {
		r.say(w.TicketMailed, auth0.CleanText(u.Email))
	}
	r.say(w.TicketExpiry, r.countdown(flow.TicketLifetime))
	return OutcomeDone
}

// recoveryCode regenerates the recovery code and prints it once, on the
// human output only.
func (r *run) recoveryCode(u management.User) Outcome {
	w := r.t.Helpdesk.Plain
	code, err := flow.RegenerateRecoveryCode(r.ctx, r.Helpdesk.Helpdesk, u.UserID)
	r.audited(code.Audited)
	if err != nil {
		return r.failHelpdesk(err)
	}
	r.report.Helpdesk.RecoveryCodes = 1
	r.say(w.RecoveryFor, userName(u))
	r.sayLabeled(indent, r.t.Helpdesk.Card.RecoveryCode, code.Code)
	r.say(w.RecoveryOnce)
	return OutcomeDone
}

// reset deletes one method or all of them, once confirmed.
func (r *run) reset(card flow.UserCard) Outcome {
	h, w := r.Helpdesk, r.t.Helpdesk.Plain
	if h.MethodID == "" && !h.All {
		r.sayMethods(card.Methods)
		return r.failInput(w.ResetChoose)
	}
	if h.MethodID != "" && !hasMethod(card.Methods, h.MethodID) {
		r.sayMethods(card.Methods)
		return r.failInput(r.fill(w.NoSuchMethod, h.MethodID))
	}
	if o := r.confirmReset(card.User); o != "" {
		return o
	}
	var known []string
	for _, m := range card.Methods {
		known = append(known, m.ID)
	}
	var reset flow.Reset
	var err error
	if h.All {
		reset, err = flow.ResetAll(r.ctx, h.Helpdesk, card.User.UserID, known)
	} else {
		reset, err = flow.ResetMethod(r.ctx, h.Helpdesk, card.User.UserID, h.MethodID)
	}
	r.audited(reset.Audited)
	if err != nil {
		return r.failHelpdesk(err)
	}
	r.report.Helpdesk.Reset = &ResetReport{All: reset.All, MethodIDs: reset.MethodIDs}
	if h.All {
		r.say(w.ResetAll, userName(card.User))
	} else {
		r.say(w.ResetOne, auth0.CleanText(h.MethodID), userName(card.User))
	}
	return OutcomeDone
}

func hasMethod(methods []management.AuthenticationMethod, id string) bool {
	for _, m := range methods {
		if m.ID == id {
			return true
		}
	}
	return false
}

// confirmReset asks to type the user's email on a terminal; a script
// passes --yes instead.
func (r *run) confirmReset(u management.User) Outcome {
	w := r.t.Helpdesk.Plain
	if r.Helpdesk.Yes {
		return ""
	}
	if r.Terminal == nil {
		return r.failInput(fmt.Sprintf(w.ResetNoYes, "--yes"))
	}
	typed, err := r.Terminal.ReadLine(r.ctx, fmt.Sprintf(w.ResetConfirm, auth0.CleanText(u.Email)))
	if o := r.inputEnded(err); o != "" {
		return o
	}
	if !strings.EqualFold(strings.TrimSpace(typed), u.Email) {
		fmt.Fprintln(r.problem, w.ResetMismatch)
		return OutcomeCancelled
	}
	return ""
}

// failHelpdesk explains a helpdesk step's failure: the missing scope and
// where to grant it, an unknown user…
func (r *run) failHelpdesk(err error) Outcome {
	if r.ctx.Err() != nil {
		return r.interrupted()
	}
	p := flow.DiagnoseHelpdesk(err)
	text := flow.HelpdeskProblemText(r.t, p, r.Sandbox != nil)
	o := r.failExplained(text.Title, text.Fix, p)
	r.report.Error.Scopes = p.Scopes
	return o
}

// audited warns that the audit log could not be written: the action
// happened all the same.
func (r *run) audited(a flow.Audited) {
	if a.Unaudited == nil {
		return
	}
	fmt.Fprintf(r.problem, r.t.Helpdesk.Plain.Unaudited+"\n", a.Unaudited)
	if r.report.Helpdesk != nil {
		r.report.Helpdesk.AuditError = a.Unaudited.Error()
	}
}
