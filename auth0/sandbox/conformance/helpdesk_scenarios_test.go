package conformance

import (
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
)

// The helpdesk's scenarios: the Management API with its token, and CIBA.
func init() {
	for name, s := range helpdeskScenarios {
		scenarios[name] = s
	}
}

var helpdeskScenarios = map[string]func(e *env) response{
	"mgmt_client_credentials": func(e *env) response {
		return e.clientCredentials(sandbox.HelpdeskClientID, sandbox.HelpdeskClientSecret)
	},
	"mgmt_client_credentials_not_allowed": func(e *env) response {
		return e.clientCredentials(clientID, clientSecret)
	},
	"mgmt_users_by_email": func(e *env) response {
		return e.call(http.MethodGet, "/api/v2/users-by-email?email="+url.QueryEscape("carol@example.com"), e.helpdesk(), nil)
	},
	"mgmt_user": func(e *env) response {
		return e.call(http.MethodGet, userPath(e.userID(bob)), e.helpdesk(), nil)
	},
	"mgmt_user_unknown": func(e *env) response {
		return e.call(http.MethodGet, userPath("auth0|000000000000000000000000"), e.helpdesk(), nil)
	},
	"mgmt_insufficient_scope": func(e *env) response {
		token := e.mgmtToken(sandbox.LimitedHelpdeskClientID, sandbox.LimitedHelpdeskClientSecret)
		return e.call(http.MethodDelete, userPath(e.userID(bob))+"/authentication-methods", token, nil)
	},
	"mgmt_invalid_token": func(e *env) response {
		return e.call(http.MethodGet, userPath(e.userID(bob)), e.login(bob, "", "openid"), nil)
	},
	"mgmt_methods_list": func(e *env) response {
		return e.call(http.MethodGet, userPath(e.userID(bob))+"/authentication-methods?include_totals=true&per_page=50", e.helpdesk(), nil)
	},
	"mgmt_methods_list_empty": func(e *env) response {
		return e.call(http.MethodGet, userPath(e.userID(alice))+"/authentication-methods?include_totals=true&per_page=50", e.helpdesk(), nil)
	},
	"mgmt_methods_delete": func(e *env) response {
		token := e.helpdesk()
		return e.call(http.MethodDelete, userPath(e.userID(bob))+"/authentication-methods/"+url.PathEscape(e.methodID(token, "push")), token, nil)
	},
	"mgmt_methods_delete_all": func(e *env) response {
		return e.call(http.MethodDelete, userPath(e.userID(bob))+"/authentication-methods", e.helpdesk(), nil)
	},
	"mgmt_enrollments": func(e *env) response {
		return e.call(http.MethodGet, userPath(e.userID(bob))+"/enrollments", e.helpdesk(), nil)
	},
	"mgmt_ticket": func(e *env) response {
		return e.call(http.MethodPost, "/api/v2/guardian/enrollments/ticket", e.helpdesk(),
			map[string]any{"user_id": e.userID(alice), "factor": "push-notification", "allow_multiple_enrollments": true})
	},
	"mgmt_recovery_code": func(e *env) response {
		return e.call(http.MethodPost, userPath(e.userID(bob))+"/recovery-code-regeneration", e.helpdesk(), nil)
	},

	"ciba_authorize": func(e *env) response {
		return e.bcAuthorize(e.userID(bob), nil)
	},
	"ciba_unknown_user": func(e *env) response {
		return e.bcAuthorize("auth0|Random-ID", nil)
	},
	"ciba_no_openid": func(e *env) response {
		return e.bcAuthorize(e.userID(bob), map[string]string{"scope": "profile"})
	},
	"ciba_no_binding_message": func(e *env) response {
		return e.bcAuthorize(e.userID(bob), map[string]string{"binding_message": ""})
	},
	"ciba_bad_binding_message": func(e *env) response {
		return e.bcAuthorize(e.userID(bob), map[string]string{"binding_message": "Helpdesk call 4821"})
	},
	"ciba_pending": func(e *env) response {
		return e.pollCIBA(e.startCIBA())
	},
	"ciba_slow_down": func(e *env) response {
		id := e.startCIBA()
		e.pollCIBA(id)
		e.clock.Advance(time.Second)
		return e.pollCIBA(id)
	},
	"ciba_rejected": func(e *env) response {
		id := e.startCIBA()
		e.answer("reject")
		return e.pollCIBA(id)
	},
	"ciba_expired": func(e *env) response {
		id := e.startCIBA()
		e.clock.Advance(300*time.Second + time.Second)
		return e.pollCIBA(id)
	},
	"ciba_approved": func(e *env) response {
		id := e.startCIBA()
		e.answer("approve")
		return e.pollCIBA(id)
	},
	"ciba_push_payload": func(e *env) response {
		e.startCIBA()
		raw, err := json.Marshal(e.lastNotification().Payload)
		if err != nil {
			e.t.Fatal(err)
		}
		return response{status: http.StatusOK, header: http.Header{}, raw: raw}
	},
}

func userPath(id string) string { return "/api/v2/users/" + url.PathEscape(id) }

// clientCredentials asks for a Management API token, as an SDK does: a
// form with the audience and no scope.
func (e *env) clientCredentials(id, secret string) response {
	e.t.Helper()
	v := url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}, "audience": {e.s.URL + "/api/v2/"}}
	return e.do(http.MethodPost, "/oauth/token", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, []byte(v.Encode()))
}

func (e *env) mgmtToken(id, secret string) string {
	e.t.Helper()
	var out struct {
		AccessToken string `json:"access_token"`
	}
	e.must("client credentials", e.clientCredentials(id, secret), &out)
	return out.AccessToken
}

func (e *env) helpdesk() string {
	return e.mgmtToken(sandbox.HelpdeskClientID, sandbox.HelpdeskClientSecret)
}

// userID is the id of the database-connection user with that email.
func (e *env) userID(email string) string {
	e.t.Helper()
	for _, u := range e.s.Tenant.Directory() {
		if u.Email == email && u.Password != "" {
			return u.UserID
		}
	}
	e.t.Fatalf("no %s", email)
	return ""
}

// methodID is the id of bob's method of a type.
func (e *env) methodID(token, kind string) string {
	e.t.Helper()
	var page struct {
		Authenticators []struct {
			ID   string `json:"id"`
			Type string `json:"type"`
		} `json:"authenticators"`
	}
	e.must("methods", e.call(http.MethodGet, userPath(e.userID(bob))+"/authentication-methods?include_totals=true", token, nil), &page)
	for _, m := range page.Authenticators {
		if m.Type == kind {
			return m.ID
		}
	}
	e.t.Fatalf("bob has no %s method", kind)
	return ""
}

// bcAuthorize posts a CIBA request of the helpdesk application as the SDKs
// send it; extra changes fields ("" removes one).
func (e *env) bcAuthorize(userID string, extra map[string]string) response {
	e.t.Helper()
	hint, _ := json.Marshal(map[string]string{"format": "iss_sub", "iss": e.s.URL + "/", "sub": userID})
	v := url.Values{"client_id": {sandbox.HelpdeskClientID}, "client_secret": {sandbox.HelpdeskClientSecret}, "scope": {"openid"},
		"binding_message": {"Helpdesk-4821"}, "login_hint": {string(hint)}}
	for k, x := range extra {
		if x == "" {
			v.Del(k)
		} else {
			v.Set(k, x)
		}
	}
	return e.do(http.MethodPost, "/bc-authorize", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, []byte(v.Encode()))
}

// startCIBA sends bob a CIBA push and returns its auth_req_id.
func (e *env) startCIBA() string {
	e.t.Helper()
	var out struct {
		AuthReqID string `json:"auth_req_id"`
	}
	e.must("bc-authorize", e.bcAuthorize(e.userID(bob), nil), &out)
	return out.AuthReqID
}

func (e *env) pollCIBA(authReqID string) response {
	e.t.Helper()
	v := url.Values{"grant_type": {"urn:openid:params:grant-type:ciba"}, "client_id": {sandbox.HelpdeskClientID},
		"client_secret": {sandbox.HelpdeskClientSecret}, "auth_req_id": {authReqID}}
	return e.do(http.MethodPost, "/oauth/token", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, []byte(v.Encode()))
}
