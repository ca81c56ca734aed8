package sandbox

import (
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// The client_credentials grant: an application asks for a token for the
// Management API, with no scope, and gets every scope it was granted.

// managementAudience is the Management API's identifier on this tenant.
func managementAudience(base string) string { return base + "/api/v2/" }

func (t *Tenant) clientCredentialsGrant(w http.ResponseWriter, r *http.Request, req tokenRequest, app *Application) {
	audience, e := req.str("audience")
	if e != nil {
		writeError(w, e)
		return
	}
	base, now := t.baseURL(r), t.now()
	switch {
	case audience == "":
		writeError(w, newError(http.StatusForbidden, "access_denied", "No audience parameter was provided, and no default audience has been configured"))
		return
	case audience != managementAudience(base):
		writeError(w, newError(http.StatusForbidden, "access_denied", "Service not enabled within domain: "+audience))
		return
	}
	scope := strings.Join(app.Scopes, " ")
	lifetime := t.opts.AccessTokenLifetime
	token, err := t.signer.sign(jwt.MapClaims{
		"iss": base + "/", "sub": app.ClientID + "@clients", "aud": audience, "azp": app.ClientID,
		"scope": scope, "gty": "client-credentials", "iat": now.Unix(), "exp": now.Add(lifetime).Unix(),
	})
	if err != nil {
		writeError(w, newError(http.StatusInternalServerError, "server_error", "Could not sign the token"))
		return
	}
	writeJSON(w, http.StatusOK, contentJSON, map[string]any{
		"access_token": token, "scope": scope, "expires_in": int64(lifetime / time.Second), "token_type": "Bearer",
	})
}
