package auth0

import (
	"context"
	"net/url"
)

// Call is one request to the tenant for a package built on this client,
// such as the Management API's: it goes through the same transport, trace,
// redaction and error classification as the client's own calls.
type Call struct {
	// Op names the call in the trace and in errors, e.g. "GET /api/v2/users/{id}".
	Op     string
	Method string
	// Path is the unescaped path; RawPath its escaped form when they differ
	// (a user id such as auth0|65f… travels as auth0%7C65f…).
	Path, RawPath string
	Query         url.Values
	Bearer        string
	JSON          any // the body, sent as JSON; nil for none
}

// Do sends a call and decodes a 2xx JSON answer into out, cleaned as every
// answer is (out may be nil when no body is expected, as for 204). Any other
// answer, or none, is an *Error with its Outcome.
func (c *Client) Do(ctx context.Context, k Call, out any) error {
	return c.jsonCall(ctx, call{op: k.Op, method: k.Method, path: k.Path, raw: k.RawPath, query: k.Query, bearer: k.Bearer, json: k.JSON}, out)
}

// ManagementAudience is the Management API's audience: the tenant URL
// followed by /api/v2/.
func (c *Client) ManagementAudience() string { return c.base.String() + "/api/v2/" }

// ClientCredentials asks for an access token for the application itself
// (the client_credentials grant), for audience. No scope is sent: the token
// carries every scope the application was granted for that API, which the
// answer's Scope lists.
func (c *Client) ClientCredentials(ctx context.Context, audience string) (*Tokens, error) {
	form := url.Values{}
	form.Set("audience", audience)
	return c.tokenCall(ctx, GrantClientCredentials, "client-credentials", form)
}
