package ui

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

// explainLast is the line that links the screen to the API: the last call
// and what its answer means, e.g. "POST /mfa/associate → 200: an
// enrollment ticket, valid 5 minutes".
func (m *Model) explainLast() string {
	if m.opts.Trace == nil || m.current.ID() == screenHome || m.explainHidden() {
		return ""
	}
	n := m.opts.Trace.Len()
	if n == 0 {
		return ""
	}
	if n != m.explained.count {
		entries := m.opts.Trace.Entries()
		ex := entries[len(entries)-1]
		line := trace.Summarize(ex, m.t)
		m.explained.count = n
		m.explained.text = fmt.Sprintf(m.t.Trace.Explained, line.Method, pathPattern(line.Path), statusOf(line), m.meaning(ex, line))
	}
	return m.explained.text
}

// pathPattern hides the authenticator id in a delete's path, to keep the
// line short.
func pathPattern(p string) string {
	if strings.HasPrefix(p, "/mfa/authenticators/") {
		return "/mfa/authenticators/{id}"
	}
	return managementPathPattern(p)
}

// meaning says what an answer means for the flow.
func (m *Model) meaning(ex auth0.Exchange, line trace.Line) string {
	e := m.t.Explain
	if meaning := m.helpdeskMeaning(ex, line); meaning != "" {
		return meaning
	}
	switch {
	case ex.StatusCode == 0:
		return e.Network
	case ex.ErrorCode == auth0.CodeMFARequired:
		return e.MFARequired
	case ex.Grant != "" && ex.StatusCode < 300:
		return e.Tokens
	case ex.Outcome == auth0.OutcomePending:
		return e.Pending
	case ex.Outcome == auth0.OutcomeSlowDown:
		return e.SlowDown
	case ex.Outcome == auth0.OutcomeRejected:
		return e.Rejected
	case ex.Outcome == auth0.OutcomeExpired:
		return e.Expired
	case ex.ErrorCode == auth0.CodeTooManyAttempts: // a block, not a wait
		return e.TooManyAttempts
	case ex.Outcome == auth0.OutcomeRateLimited:
		return e.RateLimited
	case ex.StatusCode >= 300:
		return fmt.Sprintf(e.Error, withDescription(line.Result, ex.ResponseBody))
	case strings.HasSuffix(line.Path, "/mfa/associate"):
		return m.factorMeaning(ex, e.Associate, m.t.Factors.ExplainAssociateCode)
	case strings.HasSuffix(line.Path, "/mfa/challenge"):
		return m.factorMeaning(ex, e.Challenge, m.t.Factors.ExplainChallengeCode)
	case ex.Method == "DELETE":
		return e.Delete
	case strings.HasSuffix(line.Path, "/mfa/authenticators"):
		return e.List
	}
	return line.Result
}

// factorMeaning tells the answers of the factors beside push from the
// push's by their keys: binding_method "prompt" (a code sent by SMS, voice
// or email) or an otp authenticator (the app's secret).
func (m *Model) factorMeaning(ex auth0.Exchange, push, codeSent string) string {
	var answer struct {
		AuthenticatorType string `json:"authenticator_type"`
		BindingMethod     string `json:"binding_method"`
	}
	_ = json.Unmarshal(ex.ResponseBody, &answer) // a body that is not JSON is the push's line's to show
	switch {
	case answer.BindingMethod == auth0.BindingPrompt:
		return codeSent
	case answer.AuthenticatorType == "otp":
		return m.t.Factors.ExplainAssociateApp
	}
	return push
}

// withDescription adds Auth0's error_description to the error code: a
// wrong code reads "invalid_grant: Invalid otp_code.", not a bare
// invalid_grant that a dozen causes share.
func withDescription(code string, body []byte) string {
	var answer struct {
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &answer) != nil || answer.Description == "" {
		return code
	}
	return code + ": " + auth0.CleanText(answer.Description)
}
