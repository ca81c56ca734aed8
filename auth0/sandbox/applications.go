package sandbox

import (
	"crypto/subtle"
	"net/http"
	"slices"
)

// The tenant's applications, each with its grant types and, for the
// Management API, the scopes the dashboard would have granted it
// (Applications > APIs > Auth0 Management API > Machine to Machine
// Applications). The helpdesk applications also have the CIBA grant, as
// Auth0's docs show an application with Management API credentials
// starting a CIBA request.

// Management API scopes the helpdesk uses.
const (
	ScopeReadUsers                = "read:users"
	ScopeReadAuthenticationMethod = "read:authentication_methods"
	ScopeDeleteAuthenticationMeth = "delete:authentication_methods"
	ScopeCreateEnrollmentTickets  = "create:guardian_enrollment_tickets"
	ScopeUpdateUsers              = "update:users"
)

// Application is one application of the sandbox tenant, as GET /sandbox
// shows it.
type Application struct {
	Name         string   `json:"name"`
	ClientID     string   `json:"client_id"`
	ClientSecret string   `json:"client_secret"`
	GrantTypes   []string `json:"grant_types"`
	// Scopes are the Management API scopes granted to the application.
	Scopes []string `json:"management_api_scopes"`
}

// The demo helpdesk applications: one with every scope the helpdesk uses,
// one without those that change anything, so that the 403 answers can be
// explored.
const (
	HelpdeskClientID            = "sandbox-helpdesk"
	HelpdeskClientSecret        = "sandbox-helpdesk-secret"
	LimitedHelpdeskClientID     = "sandbox-helpdesk-limited"
	LimitedHelpdeskClientSecret = "sandbox-helpdesk-limited-secret"
)

var applications = []Application{
	{
		Name: "mfapush sandbox", ClientID: clientID, ClientSecret: clientSecret,
		GrantTypes: []string{grantPassword, grantPasswordRealm, grantMFAOOB, grantMFAOTP, grantMFARecoveryCode},
	},
	{
		Name: "Helpdesk", ClientID: HelpdeskClientID, ClientSecret: HelpdeskClientSecret,
		GrantTypes: []string{grantClientCredentials, grantCIBA},
		Scopes:     []string{ScopeReadUsers, ScopeReadAuthenticationMethod, ScopeDeleteAuthenticationMeth, ScopeCreateEnrollmentTickets, ScopeUpdateUsers},
	},
	{
		Name: "Helpdesk (read only)", ClientID: LimitedHelpdeskClientID, ClientSecret: LimitedHelpdeskClientSecret,
		GrantTypes: []string{grantClientCredentials, grantCIBA},
		Scopes:     []string{ScopeReadUsers, ScopeReadAuthenticationMethod},
	},
}

// Applications lists the tenant's applications with their credentials
// (public demo values).
func Applications() []Application {
	out := make([]Application, len(applications))
	for i, a := range applications {
		a.GrantTypes, a.Scopes = slices.Clone(a.GrantTypes), slices.Clone(a.Scopes)
		out[i] = a
	}
	return out
}

// application finds an application by its client id, in constant time
// for each candidate.
func application(id string) *Application {
	var found *Application
	for i := range applications {
		if subtle.ConstantTimeCompare([]byte(id), []byte(applications[i].ClientID)) == 1 {
			found = &applications[i]
		}
	}
	return found
}

func (a *Application) allows(grant string) bool { return slices.Contains(a.GrantTypes, grant) }

// grantNotAllowed is Auth0's answer to a grant the application lacks.
func grantNotAllowed(grant string) *apiError {
	return newError(http.StatusForbidden, "unauthorized_client", "Grant type '"+grant+"' not allowed for the client.")
}
