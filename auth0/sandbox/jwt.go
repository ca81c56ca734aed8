package sandbox

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mfapush/mfapush/auth0/guardian"
)

// signer signs the tenant's RS256 tokens and publishes its key. Making an
// RSA-2048 key takes tens of milliseconds of a core, and nothing is signed
// before a user has passed MFA: so the key is made in the background once a
// sign-in begins (warm), off the start and the first frame, and a use
// before it is made waits for it.
type signer struct {
	load func() (signingKey, error)
	warm func()
}

type signingKey struct {
	key *rsa.PrivateKey
	kid string
}

// readySigner signs with key.
func readySigner(key *rsa.PrivateKey) signer {
	k := signingKey{key: key, kid: keyID(&key.PublicKey)}
	return signer{load: func() (signingKey, error) { return k, nil }, warm: func() {}}
}

// lazySigner signs with the process's signing key, made in a goroutine
// that made tracks once warm is called.
func lazySigner(made *sync.WaitGroup) signer {
	load := sync.OnceValues(func() (signingKey, error) {
		key, err := processSigningKey()
		if err != nil {
			return signingKey{}, fmt.Errorf("sandbox: signing key: %w", err)
		}
		return signingKey{key: key, kid: keyID(&key.PublicKey)}, nil
	})
	warm := sync.OnceFunc(func() { made.Go(func() { load() }) })
	return signer{load: load, warm: warm}
}

func (s signer) sign(claims jwt.MapClaims) (string, error) {
	k, err := s.load()
	if err != nil {
		return "", err
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = k.kid
	return tok.SignedString(k.key)
}

func (s signer) jwks() (map[string]any, error) {
	k, err := s.load()
	if err != nil {
		return nil, err
	}
	j := guardian.PublicJWK(&k.key.PublicKey)
	return map[string]any{"keys": []map[string]string{{
		"kty": j.Kty, "use": "sig", "alg": "RS256", "kid": k.kid, "n": j.N, "e": j.E,
	}}}, nil
}

// verify checks one of our own access tokens for audience at now.
func (s signer) verify(raw, issuer, audience string, now time.Time) (jwt.MapClaims, error) {
	k, err := s.load()
	if err != nil {
		return nil, err
	}
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return &k.key.PublicKey, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithTimeFunc(func() time.Time { return now }),
		jwt.WithIssuer(issuer), jwt.WithAudience(audience), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// issueTokens makes the token response for a login that passed MFA.
func (t *Tenant) issueTokens(base string, u *user, sess *mfaSession, now time.Time) (map[string]any, error) {
	audience := sess.audience
	if audience == "" {
		audience = base + "/userinfo"
	}
	lifetime := t.opts.AccessTokenLifetime
	scope := sess.scope
	if audience == base+"/mfa/" {
		lifetime = t.opts.MFAAccessTokenLifetime
		scope = mfaScopes(scope)
	}
	client := sess.client
	if client == "" {
		client = clientID
	}
	access, err := t.accessToken(base, audience, jwt.MapClaims{
		"iss": base + "/", "sub": u.id, "aud": audience, "azp": client,
		"scope": scope, "iat": now.Unix(), "exp": now.Add(lifetime).Unix(),
	})
	if err != nil {
		return nil, err
	}
	out := map[string]any{"access_token": access, "expires_in": int64(lifetime / time.Second), "token_type": "Bearer"}
	if scope != "" {
		out["scope"] = scope
	}
	if hasScope(scope, "openid") {
		id, err := t.signer.sign(jwt.MapClaims{
			"iss": base + "/", "sub": u.id, "aud": client, "iat": now.Unix(), "exp": now.Add(10 * time.Hour).Unix(),
			"email": u.email, "email_verified": true, "name": u.name, "amr": []string{"mfa"},
		})
		if err != nil {
			return nil, err
		}
		out["id_token"] = id
	}
	if hasScope(scope, "offline_access") {
		out["refresh_token"] = "v1." + randomB64(48)
	}
	return out, nil
}

// accessToken is a signed JWT for an API audience (the MFA API's or a
// custom one), and an opaque token for /userinfo alone, as Auth0 issues
// when no API audience is asked: only Auth0 can read that one, so a
// client that decodes it here would break on a real tenant. Auth0 does not
// publish its opaque form; nothing in the sandbox reads it back.
func (t *Tenant) accessToken(base, audience string, claims jwt.MapClaims) (string, error) {
	if audience == base+"/userinfo" {
		return randomString(32, alnum), nil
	}
	return t.signer.sign(claims)
}

// mfaScopes keeps the scopes the MFA API audience defines, and OIDC's.
func mfaScopes(scope string) string {
	var kept []string
	for _, s := range strings.Fields(scope) {
		switch s {
		case "enroll", "read:authenticators", "remove:authenticators", "openid", "profile", "email", "offline_access":
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " ")
}

func hasScope(scope, want string) bool {
	for _, s := range strings.Fields(scope) {
		if s == want {
			return true
		}
	}
	return false
}

// principal is who a Bearer on /mfa/* stands for.
type principal struct {
	user    *user
	mfaOnly bool   // the bearer is an mfa_token
	scope   string // of an access token
	token   string // the mfa_token, when mfaOnly
}

// authenticate reads the Bearer of an /mfa/* request: an mfa_token, or an
// access token for <tenant>/mfa/. Problems are 401 invalid_token. The
// caller holds t.mu.
func (t *Tenant) authenticate(r *http.Request, base string, now time.Time) (principal, *apiError) {
	token, ok := bearer(r)
	if !ok {
		return principal{}, invalidToken("Missing Authorization: Bearer <mfa_token or access token>")
	}
	if strings.HasPrefix(token, "Fe26.2*") {
		sess, e := t.session(token, now)
		if e != nil {
			return principal{}, invalidToken(e.desc)
		}
		return principal{user: sess.user, mfaOnly: true, token: token}, nil
	}
	claims, err := t.signer.verify(token, base+"/", base+"/mfa/", now)
	if err != nil {
		if errors.Is(err, jwt.ErrTokenExpired) {
			return principal{}, invalidToken("The access token is expired")
		}
		return principal{}, invalidToken("The access token is not valid for " + base + "/mfa/")
	}
	sub, _ := claims["sub"].(string)
	scope, _ := claims["scope"].(string)
	u := t.usersByID[sub]
	if u == nil {
		return principal{}, invalidToken("The access token's user does not exist")
	}
	return principal{user: u, scope: scope}, nil
}

func invalidToken(desc string) *apiError {
	e := newError(http.StatusUnauthorized, "invalid_token", desc)
	e.header = http.Header{"Www-Authenticate": {`Bearer error="invalid_token"`}}
	return e
}

// requireScope refuses an mfa_token, or an access token without scope.
func (p principal) requireScope(scope string) *apiError {
	if p.mfaOnly {
		return newError(http.StatusForbidden, "insufficient_scope",
			"An mfa_token cannot do this: use an access token for the /mfa/ audience with the "+scope+" scope")
	}
	if !hasScope(p.scope, scope) {
		return newError(http.StatusForbidden, "insufficient_scope", "Insufficient scope, expected: "+scope)
	}
	return nil
}
