package flow

import "github.com/mfapush/mfapush/internal/i18n"

// TokenForm says what kind of token a string is, for a screen that shows
// it.
type TokenForm uint8

const (
	TokenAbsent TokenForm = iota
	// TokenJWT: a JWT, which DecodeToken reads.
	TokenJWT
	// TokenOpaque: anything else. Auth0 issues an opaque access token when
	// no API audience is asked (its only audience is /userinfo): only
	// Auth0 can read it, and nothing decodes it.
	TokenOpaque
)

// FormOfToken tells a JWT from an opaque token.
func FormOfToken(token string) TokenForm {
	switch {
	case token == "":
		return TokenAbsent
	case decodes(token):
		return TokenJWT
	}
	return TokenOpaque
}

func decodes(token string) bool {
	_, err := DecodeToken(token)
	return err == nil
}

// AccessTokenNote is what a screen says of an access token that cannot be
// decoded, and why Auth0 made it so; "" for a JWT or no token.
func AccessTokenNote(c *i18n.Catalog, accessToken string) string {
	if FormOfToken(accessToken) != TokenOpaque {
		return ""
	}
	return c.Result.OpaqueWhy
}
