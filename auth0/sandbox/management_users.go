package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// GET /api/v2/users-by-email, GET /api/v2/users/{id},
// GET /api/v2/users/{id}/enrollments and
// POST /api/v2/users/{id}/recovery-code-regeneration.

func (t *Tenant) handleUsersByEmail(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	if email == "" {
		writeMgmtError(w, invalidQuery("Query validation error: 'Missing required property: email' on property email (Email address to search for (case-sensitive))."))
		return
	}
	t.mu.Lock()
	out := []map[string]any{}
	for _, u := range t.users {
		if u.email == email { // case-sensitive, as Auth0 documents it
			out = append(out, userJSON(u))
		}
	}
	t.mu.Unlock()
	writeJSON(w, http.StatusOK, contentJSONCharset, out)
}

func (t *Tenant) handleGetUser(w http.ResponseWriter, r *http.Request) {
	t.mu.Lock()
	u, e := t.mgmtUserLocked(r)
	var out map[string]any
	if e == nil {
		out = userJSON(u)
	}
	t.mu.Unlock()
	if e != nil {
		writeMgmtError(w, e)
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, out)
}

// handleEnrollments lists the user's confirmed Guardian enrollments: one
// per push device, and one per OTP app enrolled on its own.
func (t *Tenant) handleEnrollments(w http.ResponseWriter, r *http.Request) {
	t.mu.Lock()
	u, e := t.mgmtUserLocked(r)
	out := []map[string]any{}
	if e == nil {
		for _, a := range u.auths {
			if !a.active || a.kind == kindRecovery || (a.kind == kindTOTP && a.twin != nil) {
				continue
			}
			out = append(out, enrollmentJSON(a))
		}
	}
	t.mu.Unlock()
	if e != nil {
		writeMgmtError(w, e)
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, out)
}

func enrollmentJSON(a *authenticator) map[string]any {
	_, id, _ := strings.Cut(a.id, "|")
	out := map[string]any{"id": id, "status": "confirmed", "enrolled_at": mgmtTime(a.enrolled)}
	if a.kind == kindPush {
		out["type"], out["auth_method"], out["name"] = "pn", "guardian", a.name
		if a.device != nil {
			out["identifier"] = a.device.identifier
		}
	} else {
		out["type"], out["auth_method"] = "totp", "authenticator"
	}
	if !a.lastAuth.IsZero() {
		out["last_auth"] = mgmtTime(a.lastAuth)
	}
	return out
}

// handleRecoveryCode replaces the user's recovery code, making one if the
// user had none, as Auth0 does for a user with no factor yet.
func (t *Tenant) handleRecoveryCode(w http.ResponseWriter, r *http.Request) {
	now := t.now()
	t.mu.Lock()
	u, e := t.mgmtUserLocked(r)
	var code string
	if e == nil {
		rc := activeRecovery(u)
		if rc == nil {
			u.auths = slices.DeleteFunc(u.auths, func(a *authenticator) bool { return a.kind == kindRecovery })
			rc = &authenticator{id: "recovery-code|" + newDevID(), kind: kindRecovery, active: true, created: now, enrolled: now}
			u.auths = append(u.auths, rc)
			u.recount()
		}
		rc.code = newRecoveryCode()
		code = rc.code
	}
	t.mu.Unlock()
	if e != nil {
		writeMgmtError(w, e)
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, map[string]string{"recovery_code": code})
}
