package management

// Action is one thing the helpdesk does through the Management API, with
// the scope its application needs for it.
type Action struct {
	Name  string // what it does, in English: "find users by email"
	Op    string // the endpoint, as the trace names it
	Scope string // the Management API scope it needs
}

// The helpdesk's actions. Auth0's API reference lists each endpoint's
// scopes; these are the ones a machine-to-machine application is granted.
var (
	FindUsers              = Action{"find users by email", "GET /api/v2/users-by-email", "read:users"}
	GetUser                = Action{"read a user", "GET /api/v2/users/{id}", "read:users"}
	ListMethods            = Action{"list a user's authentication methods", "GET /api/v2/users/{id}/authentication-methods", "read:authentication_methods"}
	DeleteMethod           = Action{"delete an authentication method", "DELETE /api/v2/users/{id}/authentication-methods/{method}", "delete:authentication_methods"}
	DeleteAllMethods       = Action{"delete all authentication methods", "DELETE /api/v2/users/{id}/authentication-methods", "delete:authentication_methods"}
	ListEnrollments        = Action{"list a user's Guardian enrollments", "GET /api/v2/users/{id}/enrollments", "read:users"}
	CreateTicket           = Action{"create an enrollment ticket", "POST /api/v2/guardian/enrollments/ticket", "create:guardian_enrollment_tickets"}
	RegenerateRecoveryCode = Action{"regenerate a recovery code", "POST /api/v2/users/{id}/recovery-code-regeneration", "update:users"}
	// GetToken is the client_credentials grant every action starts with.
	GetToken = Action{"get a Management API token", "POST /oauth/token (client-credentials)", ""}
)

// Actions lists the helpdesk's actions.
func Actions() []Action {
	return []Action{FindUsers, GetUser, ListMethods, DeleteMethod, DeleteAllMethods, ListEnrollments, CreateTicket, RegenerateRecoveryCode}
}

// Scopes lists, once each and in order, the scopes the actions need: what
// to grant the helpdesk application.
func Scopes(actions ...Action) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range actions {
		if a.Scope != "" && !seen[a.Scope] {
			seen[a.Scope] = true
			out = append(out, a.Scope)
		}
	}
	return out
}

// DashboardPlace is where the Auth0 Dashboard grants a machine-to-machine
// application its Management API scopes.
const DashboardPlace = "Applications > APIs > Auth0 Management API > Machine to Machine Applications"
