package sandbox

import (
	"net/http"
	"sort"
	"strings"
)

// routes maps each path to its methods. Methods are dispatched here rather
// than by ServeMux patterns so that a wrong method gets a JSON 405.
func (t *Tenant) routes() *http.ServeMux {
	m := http.NewServeMux()
	route := func(path string, methods map[string]http.HandlerFunc) {
		m.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if h, ok := methods[r.Method]; ok {
				h(w, r)
				return
			}
			allowed := make([]string, 0, len(methods))
			for method := range methods {
				allowed = append(allowed, method)
			}
			sort.Strings(allowed)
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			writeError(w, newError(http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed here: use "+strings.Join(allowed, " or ")))
		})
	}
	post, get, del := http.MethodPost, http.MethodGet, http.MethodDelete

	route("/oauth/token", map[string]http.HandlerFunc{post: t.handleToken})
	route("/mfa/associate", map[string]http.HandlerFunc{post: t.handleAssociate})
	route("/mfa/authenticators", map[string]http.HandlerFunc{get: t.handleListAuthenticators})
	route("/mfa/authenticators/{id}", map[string]http.HandlerFunc{del: t.handleDeleteAuthenticator})
	route("/mfa/challenge", map[string]http.HandlerFunc{post: t.handleChallenge})
	route("/.well-known/openid-configuration", map[string]http.HandlerFunc{get: t.handleOpenIDConfiguration})
	route("/.well-known/jwks.json", map[string]http.HandlerFunc{get: t.handleJWKS})

	route("/appliance-mfa/api/enroll", map[string]http.HandlerFunc{post: t.handleGuardianEnroll})
	route("/appliance-mfa/api/resolve-transaction", map[string]http.HandlerFunc{post: t.handleGuardianResolve})
	route("/appliance-mfa/api/device-accounts/{id}", map[string]http.HandlerFunc{del: t.handleGuardianDeleteDevice})
	m.HandleFunc("/appliance-mfa/", func(w http.ResponseWriter, r *http.Request) {
		writeGuardianError(w, &guardianError{status: 404, code: "not_found", message: "No such Guardian endpoint"})
	})

	route("/sandbox", map[string]http.HandlerFunc{get: t.handleSandboxInfo})
	route("/sandbox/devices", map[string]http.HandlerFunc{get: t.handleListDevices, post: t.handleScan})
	route("/sandbox/devices/{id}/otp", map[string]http.HandlerFunc{get: t.handleDeviceOTP})
	route("/sandbox/notifications", map[string]http.HandlerFunc{get: t.handleListNotifications})
	route("/sandbox/notifications/{id}/approve", map[string]http.HandlerFunc{post: t.handleAnswer(true)})
	route("/sandbox/notifications/{id}/reject", map[string]http.HandlerFunc{post: t.handleAnswer(false)})
	route("/sandbox/notifications/{id}/dismiss", map[string]http.HandlerFunc{post: t.handleDismiss})
	route("/sandbox/messages", map[string]http.HandlerFunc{get: t.handleListMessages})
	route("/sandbox/faults", map[string]http.HandlerFunc{post: t.handleAddFault, del: t.handleClearFaults})

	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, newError(http.StatusNotFound, "not_found", "No such endpoint in the sandbox tenant"))
	})
	return m
}

func (t *Tenant) handleOpenIDConfiguration(w http.ResponseWriter, r *http.Request) {
	base := t.baseURL(r)
	writeJSON(w, http.StatusOK, contentJSONCharset, map[string]any{
		"issuer":                                base + "/",
		"token_endpoint":                        base + "/oauth/token",
		"jwks_uri":                              base + "/.well-known/jwks.json",
		"mfa_challenge_endpoint":                base + "/mfa/challenge",
		"grant_types_supported":                 []string{grantPassword, grantPasswordRealm, grantMFAOOB, grantMFAOTP, grantMFARecoveryCode},
		"response_types_supported":              []string{"token"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
		"scopes_supported":                      []string{"openid", "profile", "email", "offline_access", "enroll", "read:authenticators", "remove:authenticators"},
		"claims_supported":                      []string{"aud", "email", "email_verified", "exp", "iat", "iss", "name", "sub", "amr"},
	})
}

func (t *Tenant) handleJWKS(w http.ResponseWriter, r *http.Request) {
	keys, err := t.signer.jwks()
	if err != nil {
		writeError(w, newError(http.StatusInternalServerError, "server_error", "No signing key"))
		return
	}
	writeJSON(w, http.StatusOK, contentJSONCharset, keys)
}
