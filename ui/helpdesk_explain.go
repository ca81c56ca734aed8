package ui

import (
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

// helpdeskMeaning says what a helpdesk call's success means; "" for
// another call, or a failure (the common words say those).
func (m *Model) helpdeskMeaning(ex auth0.Exchange, line trace.Line) string {
	if ex.StatusCode < 200 || ex.StatusCode >= 300 {
		return ""
	}
	e := m.t.Helpdesk.Explain
	p := line.Path
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	switch {
	case ex.Grant == auth0.GrantClientCredentials:
		return e.Token
	case ex.Grant == auth0.GrantCIBA:
		return e.Approved
	case p == "/bc-authorize":
		return e.Sent
	case !strings.HasPrefix(p, "/api/v2/"):
		return ""
	case ex.Method == "DELETE":
		return e.Deleted
	case strings.HasSuffix(p, "/users-by-email"):
		return e.Users
	case strings.HasSuffix(p, "/authentication-methods"):
		return e.Methods
	case strings.HasSuffix(p, "/enrollments"):
		return e.Enrollments
	case strings.HasSuffix(p, "/enrollments/ticket"):
		return e.Ticket
	case strings.HasSuffix(p, "/recovery-code-regeneration"):
		return e.RecoveryCode
	case strings.HasPrefix(p, "/api/v2/users/"):
		return e.User
	}
	return ""
}

// managementPathPattern hides the ids in a Management API path, to keep
// the line short: /api/v2/users/{id}/authentication-methods/{id}.
func managementPathPattern(p string) string {
	rest, ok := strings.CutPrefix(p, "/api/v2/users/")
	if !ok {
		return p
	}
	parts := strings.Split(rest, "/")
	parts[0] = "{id}"
	if len(parts) == 3 {
		parts[2] = "{id}"
	}
	return "/api/v2/users/" + strings.Join(parts, "/")
}
