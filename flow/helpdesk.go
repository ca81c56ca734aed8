package flow

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/internal/audit"
)

// The helpdesk's steps: one action each on a user found by email, through
// the helpdesk's machine-to-machine application (the Management API, and
// CIBA for the push that verifies a caller). Each appends its outcome to
// the audit log, ids only.

// Helpdesk is what the helpdesk's steps need. Env.Client is the helpdesk
// application's client: CIBA runs on it, and the Management API's token is
// its client-credentials grant.
type Helpdesk struct {
	Env
	Management *management.Client
	Audit      *audit.Log // nil keeps no log
}

// NewHelpdesk wires the Management API client over env's client.
func NewHelpdesk(env Env, log *audit.Log) Helpdesk {
	return Helpdesk{Env: env, Management: management.New(env.Client, env.Clock), Audit: log}
}

// Scopes each helpdesk step needs of the Management API; verifying a caller
// needs none, but the application must have the CIBA grant.
var (
	ScopesFind         = management.Scopes(management.FindUsers)
	ScopesCard         = management.Scopes(management.GetUser, management.ListMethods, management.ListEnrollments)
	ScopesReset        = management.Scopes(management.DeleteMethod)
	ScopesTicket       = management.Scopes(management.CreateTicket)
	ScopesRecoveryCode = management.Scopes(management.RegenerateRecoveryCode)
)

// Audited is embedded in every step's result: Unaudited is the error of an
// audit log that could not be written, which a front end must report (the
// action itself happened).
type Audited struct {
	Unaudited error
}

// record appends an entry for an action on userID that ended with err
// (nil: done), and returns the log's own failure.
func (h Helpdesk) record(userID string, action audit.Action, err error, e audit.Entry) error {
	if h.Audit == nil {
		return nil
	}
	e.UserID, e.Action, e.Tenant = userID, action, h.Client.Domain()
	e.Outcome = audit.OutcomeDone
	if err != nil {
		e.Outcome = audit.OutcomeFailed
		if errors.Is(err, context.Canceled) {
			e.Outcome = audit.OutcomeCancelled
		}
		e.ErrorCode = errorCode(err)
	}
	return h.Audit.Append(e)
}

// errorCode is the code of Auth0's answer, fit for the log ("" when none
// came, or when it is not a plain code).
func errorCode(err error) string {
	e, ok := auth0.AsError(err)
	if !ok || e.Code == "" || len(e.Code) > 64 {
		return ""
	}
	for _, r := range e.Code {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return ""
		}
	}
	return e.Code
}

// Found are the users with one email: several when the email is in more
// than one connection.
type Found struct {
	Email string
	Users []management.User
	Audited
}

// FindUsers looks users up by email.
func FindUsers(ctx context.Context, h Helpdesk, email string) (Found, error) {
	users, err := h.Management.UsersByEmail(ctx, email)
	f := Found{Email: email, Users: users}
	f.Unaudited = h.record("", audit.ActionFindUser, err, audit.Entry{})
	return f, err
}

// UserCard is what the helpdesk sees of one user.
type UserCard struct {
	User        management.User
	Methods     []management.AuthenticationMethod
	Enrollments []management.Enrollment
	// Missing are the scopes the card's actions need that the helpdesk
	// application was not granted (its token says which it was).
	Missing []string
	At      time.Time
	Audited
}

// CanVerify reports whether a push can verify the user: CIBA sends it to
// their Guardian app, so they need a confirmed push method (or, as the
// enrollments list says it, a confirmed "pn" enrollment).
func (c UserCard) CanVerify() bool {
	for _, m := range c.Methods {
		if m.Type == "push" && m.Confirmed {
			return true
		}
	}
	for _, e := range c.Enrollments {
		if e.Type == "pn" && e.Status == "confirmed" {
			return true
		}
	}
	return false
}

// Card reads a user, their authentication methods and their Guardian
// enrollments.
func Card(ctx context.Context, h Helpdesk, userID string) (UserCard, error) {
	card, err := readCard(ctx, h, userID)
	card.Unaudited = h.record(userID, audit.ActionViewUser, err, audit.Entry{})
	return card, err
}

func readCard(ctx context.Context, h Helpdesk, userID string) (UserCard, error) {
	u, err := h.Management.User(ctx, userID)
	if err != nil {
		return UserCard{}, err
	}
	methods, err := h.Management.AuthenticationMethods(ctx, userID)
	if err != nil {
		return UserCard{}, err
	}
	enrollments, err := h.Management.Enrollments(ctx, userID)
	if err != nil {
		return UserCard{}, err
	}
	card := UserCard{User: *u, Methods: methods, Enrollments: enrollments, At: h.now()}
	granted, err := h.Management.GrantedScopes(ctx) // the token just used: no request
	if err == nil {
		for _, s := range slices.Concat(ScopesReset, ScopesTicket, ScopesRecoveryCode) {
			if !slices.Contains(granted, s) && !slices.Contains(card.Missing, s) {
				card.Missing = append(card.Missing, s)
			}
		}
	}
	return card, nil
}

// VerifyStarted is a push sent to verify a caller: the CIBA request to
// wait for.
type VerifyStarted struct {
	UserID         string
	BindingMessage string
	auth0.BackchannelAuthorization
	At time.Time
}

// StartVerify sends a push with a binding message to the user's enrolled
// phone (CIBA). The wait that follows is NewVerification's; its end is
// recorded by RecordVerification.
func StartVerify(ctx context.Context, h Helpdesk, userID, bindingMessage string) (VerifyStarted, error) {
	bc, err := h.Client.BackchannelAuthorize(ctx, auth0.BackchannelRequest{UserID: userID, BindingMessage: bindingMessage})
	if err != nil {
		// A message refused before sending is the agent's typo, not an action.
		if !isBindingMessageError(err) {
			_ = h.record(userID, audit.ActionVerify, err, audit.Entry{}) // the failure is shown anyway
		}
		return VerifyStarted{}, err
	}
	return VerifyStarted{UserID: userID, BindingMessage: bindingMessage, BackchannelAuthorization: *bc, At: h.now()}, nil
}

func isBindingMessageError(err error) bool {
	var b *auth0.BindingMessageError
	return errors.As(err, &b)
}

// NewVerification is the wait for the user's answer: the polling policy of
// a challenge, spaced by the interval Auth0 gave and ended by the request's
// expires_in.
func NewVerification(h Helpdesk, v VerifyStarted) *Approval {
	a := NewApproval(h.Env, ApprovalVerification, "", "", v.At, v.At.Add(v.ExpiresIn))
	a.poller.interval = SanitizeInterval(v.Interval)
	authReqID, client := v.AuthReqID, h.Client
	a.pollOnce = func(ctx context.Context) (*auth0.Tokens, error) { return client.PollBackchannel(ctx, authReqID) }
	return a
}

// Verified is a verification's end: who approved, and when.
type VerifiedCaller struct {
	UserID string
	State  ApprovalState
	At     time.Time
	Audited
}

// RecordVerification appends the end of a verification wait to the audit
// log.
func RecordVerification(h Helpdesk, userID string, a *Approval) VerifiedCaller {
	v := VerifiedCaller{UserID: userID, State: a.State(), At: h.now()}
	if h.Audit == nil {
		return v
	}
	e := audit.Entry{Tenant: h.Client.Domain(), UserID: userID, Action: audit.ActionVerify, Outcome: verifyOutcome(a.State())}
	if e.Outcome == audit.OutcomeFailed && a.LastError() != nil {
		e.ErrorCode = errorCode(a.LastError())
	}
	v.Unaudited = h.Audit.Append(e)
	return v
}

func verifyOutcome(s ApprovalState) audit.Outcome {
	switch s {
	case ApprovalApproved:
		return audit.OutcomeDone
	case ApprovalRejected:
		return audit.OutcomeRejected
	case ApprovalExpired, ApprovalTimedOut:
		return audit.OutcomeExpired
	case ApprovalCancelled:
		return audit.OutcomeCancelled
	}
	return audit.OutcomeFailed
}

// Reset is a reset done: the authentication methods deleted.
type Reset struct {
	UserID    string
	MethodIDs []string // the one deleted, or those the card showed before all were
	All       bool
	At        time.Time
	Audited
}

// ResetMethod deletes one authentication method (a push takes its OTP
// twin with it).
func ResetMethod(ctx context.Context, h Helpdesk, userID, methodID string) (Reset, error) {
	err := h.Management.DeleteAuthenticationMethod(ctx, userID, methodID)
	r := Reset{UserID: userID, MethodIDs: []string{methodID}, At: h.now()}
	r.Unaudited = h.record(userID, audit.ActionResetMethod, err, audit.Entry{MethodIDs: r.MethodIDs})
	return r, err
}

// ResetAll deletes every authentication method of the user; known are the
// ids the agent saw, for the log.
func ResetAll(ctx context.Context, h Helpdesk, userID string, known []string) (Reset, error) {
	err := h.Management.DeleteAllAuthenticationMethods(ctx, userID)
	r := Reset{UserID: userID, MethodIDs: known, All: true, At: h.now()}
	r.Unaudited = h.record(userID, audit.ActionResetAll, err, audit.Entry{MethodIDs: known})
	return r, err
}

// TicketLifetime is how long an enrollment ticket is planned to last:
// Auth0 publishes no lifetime, and the sandbox's is a Guardian ticket's
// five minutes (docs/sandbox.md).
const TicketLifetime = EnrollmentLifetime

// IssuedTicket is an enrollment ticket: its ticket_url is opened on the
// user's phone.
type IssuedTicket struct {
	UserID string
	management.Ticket
	Mailed bool
	At     time.Time
	Audited
}

// TicketOptions are what a ticket request may add: an email sent by Auth0
// in a locale.
type TicketOptions struct {
	SendMail bool
	Locale   string
}

// CreateTicket creates a Guardian push enrollment ticket for the user.
func CreateTicket(ctx context.Context, h Helpdesk, userID string, o TicketOptions) (IssuedTicket, error) {
	req := management.TicketRequest{UserID: userID, Factor: management.FactorPush, SendMail: o.SendMail}
	if o.SendMail {
		req.EmailLocale = o.Locale
	}
	t, err := h.Management.CreateEnrollmentTicket(ctx, req)
	out := IssuedTicket{UserID: userID, Mailed: o.SendMail, At: h.now()}
	var e audit.Entry
	if t != nil {
		out.Ticket = *t
		e.TicketID = t.ID
	}
	out.Unaudited = h.record(userID, audit.ActionCreateTicket, err, e)
	return out, err
}

// RecoveryCodeIssued is a new recovery code: shown once, never logged.
type RecoveryCodeIssued struct {
	UserID string
	Code   string
	At     time.Time
	Audited
}

// RegenerateRecoveryCode replaces the user's recovery code; the old one no
// longer works.
func RegenerateRecoveryCode(ctx context.Context, h Helpdesk, userID string) (RecoveryCodeIssued, error) {
	code, err := h.Management.RegenerateRecoveryCode(ctx, userID)
	out := RecoveryCodeIssued{UserID: userID, Code: code, At: h.now()}
	out.Unaudited = h.record(userID, audit.ActionRecoveryCode, err, audit.Entry{})
	return out, err
}
