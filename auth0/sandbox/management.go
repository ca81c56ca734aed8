package sandbox

import (
	"errors"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// The Management API (/api/v2/), as far as a helpdesk needs it: users,
// their authentication methods and Guardian enrollments, enrollment
// tickets and recovery codes. Its errors are
// {statusCode, error, message, errorCode}, and each endpoint needs a
// scope of the client_credentials token that calls it.

// mgmtError is a Management API error answer.
type mgmtError struct {
	status  int
	code    string // errorCode; "" where Auth0 sends none
	message string
	header  http.Header
	extra   map[string]any // more keys of the body
}

func mgmtErr(status int, code, message string) *mgmtError {
	return &mgmtError{status: status, code: code, message: message}
}

func writeMgmtError(w http.ResponseWriter, e *mgmtError) {
	setHeaders(w, e.header)
	body := statusBody(e.status, e.code, e.message)
	for k, v := range e.extra {
		body[k] = v
	}
	writeJSON(w, e.status, contentJSONCharset, body)
}

var (
	errUserUnknown = mgmtErr(http.StatusNotFound, "inexistent_user", "The user does not exist.")
	errMgmtMissing = mgmtErr(http.StatusUnauthorized, "", "Missing authentication")
	// Auth0 has been seen answering a bad token with the reason repeated
	// under attributes.
	errMgmtBadToken = &mgmtError{status: http.StatusUnauthorized, message: "Invalid token", extra: map[string]any{"attributes": map[string]string{"error": "Invalid token"}}}
	errMgmtExpired  = &mgmtError{status: http.StatusUnauthorized, message: "Expired token received for JSON Web Token validation", extra: map[string]any{"attributes": map[string]string{"error": "Expired token received for JSON Web Token validation"}}}
)

func invalidBodyMgmt(message string) *mgmtError {
	return mgmtErr(http.StatusBadRequest, "invalid_body", message)
}

func invalidQuery(message string) *mgmtError {
	return mgmtErr(http.StatusBadRequest, "invalid_query_string", message)
}

// mgmtAuthorize checks the request's Bearer: a token of this tenant for
// the Management API holding one of anyOf.
func (t *Tenant) mgmtAuthorize(r *http.Request, anyOf ...string) *mgmtError {
	token, ok := bearer(r)
	if !ok {
		return errMgmtMissing
	}
	base := t.baseURL(r)
	claims, err := t.signer.verify(token, base+"/", managementAudience(base), t.now())
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return errMgmtExpired
	case err != nil:
		return errMgmtBadToken
	}
	scope, _ := claims["scope"].(string)
	for _, s := range anyOf {
		if hasScope(scope, s) {
			return nil
		}
	}
	return mgmtErr(http.StatusForbidden, "insufficient_scope", "Insufficient scope, expected any of: "+strings.Join(anyOf, ","))
}

// mgmtUserLocked finds the user of a path's {id}. The caller holds t.mu.
func (t *Tenant) mgmtUserLocked(r *http.Request) (*user, *mgmtError) {
	if u := t.usersByID[r.PathValue("id")]; u != nil {
		return u, nil
	}
	return nil, errUserUnknown
}

// mgmtTime writes a time as the Management API does: UTC, milliseconds.
func mgmtTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// userJSON is a user as GET /api/v2/users/{id} shows it. The caller holds t.mu.
func userJSON(u *user) map[string]any {
	provider, idpID, _ := strings.Cut(u.id, "|")
	nickname, _, _ := strings.Cut(u.email, "@")
	out := map[string]any{
		"user_id": u.id, "email": u.email, "email_verified": true, "name": u.name, "nickname": nickname,
		"created_at": mgmtTime(u.created), "updated_at": mgmtTime(u.created),
		"identities": []map[string]any{{
			"connection": u.connection, "user_id": idpID, "provider": provider, "isSocial": u.connection != connection,
		}},
	}
	if !u.lastLogin.IsZero() {
		out["last_login"], out["last_ip"], out["logins_count"] = mgmtTime(u.lastLogin), u.lastIP, u.logins
		out["updated_at"] = mgmtTime(u.lastLogin)
	}
	if hasActiveFactor(u) {
		out["multifactor"] = []string{"guardian"}
	}
	return out
}

// noteLoginLocked records a sign-in that got its tokens. The caller holds t.mu.
func noteLoginLocked(u *user, r *http.Request, now time.Time) {
	u.lastLogin, u.logins = now, u.logins+1
	u.lastIP = clientIP(r)
}

func clientIP(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// mgmtRoute serves one Management API endpoint: the scope check first, as
// Auth0 makes it before it looks at the request.
func (t *Tenant) mgmtRoute(scopes []string, h func(w http.ResponseWriter, r *http.Request)) http.HandlerFunc {
	scopes = slices.Clone(scopes)
	return func(w http.ResponseWriter, r *http.Request) {
		if e := t.mgmtAuthorize(r, scopes...); e != nil {
			writeMgmtError(w, e)
			return
		}
		h(w, r)
	}
}
