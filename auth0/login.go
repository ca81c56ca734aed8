package auth0

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// Grant types of the token endpoint.
const (
	GrantPassword             = "password"
	GrantPasswordRealm        = "http://auth0.com/oauth/grant-type/password-realm"
	GrantMFAOOB               = "http://auth0.com/oauth/grant-type/mfa-oob"
	GrantMFAOTP               = "http://auth0.com/oauth/grant-type/mfa-otp"
	GrantMFARecoveryCode      = "http://auth0.com/oauth/grant-type/mfa-recovery-code"
	GrantClientCredentials    = "client_credentials"
	ScopeEnroll               = "enroll"
	ScopeReadAuthenticators   = "read:authenticators"
	ScopeRemoveAuthenticators = "remove:authenticators"
)

// PasswordLogin is a Resource Owner Password login.
type PasswordLogin struct {
	Username string
	Password string
	// Realm names the database connection; when set the password-realm
	// grant is used.
	Realm    string
	Audience string
	Scope    string
}

// LoginResult is a successful answer to a password login: either MFA is
// required (the usual case for mfapush) or tokens were issued straight away.
type LoginResult struct {
	MFARequired *MFARequired
	Tokens      *Tokens // MFA was not required for this user
}

// MFARequired is Auth0's mfa_required answer.
type MFARequired struct {
	MFAToken string
	// Requirements is its mfa_requirements: the factors the user can be
	// challenged with, or must enroll. nil when the answer had none, as
	// older tenants send it.
	Requirements *MFARequirements
}

// MFARequirements lists the factors the tenant will accept or wants enrolled.
type MFARequirements struct {
	Challenge []FactorType `json:"challenge,omitempty"`
	Enroll    []FactorType `json:"enroll,omitempty"`
}

// FactorType is one entry of MFARequirements.
type FactorType struct {
	Type string `json:"type"`
}

type mfaRequiredBody struct {
	Error           string          `json:"error"`
	MFAToken        string          `json:"mfa_token"`
	MFARequirements json.RawMessage `json:"mfa_requirements"` // read apart: an odd one costs nothing else
}

// LoginWithPassword signs a user in with a password. An mfa_required answer
// is a result, not an error: it carries the mfa_token the MFA API needs.
func (c *Client) LoginWithPassword(ctx context.Context, login PasswordLogin) (LoginResult, error) {
	form := url.Values{}
	form.Set("username", login.Username)
	form.Set("password", login.Password)
	grant, opName := GrantPassword, "password"
	if realm := strings.TrimSpace(login.Realm); realm != "" {
		grant, opName = GrantPasswordRealm, "password-realm"
		form.Set("realm", realm)
	}
	if login.Audience != "" {
		form.Set("audience", login.Audience)
	}
	if login.Scope != "" {
		form.Set("scope", login.Scope)
	}
	form.Set("grant_type", grant)
	c.addClientAuth(form)

	k := call{op: "POST /oauth/token (" + opName + ")", grant: grant, method: http.MethodPost, path: "/oauth/token", form: form}
	a, err := c.do(ctx, k)
	if err == nil && a.status >= 400 {
		var body mfaRequiredBody
		if json.Unmarshal(a.body, &body) == nil {
			cleanAll(&body)
		}
		if body.Error == CodeMFARequired && body.MFAToken != "" {
			return LoginResult{MFARequired: &MFARequired{MFAToken: body.MFAToken, Requirements: parseRequirements(body.MFARequirements)}}, nil
		}
	}
	tokens, err := interpretTokenAnswer(k.op, a.status, a.header, a.body, err, a.at)
	if err != nil {
		return LoginResult{}, c.fail(err)
	}
	return LoginResult{Tokens: tokens}, nil
}
