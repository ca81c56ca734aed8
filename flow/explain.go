package flow

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// The words for problems and kinds of authenticator live here rather than
// in a front end, so that the TUI and the plain mode say the same thing.

// ProblemText picks the title and fix for a kind of problem.
func ProblemText(c *i18n.Catalog, k ProblemKind) i18n.ProblemText {
	p := c.Problem
	switch k {
	case ProblemWrongCredentials:
		return p.WrongCredentials
	case ProblemGrantNotAllowed:
		return p.GrantNotAllowed
	case ProblemBadClient:
		return p.BadClient
	case ProblemMFANotRequired:
		return p.MFANotRequired
	case ProblemUnreachable:
		return p.Unreachable
	case ProblemTLS:
		return p.TLS
	case ProblemRateLimited:
		return p.RateLimited
	case ProblemServer:
		return p.Server
	case ProblemAlreadyEnrolled:
		return p.AlreadyEnrolled
	case ProblemTokenExpired:
		return p.TokenExpired
	case ProblemTokenInvalid:
		return p.TokenInvalid
	case ProblemInvalidCode:
		return p.InvalidCode
	case ProblemTooManyAttempts:
		return p.TooManyAttempts
	case ProblemInsufficientScope:
		return p.InsufficientScope
	case ProblemNotEnrolled:
		return p.NotEnrolled
	case ProblemFactorUnsupported:
		return p.FactorUnsupported
	case ProblemNoPassword:
		return p.NoPassword
	case ProblemAccountBlocked:
		return p.AccountBlocked
	case ProblemAccessExpired:
		return p.AccessExpired
	case ProblemAccessRefused:
		return p.AccessRefused
	case ProblemHelpdeskScope:
		return c.Helpdesk.Problem.Scope
	case ProblemUserNotFound:
		return c.Helpdesk.Problem.UserNotFound
	case ProblemHelpdeskGrant:
		return c.Helpdesk.Problem.Grant
	case ProblemNoPushToVerify:
		return c.Helpdesk.Problem.NoPush
	case ProblemBindingMessage:
		return c.Helpdesk.Problem.BindingMessage
	case ProblemNoHelpdeskApp:
		return i18n.ProblemText{Title: c.Helpdesk.Problem.NoAppTitle, Fix: c.Helpdesk.Problem.NoApplication}
	case ProblemNoMFAApp:
		return p.NoMFAApp
	}
	return p.Unknown
}

// ProblemTextOn is ProblemText on a tenant that may be the built-in
// sandbox, whose way out of a problem can differ from Auth0's: it sends no
// email to unblock an account, restarting it starts afresh, and only there
// do the demo users' passwords help after a wrong one.
func ProblemTextOn(c *i18n.Catalog, k ProblemKind, sandbox bool) i18n.ProblemText {
	text := ProblemText(c, k)
	switch {
	case !sandbox:
	case k == ProblemAccountBlocked:
		text.Fix = c.Problem.AccountBlockedOnSandbox
	case k == ProblemWrongCredentials:
		text.Fix += " " + c.Problem.SandboxUsers
	}
	return text
}

// ProblemDetail is Auth0's answer as it came, or what failed when no answer
// came; "" when there is nothing to add to the title.
func ProblemDetail(c *i18n.Catalog, p Problem) string {
	if e := p.Err; e != nil {
		if e.StatusCode != 0 {
			answer := e.Code
			if e.Description != "" {
				answer = strings.TrimSpace(answer + " " + fmt.Sprintf(c.Problem.Quoted, e.Description))
			}
			if answer == "" && e.Err != nil {
				answer = failureText(c, e.Err)
			}
			return fmt.Sprintf(c.Problem.ServerSaid, answer, e.StatusCode)
		}
		if e.Err != nil {
			return fmt.Sprintf(c.Problem.NoAnswer, failureText(c, e.Err))
		}
	}
	return p.Text
}

// failureText words what went wrong with an answer in the user's language
// when the client named it; other failures (the network's own) keep their
// words.
func failureText(c *i18n.Catalog, err error) string {
	var timeout *auth0.TimeoutError
	switch {
	case errors.As(err, &timeout):
		return fmt.Sprintf(c.Problem.TimedOut, c.FormatDuration(timeout.After))
	case errors.Is(err, auth0.ErrEmptyBody):
		return c.Problem.EmptyBody
	case errors.Is(err, auth0.ErrHTMLPage):
		return c.Problem.HTMLPage
	case errors.Is(err, auth0.ErrNotJSON):
		return c.Problem.NotJSON
	case errors.Is(err, auth0.ErrTooLarge):
		return c.Problem.TooLarge
	}
	return err.Error()
}

// PhoneName names a simulated phone after its user ("Alice's phone"), as
// a person names the phone Guardian runs on.
func PhoneName(c *i18n.Catalog, username string) string {
	name, _, _ := strings.Cut(username, "@")
	name, _, _ = strings.Cut(name, ".")
	if name == "" {
		name = "mfapush"
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	format := c.Phone.DeviceName
	if strings.ContainsRune("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ", r[0]) {
		format = c.Phone.DeviceNameElided
	}
	return fmt.Sprintf(format, string(r))
}

// KindName names a kind of authenticator.
func KindName(c *i18n.Catalog, k auth0.Kind) string { return c.List.Kinds.Of(string(k)) }

// EnrollmentStatus is a Guardian enrollment's status in the user's words:
// the Management API's "confirmed" and "pending" (auth0/management), else
// as the tenant wrote it.
func EnrollmentStatus(c *i18n.Catalog, status string) string {
	switch status {
	case "confirmed":
		return c.Helpdesk.Card.Confirmed
	case "pending":
		return c.Helpdesk.Card.Pending
	}
	return auth0.CleanText(status)
}
