package sandbox

import (
	"net/http"
	"slices"
)

type authenticatorJSON struct {
	ID         string `json:"id"`
	Type       string `json:"authenticator_type"`
	Active     bool   `json:"active"`
	OOBChannel string `json:"oob_channel,omitempty"`
	Name       string `json:"name,omitempty"`
}

func (t *Tenant) handleListAuthenticators(w http.ResponseWriter, r *http.Request) {
	t.mu.Lock()
	pr, e := t.authenticate(r, t.baseURL(r), t.now())
	if e == nil && !pr.mfaOnly {
		e = pr.requireScope("read:authenticators")
	}
	var list []authenticatorJSON
	if e == nil {
		list = make([]authenticatorJSON, 0, len(pr.user.auths))
		for _, a := range pr.user.auths {
			j := authenticatorJSON{ID: a.id, Type: a.typeName(), Active: a.active, Name: a.name, OOBChannel: channelOf[a.kind]}
			list = append(list, j)
		}
	}
	t.mu.Unlock()
	if e != nil {
		writeError(w, e)
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, list)
}

func (t *Tenant) handleDeleteAuthenticator(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	t.mu.Lock()
	pr, e := t.authenticate(r, t.baseURL(r), t.now())
	if e == nil {
		e = pr.requireScope("remove:authenticators")
	}
	var removed string
	if e == nil {
		removed, e = t.deleteAuthenticatorLocked(pr.user, id)
	}
	phone := t.phone
	t.mu.Unlock()
	if e != nil {
		writeError(w, e)
		return
	}
	if phone != nil && removed != "" {
		phone.forgetDevice(removed)
	}
	w.Header().Set("Content-Type", contentJSON) // as Auth0's 204 carries it, body or not
	w.WriteHeader(http.StatusNoContent)
}

// deleteAuthenticatorLocked removes an authenticator and its twin, and
// returns the id of the device account that went with them, if any.
func (t *Tenant) deleteAuthenticatorLocked(u *user, id string) (string, *apiError) {
	i := slices.IndexFunc(u.auths, func(a *authenticator) bool { return a.id == id })
	if i < 0 {
		return "", newError(http.StatusNotFound, "not_found", "Authenticator not found")
	}
	if u.auths[i].kind == kindRecovery {
		return "", newError(http.StatusForbidden, "access_denied", "Recovery codes can only be removed by an administrator, through the Management API")
	}
	if devices := t.removeAuthenticatorsLocked(u, u.auths[i:i+1]); len(devices) > 0 {
		return devices[0], nil
	}
	return "", nil
}
