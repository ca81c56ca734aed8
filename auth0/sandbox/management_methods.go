package sandbox

import (
	"net/http"
	"slices"
	"strconv"
)

// GET and DELETE /api/v2/users/{id}/authentication-methods, and DELETE of
// one method.

// methodJSON is an authentication method as the Management API shows it.
func methodJSON(a *authenticator) map[string]any {
	types := map[authKind]string{kindPush: "push", kindTOTP: "totp", kindRecovery: "recovery-code"}
	out := map[string]any{"id": a.id, "type": types[a.kind], "confirmed": a.active, "created_at": mgmtTime(a.created)}
	if a.name != "" {
		out["name"] = a.name
	}
	if a.twin != nil { // push and its TOTP twin are deleted together
		out["link_id"] = a.twin.id
	}
	if !a.enrolled.IsZero() {
		out["enrolled_at"] = mgmtTime(a.enrolled)
	}
	if !a.lastAuth.IsZero() {
		out["last_auth_at"] = mgmtTime(a.lastAuth)
	}
	return out
}

const maxPerPage = 100

// pageQuery reads page, per_page and include_totals.
func pageQuery(r *http.Request) (page, perPage int, totals bool, e *mgmtError) {
	q := r.URL.Query()
	number := func(name string, def, least, most int) int {
		v := q.Get(name)
		if v == "" || e != nil {
			return def
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < least || n > most {
			e = invalidQuery("Query validation error: '" + name + "' must be a whole number from " + strconv.Itoa(least) + " to " + strconv.Itoa(most) + ".")
		}
		return n
	}
	page = number("page", 0, 0, 1<<20)
	perPage = number("per_page", 50, 1, maxPerPage)
	switch q.Get("include_totals") {
	case "", "false":
	case "true":
		totals = true
	default:
		e = invalidQuery("Query validation error: 'include_totals' must be true or false.")
	}
	return page, perPage, totals, e
}

func (t *Tenant) handleListMethods(w http.ResponseWriter, r *http.Request) {
	page, perPage, totals, e := pageQuery(r)
	if e != nil {
		writeMgmtError(w, e)
		return
	}
	t.mu.Lock()
	u, e := t.mgmtUserLocked(r)
	var all []map[string]any
	if e == nil {
		for _, a := range u.auths {
			all = append(all, methodJSON(a))
		}
	}
	t.mu.Unlock()
	if e != nil {
		writeMgmtError(w, e)
		return
	}
	start := min(page*perPage, len(all))
	list := all[start:min(start+perPage, len(all))]
	if list == nil {
		list = []map[string]any{}
	}
	if !totals {
		writeJSON(w, http.StatusOK, contentJSONCharset, list)
		return
	}
	out := map[string]any{"authenticators": list, "start": page * perPage, "limit": perPage}
	if len(all) > 0 { // Auth0 leaves total out of an empty list
		out["total"] = len(all)
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, out)
}

var errMethodUnknown = mgmtErr(http.StatusNotFound, "inexistent_authentication_method", "The authentication method does not exist.")

func (t *Tenant) handleDeleteMethod(w http.ResponseWriter, r *http.Request) {
	t.deleteMethods(w, r, func(u *user) ([]*authenticator, *mgmtError) {
		i := slices.IndexFunc(u.auths, func(a *authenticator) bool { return a.id == r.PathValue("method") })
		if i < 0 {
			return nil, errMethodUnknown
		}
		return []*authenticator{u.auths[i]}, nil
	})
}

func (t *Tenant) handleDeleteAllMethods(w http.ResponseWriter, r *http.Request) {
	t.deleteMethods(w, r, func(u *user) ([]*authenticator, *mgmtError) { return slices.Clone(u.auths), nil })
}

// deleteMethods removes the methods pick chooses, each with its twin, and
// the device accounts that go with them; the phone forgets those devices.
func (t *Tenant) deleteMethods(w http.ResponseWriter, r *http.Request, pick func(*user) ([]*authenticator, *mgmtError)) {
	t.mu.Lock()
	u, e := t.mgmtUserLocked(r)
	var gone []string
	if e == nil {
		var doomed []*authenticator
		if doomed, e = pick(u); e == nil {
			gone = t.removeAuthenticatorsLocked(u, doomed)
		}
	}
	phone := t.phone
	t.mu.Unlock()
	if e != nil {
		writeMgmtError(w, e)
		return
	}
	if phone != nil {
		for _, id := range gone {
			phone.forgetDevice(id)
		}
	}
	w.Header().Set("Content-Type", contentJSONCharset)
	w.WriteHeader(http.StatusNoContent)
}

// removeAuthenticatorsLocked removes authenticators with their twins and
// pending enrollments, and returns the ids of the device accounts that
// went with them. The caller holds t.mu.
func (t *Tenant) removeAuthenticatorsLocked(u *user, doomed []*authenticator) []string {
	var devices []string
	for _, a := range doomed {
		for _, x := range []*authenticator{a, a.twin} {
			if x == nil {
				continue
			}
			if d := x.device; d != nil && t.devices[d.id] == d {
				delete(t.devices, d.id)
				devices = append(devices, d.id)
			}
			if en := x.group; en != nil && en.ticket != "" {
				delete(t.enrollments, en.ticket)
				if tx := t.oobs[en.oobCode]; tx != nil {
					t.forgetOOB(tx)
				}
			}
		}
	}
	u.auths = slices.DeleteFunc(u.auths, func(x *authenticator) bool {
		return slices.ContainsFunc(doomed, func(a *authenticator) bool { return x == a || x == a.twin })
	})
	u.recount()
	return devices
}
