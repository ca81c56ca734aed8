package sandbox

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"
)

const (
	grantPassword          = "password"
	grantPasswordRealm     = "http://auth0.com/oauth/grant-type/password-realm"
	grantMFAOOB            = "http://auth0.com/oauth/grant-type/mfa-oob"
	grantMFAOTP            = "http://auth0.com/oauth/grant-type/mfa-otp"
	grantMFARecoveryCode   = "http://auth0.com/oauth/grant-type/mfa-recovery-code"
	grantClientCredentials = "client_credentials"
	grantCIBA              = "urn:openid:params:grant-type:ciba"
)

// tokenRequest is a decoded POST /oauth/token.
type tokenRequest struct {
	params
	grant string
}

// decodeTokenRequest checks the grant type.
func decodeTokenRequest(p params) (tokenRequest, *apiError) {
	grant, e := p.required("grant_type")
	if e != nil {
		return tokenRequest{}, e
	}
	switch grant {
	case grantPassword, grantPasswordRealm, grantMFAOOB, grantMFAOTP, grantMFARecoveryCode, grantClientCredentials, grantCIBA:
	default:
		// Auth0 names the grant it refused, not the ones it offers.
		return tokenRequest{}, newError(http.StatusBadRequest, "unsupported_grant_type", "Unsupported grant type: "+grant)
	}
	return tokenRequest{params: p, grant: grant}, nil
}

// clientAuth checks client_id and client_secret from the body or HTTP
// Basic and returns the application. needSecret is false where Auth0
// accepts a public client.
func clientAuth(p params, authorization string, needSecret bool) (*Application, *apiError) {
	id, e := p.str("client_id")
	if e != nil {
		return nil, e
	}
	secret, e := p.str("client_secret")
	if e != nil {
		return nil, e
	}
	if scheme, creds, ok := strings.Cut(authorization, " "); ok && strings.EqualFold(scheme, "Basic") {
		r := &http.Request{Header: http.Header{"Authorization": {"Basic " + strings.TrimSpace(creds)}}}
		user, pass, ok := r.BasicAuth()
		if !ok {
			return nil, errUnauthorizedClient
		}
		// RFC 6749 2.3.1: the id and secret are form-encoded before Basic.
		if u, err := url.QueryUnescape(user); err == nil {
			user = u
		}
		if s, err := url.QueryUnescape(pass); err == nil {
			pass = s
		}
		if id != "" && id != user {
			return nil, invalidRequest("client_id in the body differs from the one in HTTP Basic")
		}
		id, secret = user, pass
	}
	if id == "" {
		return nil, missingParam("client_id")
	}
	app := application(id)
	if app == nil {
		return nil, errUnauthorizedClient
	}
	if (secret != "" || needSecret) && subtle.ConstantTimeCompare([]byte(secret), []byte(app.ClientSecret)) != 1 {
		return nil, errUnauthorizedClient
	}
	return app, nil
}

func (t *Tenant) handleToken(w http.ResponseWriter, r *http.Request) {
	p, e := readParams(w, r, true)
	if e != nil {
		writeError(w, e)
		return
	}
	req, e := decodeTokenRequest(p)
	if e != nil {
		writeError(w, e)
		return
	}
	if req.grant == grantMFAOOB {
		// Rate-limit headers go on every answer of this grant, so the
		// limit is taken before anything else is checked.
		t.oobGrant(w, r, req)
		return
	}
	app, e := clientAuth(p, r.Header.Get("Authorization"), true)
	if e == nil && !app.allows(req.grant) {
		e = grantNotAllowed(req.grant)
	}
	if e != nil {
		writeError(w, e)
		return
	}
	switch req.grant {
	case grantClientCredentials:
		t.clientCredentialsGrant(w, r, req, app)
	case grantCIBA:
		t.cibaGrant(w, r, req, app)
	case grantPassword, grantPasswordRealm:
		t.passwordGrant(w, r, req)
	case grantMFAOTP:
		t.lockedGrant(w, r, req, t.otpLocked)
	case grantMFARecoveryCode:
		t.lockedGrant(w, r, req, t.recoveryLocked)
	}
}

var errWrongPassword = newError(http.StatusForbidden, "invalid_grant", "Wrong email or password.")

func (t *Tenant) passwordGrant(w http.ResponseWriter, r *http.Request, req tokenRequest) {
	var fields [4]string
	for i, name := range []string{"username", "password"} {
		v, e := req.required(name)
		if e != nil {
			writeError(w, e)
			return
		}
		fields[i] = v
	}
	for i, name := range []string{"audience", "scope"} {
		v, e := req.str(name)
		if e != nil {
			writeError(w, e)
			return
		}
		fields[2+i] = v
	}
	if req.grant == grantPasswordRealm {
		realm, e := req.required("realm")
		if e != nil {
			writeError(w, e)
			return
		}
		if realm != connection {
			writeError(w, invalidRequest("Unknown realm: the sandbox's only connection is "+connection))
			return
		}
	}
	username, password, audience, scope := fields[0], fields[1], fields[2], fields[3]
	t.signer.warm() // tokens may follow soon
	now := t.now()
	t.mu.Lock()
	u := t.usersByEmail[strings.ToLower(strings.TrimSpace(username))]
	e := errWrongPassword
	if u != nil {
		e = t.checkPasswordLocked(u, password, loginKey(u, r), now)
	}
	if e != nil {
		t.mu.Unlock()
		writeError(w, e)
		return
	}
	token := t.newSession(u, audience, scope, now)
	requirements := requirementsLocked(u)
	t.mu.Unlock()
	writeJSON(w, http.StatusForbidden, contentJSONCharset, map[string]any{
		"error": "mfa_required", "error_description": "Multifactor authentication required", "mfa_token": token,
		"mfa_requirements": requirements,
	})
}
