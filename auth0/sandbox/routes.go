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
			desc := r.Method + " is not allowed here: use " + strings.Join(allowed, " or ")
			if strings.HasPrefix(path, "/appliance-mfa/") { // a Guardian SDK reads only its own error shape
				writeGuardianError(w, guardianErr(http.StatusMethodNotAllowed, "method_not_allowed", desc))
				return
			}
			writeError(w, newError(http.StatusMethodNotAllowed, "method_not_allowed", desc))
		})
	}
	post, get, del, patch := http.MethodPost, http.MethodGet, http.MethodDelete, http.MethodPatch

	route("/oauth/token", map[string]http.HandlerFunc{post: t.handleToken})
	route("/mfa/associate", map[string]http.HandlerFunc{post: t.handleAssociate})
	route("/mfa/authenticators", map[string]http.HandlerFunc{get: t.handleListAuthenticators})
	route("/mfa/authenticators/{id}", map[string]http.HandlerFunc{del: t.handleDeleteAuthenticator})
	route("/mfa/challenge", map[string]http.HandlerFunc{post: t.handleChallenge})
	route("/bc-authorize", map[string]http.HandlerFunc{post: t.handleBackchannelAuthorize})
	route("/mfa/enrollment", map[string]http.HandlerFunc{get: t.handleTicketPage})
	route("/.well-known/openid-configuration", map[string]http.HandlerFunc{get: t.handleOpenIDConfiguration})

	// The Management API: each endpoint's scopes, as Auth0's reference
	// lists them, are checked first.
	m.HandleFunc("/api/v2/", func(w http.ResponseWriter, r *http.Request) {
		writeMgmtError(w, mgmtErr(http.StatusNotFound, "", "Not Found"))
	})
	mgmt := func(path, method string, scopes []string, h http.HandlerFunc) {
		route(path, map[string]http.HandlerFunc{method: t.mgmtRoute(scopes, h)})
	}
	readUser := []string{ScopeReadUsers, "read:current_user", "read:user_idp_tokens"}
	mgmt("/api/v2/users-by-email", get, []string{ScopeReadUsers}, t.handleUsersByEmail)
	mgmt("/api/v2/users/{id}", get, readUser, t.handleGetUser)
	mgmt("/api/v2/users/{id}/enrollments", get, []string{ScopeReadUsers, "read:current_user"}, t.handleEnrollments)
	mgmt("/api/v2/users/{id}/recovery-code-regeneration", post, []string{ScopeUpdateUsers}, t.handleRecoveryCode)
	route("/api/v2/users/{id}/authentication-methods", map[string]http.HandlerFunc{
		get: t.mgmtRoute([]string{ScopeReadAuthenticationMethod}, t.handleListMethods),
		del: t.mgmtRoute([]string{ScopeDeleteAuthenticationMeth}, t.handleDeleteAllMethods),
	})
	mgmt("/api/v2/users/{id}/authentication-methods/{method}", del, []string{ScopeDeleteAuthenticationMeth}, t.handleDeleteMethod)
	mgmt("/api/v2/guardian/enrollments/ticket", post, []string{ScopeCreateEnrollmentTickets}, t.handleCreateTicket)
	route("/.well-known/jwks.json", map[string]http.HandlerFunc{get: t.handleJWKS})

	route("/appliance-mfa/api/enroll", map[string]http.HandlerFunc{post: t.handleGuardianEnroll})
	route("/appliance-mfa/api/resolve-transaction", map[string]http.HandlerFunc{post: t.handleGuardianResolve})
	route("/appliance-mfa/api/device-accounts/{id}", map[string]http.HandlerFunc{del: t.handleGuardianDeleteDevice, patch: t.handleGuardianUpdateDevice})
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
		"backchannel_authentication_endpoint":   base + "/bc-authorize",
		"grant_types_supported":                 []string{grantPassword, grantPasswordRealm, grantMFAOOB, grantMFAOTP, grantMFARecoveryCode, grantClientCredentials, grantCIBA},
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
