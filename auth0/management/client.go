package management

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/clock"
)

// tokenLeeway renews a token this long before it expires, so that a call
// never goes out with one about to lapse.
const tokenLeeway = 10 * time.Second

// unknownLifetime is how long a token whose answer gave no expires_in is
// kept.
const unknownLifetime = time.Minute

// Client calls the Management API for one machine-to-machine application.
// It is safe for concurrent use.
type Client struct {
	auth  *auth0.Client
	clock clock.Clock

	mu      sync.Mutex // held while a token is fetched, so one fetch serves all
	token   string
	scopes  []string
	expires time.Time
}

// New returns a client that calls the Management API of auth's tenant as
// auth's application (its client ID and secret), through auth's transport,
// trace and redaction. clk tells when the token expires; nil is the real
// clock.
func New(auth *auth0.Client, clk clock.Clock) *Client {
	if clk == nil {
		clk = clock.Real
	}
	return &Client{auth: auth, clock: clk}
}

// Auth is the Authentication API client the Management API client rides
// on: the same application's, for its CIBA requests.
func (c *Client) Auth() *auth0.Client { return c.auth }

// accessToken returns a cached token, or gets one with the
// client_credentials grant.
func (c *Client) accessToken(ctx context.Context) (string, []string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && c.clock.Now().Before(c.expires) {
		return c.token, c.scopes, nil
	}
	tokens, err := c.auth.ClientCredentials(ctx, c.auth.ManagementAudience())
	if err != nil {
		return "", nil, classify(GetToken, err)
	}
	lifetime := unknownLifetime
	if tokens.ExpiresIn > 2*tokenLeeway {
		lifetime = tokens.ExpiresIn - tokenLeeway
	}
	c.token, c.expires = tokens.AccessToken, c.clock.Now().Add(lifetime)
	c.scopes = nil
	for _, s := range strings.Fields(tokens.Scope) {
		if s = CleanScope(s); s != "" {
			c.scopes = append(c.scopes, s)
		}
	}
	return c.token, c.scopes, nil
}

// forget drops a token the API refused, so that the next call gets a new one.
func (c *Client) forget(token string) {
	c.mu.Lock()
	if c.token == token {
		c.token = ""
	}
	c.mu.Unlock()
}

// GrantedScopes are the scopes of the application's token, as the
// client_credentials answer lists them.
func (c *Client) GrantedScopes(ctx context.Context) ([]string, error) {
	_, scopes, err := c.accessToken(ctx)
	return scopes, err
}

// MissingScopes lists the scopes the actions need that the application was
// not granted, in the actions' order: what to grant before offering them.
func (c *Client) MissingScopes(ctx context.Context, actions ...Action) ([]string, error) {
	granted, err := c.GrantedScopes(ctx)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, s := range Scopes(actions...) {
		if !contains(granted, s) {
			missing = append(missing, s)
		}
	}
	return missing, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// request is one Management API call.
type request struct {
	action Action
	method string
	path   []string // segments after /api/v2/, escaped one by one
	query  url.Values
	body   any
}

// do sends a request with the token and decodes its answer into out.
func (c *Client) do(ctx context.Context, r request, out any) error {
	token, _, err := c.accessToken(ctx)
	if err != nil {
		return err
	}
	raw := make([]string, len(r.path))
	for i, seg := range r.path {
		raw[i] = url.PathEscape(seg) // a user id such as auth0|65f… travels as auth0%7C65f…
	}
	err = classify(r.action, c.auth.Do(ctx, auth0.Call{
		Op: r.action.Op, Method: r.method,
		Path: "/api/v2/" + strings.Join(r.path, "/"), RawPath: "/api/v2/" + strings.Join(raw, "/"),
		Query: r.query, Bearer: token, JSON: r.body,
	}, out))
	if KindOf(err) == KindUnauthorized {
		c.forget(token)
	}
	return err
}

// UsersByEmail finds the users with an email, one per account: a person
// may have several, in different connections. Auth0 matches the email
// exactly, case included.
func (c *Client) UsersByEmail(ctx context.Context, email string) ([]User, error) {
	var out []User
	err := c.do(ctx, request{action: FindUsers, method: http.MethodGet, path: []string{"users-by-email"}, query: url.Values{"email": {email}}}, &out)
	return out, err
}

// User reads one user.
func (c *Client) User(ctx context.Context, userID string) (*User, error) {
	var out User
	if err := c.do(ctx, request{action: GetUser, method: http.MethodGet, path: []string{"users", userID}}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// pageSize is how many methods a page asks for, and maxPages bounds the
// pages read, so that a tenant answering nonsense cannot loop us forever.
const (
	pageSize = 50
	maxPages = 40
)

// methodPage is a page of the authentication-methods list.
type methodPage struct {
	Start          int                    `json:"start"`
	Limit          int                    `json:"limit"`
	Total          int                    `json:"total"`
	Authenticators []AuthenticationMethod `json:"authenticators"`
}

// AuthenticationMethods lists every authentication method of a user,
// pending ones included, reading the pages of the list in turn.
func (c *Client) AuthenticationMethods(ctx context.Context, userID string) ([]AuthenticationMethod, error) {
	var all []AuthenticationMethod
	for page := range maxPages {
		var p methodPage
		q := url.Values{"page": {strconv.Itoa(page)}, "per_page": {strconv.Itoa(pageSize)}, "include_totals": {"true"}}
		if err := c.do(ctx, request{action: ListMethods, method: http.MethodGet, path: []string{"users", userID, "authentication-methods"}, query: q}, &p); err != nil {
			return nil, err
		}
		all = append(all, p.Authenticators...)
		if len(p.Authenticators) < pageSize || len(all) >= p.Total {
			break
		}
	}
	return all, nil
}

// DeleteAuthenticationMethod removes one method of a user; its linked
// method (a push's TOTP twin) goes with it.
func (c *Client) DeleteAuthenticationMethod(ctx context.Context, userID, methodID string) error {
	return c.do(ctx, request{action: DeleteMethod, method: http.MethodDelete, path: []string{"users", userID, "authentication-methods", methodID}}, nil)
}

// DeleteAllAuthenticationMethods removes every method of a user: what a
// helpdesk does for a lost phone, after which the user enrolls again.
func (c *Client) DeleteAllAuthenticationMethods(ctx context.Context, userID string) error {
	return c.do(ctx, request{action: DeleteAllMethods, method: http.MethodDelete, path: []string{"users", userID, "authentication-methods"}}, nil)
}

// Enrollments lists a user's confirmed Guardian enrollments.
func (c *Client) Enrollments(ctx context.Context, userID string) ([]Enrollment, error) {
	var out []Enrollment
	err := c.do(ctx, request{action: ListEnrollments, method: http.MethodGet, path: []string{"users", userID, "enrollments"}}, &out)
	return out, err
}

// CreateEnrollmentTicket makes an enrollment ticket; its URL, opened on the
// user's phone, enrolls the factor.
func (c *Client) CreateEnrollmentTicket(ctx context.Context, req TicketRequest) (*Ticket, error) {
	var out Ticket
	if err := c.do(ctx, request{action: CreateTicket, method: http.MethodPost, path: []string{"guardian", "enrollments", "ticket"}, body: req}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// RegenerateRecoveryCode replaces a user's recovery code and returns the
// new one, which is shown once: the old one no longer works.
func (c *Client) RegenerateRecoveryCode(ctx context.Context, userID string) (string, error) {
	var out struct {
		RecoveryCode string `json:"recovery_code"`
	}
	if err := c.do(ctx, request{action: RegenerateRecoveryCode, method: http.MethodPost, path: []string{"users", userID, "recovery-code-regeneration"}}, &out); err != nil {
		return "", err
	}
	return out.RecoveryCode, nil
}
