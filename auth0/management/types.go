package management

import (
	"encoding/json"
	"time"
)

// Time is a time from an answer; a value that is not RFC 3339 reads as
// the zero time rather than failing the whole answer.
type Time struct{ time.Time }

func (t *Time) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) != nil {
		return nil
	}
	if parsed, err := time.Parse(time.RFC3339Nano, s); err == nil {
		t.Time = parsed
	}
	return nil
}

// User is a user as the Management API shows it.
type User struct {
	UserID        string     `json:"user_id"`
	Email         string     `json:"email"`
	EmailVerified bool       `json:"email_verified"`
	Name          string     `json:"name"`
	Nickname      string     `json:"nickname"`
	Identities    []Identity `json:"identities"`
	CreatedAt     Time       `json:"created_at"`
	UpdatedAt     Time       `json:"updated_at"`
	LastLogin     Time       `json:"last_login"` // zero when the user never signed in
	LastIP        string     `json:"last_ip"`
	LoginsCount   int        `json:"logins_count"`
	Blocked       bool       `json:"blocked"`
	Multifactor   []string   `json:"multifactor"`
}

// Identity is one of a user's accounts with an identity provider.
type Identity struct {
	Connection string `json:"connection"`
	UserID     string `json:"user_id"`
	Provider   string `json:"provider"`
	IsSocial   bool   `json:"isSocial"`
}

// Connection is the connection of the user's main identity.
func (u User) Connection() string {
	if len(u.Identities) == 0 {
		return ""
	}
	return u.Identities[0].Connection
}

// AuthenticationMethod is one of a user's authentication methods.
type AuthenticationMethod struct {
	ID string `json:"id"` // push|dev_…, totp|dev_…, recovery-code|dev_…
	// Type is push, totp, recovery-code, phone, email, webauthn-roaming…
	Type      string `json:"type"`
	Confirmed bool   `json:"confirmed"`
	Name      string `json:"name"`
	// LinkID is the method deleted together with this one: a push and its
	// TOTP twin name each other.
	LinkID      string `json:"link_id"`
	PhoneNumber string `json:"phone_number"` // masked, for phone
	Email       string `json:"email"`        // masked, for email
	CreatedAt   Time   `json:"created_at"`
	EnrolledAt  Time   `json:"enrolled_at"`
	LastAuthAt  Time   `json:"last_auth_at"`
}

// Enrollment is one of a user's confirmed Guardian enrollments.
type Enrollment struct {
	ID          string `json:"id"`
	Status      string `json:"status"` // pending or confirmed
	Type        string `json:"type"`
	Name        string `json:"name"`
	Identifier  string `json:"identifier"`
	PhoneNumber string `json:"phone_number"`
	AuthMethod  string `json:"auth_method"` // guardian, authenticator, sms…
	EnrolledAt  Time   `json:"enrolled_at"`
	LastAuth    Time   `json:"last_auth"`
}

// TicketRequest asks for an enrollment ticket.
type TicketRequest struct {
	UserID string `json:"user_id"`
	// SendMail has Auth0 email the link to the user (to Email, if set).
	SendMail    bool   `json:"send_mail,omitempty"`
	Email       string `json:"email,omitempty"`
	EmailLocale string `json:"email_locale,omitempty"`
	// Factor is the factor to enroll: FactorPush for Guardian push.
	Factor                   string `json:"factor,omitempty"`
	AllowMultipleEnrollments bool   `json:"allow_multiple_enrollments,omitempty"`
}

// FactorPush is Guardian push as the ticket's factor names it.
const FactorPush = "push-notification"

// Ticket is an enrollment ticket: its URL opens the enrollment on the
// user's phone. Whoever holds it can enroll a factor for the user.
type Ticket struct {
	ID  string `json:"ticket_id"`
	URL string `json:"ticket_url"`
}
