package plain

import (
	"encoding/json"
	"io"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// Report is the --json document (see the package documentation). Its field
// names are a promise to scripts: add fields, never rename them.
type Report struct {
	Command        string          `json:"flow"` // the command: its JSON name is a promise to scripts
	Tenant         string          `json:"tenant"`
	User           string          `json:"user,omitempty"`
	Outcome        Outcome         `json:"outcome"`
	ExitCode       int             `json:"exit_code"`
	Authenticators []Authenticator `json:"authenticators,omitzero"` // nil: not fetched; empty: none
	Enrollment     *Enrollment     `json:"enrollment,omitempty"`
	Challenge      *Challenge      `json:"challenge,omitempty"`
	Tokens         *Tokens         `json:"tokens,omitempty"`
	Error          *Error          `json:"error,omitempty"`
	Helpdesk       *HelpdeskReport `json:"helpdesk,omitempty"`
}

// Write prints the report as one indented JSON document.
func (rep Report) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// SetupFailed is the report of a run that could not start: the settings
// or the tenant failed before any request (Error.Kind "settings").
func SetupFailed(c Command, message string) Report {
	return Report{Command: string(c), Outcome: OutcomeError, ExitCode: OutcomeError.ExitCode(),
		Error: &Error{Kind: errorKindSettings, Title: message}}
}

// Authenticator is one of the user's authenticators.
type Authenticator struct {
	ID         string     `json:"id"`
	Kind       auth0.Kind `json:"kind"`
	Type       string     `json:"type"`
	OOBChannel string     `json:"oob_channel,omitempty"`
	Name       string     `json:"name,omitempty"`
	Active     bool       `json:"active"`
}

// Enrollment is what became of the QR code, or of the code sent.
type Enrollment struct {
	Outcome Outcome `json:"outcome"`
	// Factor is the factor enrolled: push, otp, sms, voice or email.
	Factor    string    `json:"factor,omitempty"`
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	// RecoveryCodes counts the codes printed on the human output; their
	// values never go into the JSON, which scripts tend to keep.
	RecoveryCodes int            `json:"recovery_codes"`
	Polls         int            `json:"polls"`
	Authenticator *Authenticator `json:"authenticator,omitempty"`
}

// Challenge is what became of the push (or the code).
type Challenge struct {
	Method        string         `json:"method"` // push, otp, sms, voice, email or recovery_code
	Authenticator *Authenticator `json:"authenticator,omitempty"`
	Outcome       Outcome        `json:"outcome"`
	Polls         int            `json:"polls,omitempty"`
	ExpiresAt     time.Time      `json:"expires_at,omitzero"`
	// RecoveryCodes counts the new recovery codes printed on the human
	// output after a recovery code was used; never their values.
	RecoveryCodes int `json:"recovery_codes,omitempty"`
}

// Tokens describes what MFA earned; the values only with --show-tokens.
type Tokens struct {
	TokenType    string    `json:"token_type"`
	Scope        string    `json:"scope"`
	Audience     string    `json:"audience,omitempty"`
	ExpiresIn    int64     `json:"expires_in,omitempty"` // left out when the expiry is unknown
	ExpiresAt    time.Time `json:"expires_at,omitzero"`
	Issued       []string  `json:"issued"`
	AccessToken  string    `json:"access_token,omitempty"`
	IDToken      string    `json:"id_token,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
}

// Error says what went wrong: Kind for scripts, the rest for people.
type Error struct {
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Fix         string `json:"fix,omitempty"`
	Detail      string `json:"detail,omitempty"`
	Status      int    `json:"status,omitempty"`
	Code        string `json:"code,omitempty"`
	Description string `json:"description,omitempty"`
	// Scopes are the Management API scopes the helpdesk application lacks.
	Scopes []string `json:"scopes,omitempty"`
}

// Error kinds besides the problem kinds.
const (
	errorKindInput    = "input"    // a missing flag, or bad standard input
	errorKindSettings = "settings" // the run could not start
)

// problemKinds are the stable names of flow's problem kinds.
var problemKinds = map[flow.ProblemKind]string{
	flow.ProblemUnknown:           "unknown",
	flow.ProblemWrongCredentials:  "wrong_credentials",
	flow.ProblemGrantNotAllowed:   "grant_not_allowed",
	flow.ProblemBadClient:         "bad_client",
	flow.ProblemMFANotRequired:    "mfa_not_required",
	flow.ProblemUnreachable:       "unreachable",
	flow.ProblemTLS:               "tls",
	flow.ProblemRateLimited:       "rate_limited",
	flow.ProblemServer:            "server",
	flow.ProblemAlreadyEnrolled:   "already_enrolled",
	flow.ProblemTokenExpired:      "token_expired",
	flow.ProblemTokenInvalid:      "token_invalid",
	flow.ProblemInvalidCode:       "invalid_code",
	flow.ProblemTooManyAttempts:   "too_many_attempts",
	flow.ProblemInsufficientScope: "insufficient_scope",
	flow.ProblemNotEnrolled:       "not_enrolled",
	flow.ProblemFactorUnsupported: "factor_unsupported",
	flow.ProblemNoPassword:        "no_password",
	flow.ProblemAccountBlocked:    "account_blocked",
	flow.ProblemAccessExpired:     "access_expired",
	flow.ProblemAccessRefused:     "access_refused",
	flow.ProblemHelpdeskScope:     "missing_scope",
	flow.ProblemUserNotFound:      "user_not_found",
	flow.ProblemHelpdeskGrant:     "helpdesk_grant_not_allowed",
	flow.ProblemNoPushToVerify:    "no_push",
	flow.ProblemBindingMessage:    "bad_binding_message",
	flow.ProblemNoHelpdeskApp:     "helpdesk_not_configured",
	flow.ProblemNoMFAApp:          "mfa_app_not_configured",
}

func authenticatorOf(a auth0.Authenticator) Authenticator {
	return Authenticator{ID: a.ID, Kind: a.Kind(), Type: a.AuthenticatorType, OOBChannel: a.OOBChannel, Name: a.Name, Active: a.Active}
}

func authenticatorsOf(list []auth0.Authenticator) []Authenticator {
	out := make([]Authenticator, len(list))
	for i, a := range list {
		out[i] = authenticatorOf(a)
	}
	return out
}

// tokensOf describes tokens earned at a time; values only when shown.
func tokensOf(tk *auth0.Tokens, at time.Time, show bool) *Tokens {
	out := &Tokens{TokenType: tk.TokenType, Scope: tk.Scope, ExpiresIn: int64(tk.ExpiresIn / time.Second), Issued: []string{}}
	if tk.ExpiresIn > 0 {
		out.ExpiresAt = at.Add(tk.ExpiresIn).UTC().Truncate(time.Second)
	}
	out.Audience = audienceOf(tk.AccessToken)
	for _, v := range []struct {
		name, value string
		field       *string
	}{
		{"access_token", tk.AccessToken, &out.AccessToken},
		{"id_token", tk.IDToken, &out.IDToken},
		{"refresh_token", tk.RefreshToken, &out.RefreshToken},
	} {
		if v.value == "" {
			continue
		}
		out.Issued = append(out.Issued, v.name)
		if show {
			*v.field = v.value
		}
	}
	return out
}

// audienceOf reads the aud claim of a JWT access token; "" for an opaque one.
func audienceOf(accessToken string) string {
	decoded, err := flow.DecodeToken(accessToken)
	if err != nil {
		return ""
	}
	for _, c := range decoded.Claims {
		if c.Name == "aud" {
			return c.Value
		}
	}
	return ""
}
