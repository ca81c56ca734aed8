package management

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/mfapush/mfapush/auth0"
)

// Kind is what a failure of the Management API means for the caller.
type Kind uint8

const (
	// KindFatal: an answer that asking again will not change (a bad
	// request, a malformed answer). The zero value.
	KindFatal Kind = iota
	// KindNotFound: the user or the authentication method does not exist.
	KindNotFound
	// KindInsufficientScope: the application lacks a scope (Error.Scopes).
	KindInsufficientScope
	// KindUnauthorized: the application's credentials or its token were
	// refused.
	KindUnauthorized
	// KindRateLimited: HTTP 429; Error.Err.RateLimit says how long to wait.
	KindRateLimited
	// KindTransient: a network failure, a 5xx or a body that is not JSON.
	KindTransient
)

var kindNames = [...]string{"fatal", "not_found", "insufficient_scope", "unauthorized", "rate_limited", "transient"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Error is every failure of a Management API action.
type Error struct {
	Kind   Kind
	Action Action
	// Scopes are what to grant after an insufficient_scope answer: the
	// action's scope when Auth0 names it among those it expects
	// ("Insufficient scope, expected any of: …"; the others are for tokens
	// of users, not applications), else those Auth0 names.
	Scopes []string
	// Err is the answer, or the failure to get one: its status, errorCode,
	// message and rate-limit headers.
	Err *auth0.Error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Action.Name)
	switch e.Kind {
	case KindInsufficientScope:
		fmt.Fprintf(&b, ": the helpdesk application lacks the %s scope: grant it in the Auth0 Dashboard, %s", strings.Join(e.Scopes, " or "), DashboardPlace)
	case KindNotFound:
		b.WriteString(": not found")
	}
	if e.Err != nil {
		b.WriteString(" (" + e.Err.Error() + ")")
	}
	return b.String()
}

func (e *Error) Unwrap() error {
	if e.Err == nil {
		return nil
	}
	return e.Err
}

// AsError returns err as an *Error when it is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// KindOf classifies any error of this package; nil is KindFatal's zero
// meaning only when err is not nil.
func KindOf(err error) Kind {
	if e, ok := AsError(err); ok {
		return e.Kind
	}
	return KindFatal
}

// expectedPrefix starts the message of Auth0's insufficient_scope answers.
const expectedPrefix = "Insufficient scope, expected any of:"

// classify turns a failure of the auth0 client into an *Error.
func classify(action Action, err error) error {
	if err == nil {
		return nil
	}
	ae, ok := auth0.AsError(err)
	if !ok {
		return &Error{Kind: KindFatal, Action: action, Err: &auth0.Error{Op: action.Op, Outcome: auth0.OutcomeFatal, Err: err}}
	}
	e := &Error{Action: action, Err: ae}
	switch {
	case ae.Outcome == auth0.OutcomeRateLimited:
		e.Kind = KindRateLimited
	case ae.Outcome == auth0.OutcomeTransient:
		e.Kind = KindTransient
	case ae.StatusCode == http.StatusNotFound:
		e.Kind = KindNotFound
	case ae.StatusCode == http.StatusForbidden && (ae.Code == "insufficient_scope" || strings.HasPrefix(ae.Description, expectedPrefix)):
		e.Kind, e.Scopes = KindInsufficientScope, missingScopes(ae.Description, action)
	case ae.StatusCode == http.StatusUnauthorized:
		e.Kind = KindUnauthorized
	}
	return e
}

// missingScopes reads what to grant from an insufficient_scope answer.
func missingScopes(message string, action Action) []string {
	rest, ok := strings.CutPrefix(message, expectedPrefix)
	if !ok {
		return Scopes(action)
	}
	var named []string
	for _, s := range strings.Split(rest, ",") {
		if s = CleanScope(s); s != "" {
			if s == action.Scope {
				return []string{s}
			}
			named = append(named, s)
		}
	}
	if len(named) == 0 {
		return Scopes(action)
	}
	return named
}

// CleanScope trims a scope name from an answer and refuses one that is no
// scope (a scope is a word such as read:users), so that a server's text
// cannot pass for one.
func CleanScope(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789:_-.") != "" {
		return ""
	}
	return s
}
