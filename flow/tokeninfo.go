package flow

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mfapush/mfapush/auth0"
)

// Claim is one decoded claim, ready to show.
type Claim struct {
	Name  string
	Value string
	// Time is set for the claims that hold seconds since the epoch.
	Time time.Time
}

// DecodedToken is a JWT's header and claims, decoded but NOT verified: for
// showing what a token says, never for trusting it.
type DecodedToken struct {
	Header    []Claim
	Claims    []Claim
	ExpiresAt time.Time
	IssuedAt  time.Time
}

// DecodeToken decodes a JWT without verifying it. Opaque tokens give an error.
func DecodeToken(token string) (*DecodedToken, error) {
	claims := jwt.MapClaims{}
	parsed, _, err := jwt.NewParser().ParseUnverified(token, claims)
	if err != nil {
		return nil, fmt.Errorf("not a JWT: %w", err)
	}
	d := &DecodedToken{Header: sortedClaims(parsed.Header), Claims: sortedClaims(claims)}
	if exp, err := claims.GetExpirationTime(); err == nil && exp != nil {
		d.ExpiresAt = exp.Time
	}
	if iat, err := claims.GetIssuedAt(); err == nil && iat != nil {
		d.IssuedAt = iat.Time
	}
	return d, nil
}

// timeClaims hold seconds since the epoch.
var timeClaims = map[string]bool{"exp": true, "iat": true, "nbf": true, "auth_time": true, "updated_at": true}

func sortedClaims(m map[string]any) []Claim {
	out := make([]Claim, 0, len(m))
	for name, v := range m {
		c := Claim{Name: auth0.CleanText(name), Value: claimText(v)}
		if secs, ok := v.(float64); ok && timeClaims[name] && secs > 0 && secs < 1e11 {
			c.Time = time.Unix(int64(secs), 0)
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func claimText(v any) string {
	switch v := v.(type) {
	case string:
		return auth0.CleanText(v)
	case float64:
		if v == float64(int64(v)) {
			return fmt.Sprintf("%d", int64(v))
		}
		return fmt.Sprint(v)
	default:
		b, _ := json.Marshal(v)
		return auth0.CleanText(string(b))
	}
}
