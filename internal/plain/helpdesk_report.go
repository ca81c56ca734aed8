package plain

import (
	"time"

	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
)

// HelpdeskReport is the JSON "helpdesk" section of a helpdesk command.
type HelpdeskReport struct {
	Email string `json:"email"`
	// Users are the users with the email when one had to be picked.
	Users       []HelpdeskUser       `json:"users,omitempty"`
	User        *HelpdeskUser        `json:"user,omitempty"`
	Methods     []Method             `json:"authentication_methods,omitzero"` // nil: not fetched
	Enrollments []GuardianEnrollment `json:"enrollments,omitzero"`
	// MissingScopes are the scopes the helpdesk application lacks for the
	// card's actions.
	MissingScopes []string      `json:"missing_scopes,omitempty"`
	Verification  *Verification `json:"verification,omitempty"`
	Ticket        *Ticket       `json:"ticket,omitempty"`
	Reset         *ResetReport  `json:"reset,omitempty"`
	// RecoveryCodes counts the recovery codes printed on the human output,
	// never their values.
	RecoveryCodes int `json:"recovery_codes,omitempty"`
	// AuditError says the audit log could not be written.
	AuditError string `json:"audit_error,omitempty"`
}

// HelpdeskUser is a user as the Management API describes them.
type HelpdeskUser struct {
	UserID     string    `json:"user_id"`
	Email      string    `json:"email"`
	Name       string    `json:"name,omitempty"`
	Connection string    `json:"connection"`
	LastLogin  time.Time `json:"last_login,omitzero"`
	Blocked    bool      `json:"blocked"`
}

// Method is one authentication method.
type Method struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Name       string    `json:"name,omitempty"`
	Confirmed  bool      `json:"confirmed"`
	CreatedAt  time.Time `json:"created_at,omitzero"`
	LastAuthAt time.Time `json:"last_auth_at,omitzero"`
}

// GuardianEnrollment is one of the user's Guardian enrollments.
type GuardianEnrollment struct {
	ID         string `json:"id"`
	Status     string `json:"status"`
	Type       string `json:"type"`
	Name       string `json:"name,omitempty"`
	AuthMethod string `json:"auth_method,omitempty"`
}

// Verification is what became of a verify push.
type Verification struct {
	BindingMessage string    `json:"binding_message"`
	Polls          int       `json:"polls"`
	ExpiresAt      time.Time `json:"expires_at,omitzero"`
	ApprovedAt     time.Time `json:"approved_at,omitzero"`
}

// Ticket is an enrollment ticket: its link is what the command is for.
type Ticket struct {
	ID  string `json:"ticket_id"`
	URL string `json:"ticket_url"`
	// ExpiresAt is planned: Auth0 publishes no lifetime.
	ExpiresAt time.Time `json:"expires_at"`
	Mailed    bool      `json:"mailed"`
}

// ResetReport says what was deleted.
type ResetReport struct {
	All       bool     `json:"all"`
	MethodIDs []string `json:"method_ids,omitempty"`
}

// errorKindSeveralUsers: the email is several users'; pick one.
const errorKindSeveralUsers = "several_users"

func userOf(u management.User) HelpdeskUser {
	return HelpdeskUser{UserID: u.UserID, Email: u.Email, Name: u.Name, Connection: u.Connection(), LastLogin: u.LastLogin.Time, Blocked: u.Blocked}
}

func usersOf(users []management.User) []HelpdeskUser {
	out := make([]HelpdeskUser, len(users))
	for i, u := range users {
		out[i] = userOf(u)
	}
	return out
}

func (h *HelpdeskReport) setCard(card flow.UserCard) {
	u := userOf(card.User)
	h.User = &u
	h.Methods = make([]Method, len(card.Methods))
	for i, m := range card.Methods {
		h.Methods[i] = Method{ID: m.ID, Type: m.Type, Name: m.Name, Confirmed: m.Confirmed, CreatedAt: m.CreatedAt.Time, LastAuthAt: m.LastAuthAt.Time}
	}
	h.MissingScopes = card.Missing
	h.Enrollments = make([]GuardianEnrollment, len(card.Enrollments))
	for i, e := range card.Enrollments {
		h.Enrollments[i] = GuardianEnrollment{ID: e.ID, Status: e.Status, Type: e.Type, Name: e.Name, AuthMethod: e.AuthMethod}
	}
}
