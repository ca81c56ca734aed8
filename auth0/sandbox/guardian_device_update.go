package sandbox

import (
	"encoding/json"
	"net/http"
)

// PATCH /appliance-mfa/api/device-accounts/{id}: a device updates what it
// told the tenant when it enrolled, as the Guardian SDKs do when the
// phone's push token or the app's name for it changes. The answer is the
// device account.

// deviceUpdate is a decoded PATCH body; nil fields are left as they are.
type deviceUpdate struct {
	Identifier      *string          `json:"identifier"`
	Name            *string          `json:"name"`
	PushCredentials *pushCredentials `json:"push_credentials"`
}

type pushCredentials struct {
	Service string `json:"service"`
	Token   string `json:"token"`
}

// deviceAccountJSON is the device account as the PATCH answer shows it.
type deviceAccountJSON struct {
	ID              string           `json:"id"`
	Identifier      string           `json:"identifier"`
	Name            string           `json:"name"`
	PushCredentials *pushCredentials `json:"push_credentials,omitempty"`
}

func decodeDeviceUpdate(body []byte) (deviceUpdate, []string, *guardianError) {
	names, ge := objectFieldNames(body)
	if ge != nil {
		return deviceUpdate{}, nil, ge
	}
	var u deviceUpdate
	if err := json.Unmarshal(body, &u); err != nil {
		return u, names, invalidBody("A field has the wrong type: identifier and name are strings, push_credentials an object of strings")
	}
	if u.Identifier != nil {
		if *u.Identifier = clean(*u.Identifier, 256); *u.Identifier == "" {
			return u, names, invalidBody("identifier cannot be empty")
		}
	}
	if u.Name != nil {
		if *u.Name = clean(*u.Name, 100); *u.Name == "" {
			return u, names, invalidBody("name cannot be empty")
		}
	}
	if pc := u.PushCredentials; pc != nil {
		pc.Service, pc.Token = clean(pc.Service, 32), clean(pc.Token, 4096)
	}
	return u, names, nil
}

func (t *Tenant) handleGuardianUpdateDevice(w http.ResponseWriter, r *http.Request) {
	access, ge := deviceAccess(r, t.baseURL(r))
	if ge != nil {
		writeGuardianError(w, ge)
		return
	}
	update, ok := readGuardianRequest(w, r, decodeDeviceUpdate)
	if !ok {
		return
	}
	t.mu.Lock()
	dev, ge := t.deviceLocked(r.PathValue("id"), access, t.now())
	var out deviceAccountJSON
	if ge == nil {
		out = dev.apply(update)
	}
	t.mu.Unlock()
	if ge != nil {
		writeGuardianError(w, ge)
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, out)
}

// apply updates the device account (its push authenticator's name with
// it) and returns it as the answer shows it. The caller holds t.mu.
func (d *deviceAccount) apply(u deviceUpdate) deviceAccountJSON {
	if u.Identifier != nil {
		d.identifier = *u.Identifier // the iss of its next challenge responses
	}
	if u.Name != nil {
		d.name, d.push.name = *u.Name, *u.Name
	}
	if pc := u.PushCredentials; pc != nil {
		d.pushService, d.pushToken = pc.Service, pc.Token // where its next pushes go
	}
	out := deviceAccountJSON{ID: d.id, Identifier: d.identifier, Name: d.name}
	if d.pushService != "" || d.pushToken != "" {
		out.PushCredentials = &pushCredentials{Service: d.pushService, Token: d.pushToken}
	}
	return out
}
