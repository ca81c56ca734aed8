package flow

import (
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0"
)

// Credentials are what the user typed to sign in. The password stays in
// memory only, so that the session can sign in again for an MFA-API token
// without asking twice.
type Credentials struct {
	Username string
	Password string
	Realm    string
}

// Session is what a user has obtained so far in one run.
type Session struct {
	Credentials Credentials
	// Audience and Scope were asked for at the sign-in that produced the
	// mfa_token; the tokens earned by MFA carry them.
	Audience string
	Scope    string
	// MFAToken comes from the mfa_required answer, or was pasted.
	MFAToken   string
	MFATokenAt time.Time
	// Tokens are the last tokens earned by MFA.
	Tokens   *auth0.Tokens
	TokensAt time.Time
}

// Login is the password sign-in a journey needs, chosen in one place for
// the interface and the plain mode: for the MFA API's audience and scopes
// when its tokens will enroll, list or delete authenticators (mfaAPI);
// else for the configured audience, whose tokens are what the user signs
// in for.
func Login(env Env, creds Credentials, mfaAPI bool, audience string) auth0.PasswordLogin {
	login := auth0.PasswordLogin{Username: creds.Username, Password: creds.Password, Realm: creds.Realm,
		Audience: audience, Scope: ScopeLogin}
	if mfaAPI {
		login.Audience, login.Scope = env.Client.MFAAudience(), ScopeMFAAPI
	}
	return login
}

// Begin starts a session with the sign-in about to be sent: the tokens
// MFA earns will carry its audience and scope.
func Begin(creds Credentials, login auth0.PasswordLogin) Session {
	return Session{Credentials: creds, Audience: login.Audience, Scope: login.Scope}
}

// SignedIn records the mfa_token of a sign-in.
func (s *Session) SignedIn(v SignedIn) { s.MFAToken, s.MFATokenAt = v.MFAToken, v.At }

// MFATokenDeadline is when the mfa_token is expected to expire.
func (s *Session) MFATokenDeadline() time.Time { return s.MFATokenAt.Add(MFATokenLifetime) }

// HasPassword reports whether the session can sign in again by itself.
func (s *Session) HasPassword() bool { return s.Credentials.Password != "" }

// Earn records tokens earned by MFA.
func (s *Session) Earn(tokens *auth0.Tokens, at time.Time) {
	s.Tokens, s.TokensAt = tokens, at
}

// MFAAccess returns an access token for the MFA API with the given scope,
// if the session holds one that has not expired.
func (s *Session) MFAAccess(mfaAudience, scope string, now time.Time) (string, bool) {
	if s.Tokens == nil || s.Audience != mfaAudience || !hasScope(s.Tokens.Scope, scope) {
		return "", false
	}
	if s.Tokens.ExpiresIn > 0 && !now.Before(s.TokensAt.Add(s.Tokens.ExpiresIn-10*time.Second)) {
		return "", false
	}
	return s.Tokens.AccessToken, true
}

func hasScope(scopes, want string) bool {
	for _, s := range strings.Fields(scopes) {
		if s == want {
			return true
		}
	}
	return false
}
