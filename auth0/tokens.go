package auth0

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// maxExpiresIn bounds a believable token lifetime; Auth0's own maximum is 30 days.
const maxExpiresIn = 365 * 24 * time.Hour

// Tokens is a successful answer of the token endpoint.
type Tokens struct {
	AccessToken  string
	IDToken      string // when the scope asked for openid
	RefreshToken string // when the scope asked for offline_access
	TokenType    string
	Scope        string
	// ExpiresIn is the access token's lifetime; zero when the expiry is
	// unknown: the answer gave no expires_in, or one that cannot be
	// believed (negative, absurd, not a number). Such an answer still
	// counts: its oob_code or code is spent, so the tokens are kept.
	ExpiresIn time.Duration
	// RecoveryCode is the new recovery code after the mfa-recovery-code
	// grant: the old one no longer works, so it must be shown to the user.
	RecoveryCode string
}

// tokenBody holds each field raw, so that one odd field (a number where a
// string belongs) cannot throw the whole answer away.
type tokenBody struct {
	AccessToken  json.RawMessage `json:"access_token"`
	IDToken      json.RawMessage `json:"id_token"`
	RefreshToken json.RawMessage `json:"refresh_token"`
	TokenType    json.RawMessage `json:"token_type"`
	Scope        json.RawMessage `json:"scope"`
	ExpiresIn    json.RawMessage `json:"expires_in"`
	RecoveryCode json.RawMessage `json:"recovery_code"`
}

func parseTokens(body []byte) (*Tokens, error) {
	var tb tokenBody
	if err := json.Unmarshal(body, &tb); err != nil {
		return nil, fmt.Errorf("token answer: %w", err)
	}
	tokens := &Tokens{
		AccessToken:  jsonText(tb.AccessToken),
		IDToken:      jsonText(tb.IDToken),
		RefreshToken: jsonText(tb.RefreshToken),
		TokenType:    jsonText(tb.TokenType),
		Scope:        jsonText(tb.Scope),
		RecoveryCode: jsonText(tb.RecoveryCode),
	}
	cleanAll(tokens)
	if tokens.AccessToken == "" {
		return nil, errors.New("token answer has no access_token")
	}
	tokens.ExpiresIn, _ = parseExpiresIn(tb.ExpiresIn) // unknown when unreadable
	return tokens, nil
}

// jsonText is a JSON string's value, or "" for anything else.
func jsonText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// parseExpiresIn accepts a number or a numeric string of seconds, as servers
// send both; negative, fractional nonsense and absurd values are refused.
func parseExpiresIn(raw json.RawMessage) (time.Duration, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return 0, nil
	}
	if unquoted, err := strconv.Unquote(s); err == nil {
		s = strings.TrimSpace(unquoted)
	}
	secs, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("token answer: expires_in %q is not a number of seconds", truncate(s, 20))
	}
	d := time.Duration(secs * float64(time.Second))
	if secs < 0 || secs != secs || d > maxExpiresIn || secs > maxExpiresIn.Seconds() {
		return 0, fmt.Errorf("token answer: expires_in %s is out of range", truncate(s, 20))
	}
	return d, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
