package flow

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/internal/i18n"
)

// DiagnoseHelpdesk is Diagnose for the helpdesk's steps: a 403 names the
// scope the helpdesk application lacks, a 404 an unknown user, and a
// refused grant or a push with nowhere to go says so in the helpdesk's
// terms.
func DiagnoseHelpdesk(err error) Problem {
	var binding *auth0.BindingMessageError
	if errors.As(err, &binding) {
		return Problem{Kind: ProblemBindingMessage} // the fix states the rule in the user's language
	}
	p := Diagnose(err)
	me, isManagement := management.AsError(err)
	switch {
	case isManagement && me.Kind == management.KindInsufficientScope:
		p.Kind, p.Scopes = ProblemHelpdeskScope, me.Scopes
	case isManagement && me.Action == management.GetToken && p.Err != nil && p.Err.StatusCode == 403:
		// The application is not authorized for the Management API at all.
		p.Kind = ProblemHelpdeskScope
	case isManagement && me.Kind == management.KindNotFound:
		p.Kind = ProblemUserNotFound
	case p.Kind == ProblemGrantNotAllowed:
		p.Kind = ProblemHelpdeskGrant
	case p.Err != nil && p.Err.Op == "POST /bc-authorize" && p.Err.Code == "unknown_user_id":
		p.Kind = ProblemUserNotFound
	case p.Err != nil && p.Err.Op == "POST /bc-authorize" && strings.Contains(strings.ToLower(p.Err.Description), "enrollment"):
		p.Kind = ProblemNoPushToVerify
	}
	return p
}

// HelpdeskProblemText is a helpdesk problem's title and fix, the missing
// scope and the dashboard place that grants it filled in.
func HelpdeskProblemText(c *i18n.Catalog, p Problem, sandbox bool) i18n.ProblemText {
	text := ProblemTextOn(c, p.Kind, sandbox)
	if p.Kind == ProblemHelpdeskScope {
		scopes := strings.Join(p.Scopes, " ")
		if scopes == "" {
			text.Fix = fmt.Sprintf(c.Helpdesk.Problem.NotAuthorized, management.DashboardPlace)
		} else {
			text.Fix = fmt.Sprintf(text.Fix, scopes, management.DashboardPlace)
		}
	}
	return text
}
