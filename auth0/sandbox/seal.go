package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// Opaque tokens (mfa_token, oob_code) look like Auth0's Iron-sealed strings:
// Fe26.2*sandbox*<random>*<expiry ms>*<mac>. The expiry is inside and
// MAC-protected, so an expired token is told from a malformed one even
// after the tenant has forgotten it.

const sealPrefix = "Fe26.2*sandbox*"

func (t *Tenant) seal(kind string, expires time.Time) string {
	body := randomB64(24) + "*" + strconv.FormatInt(expires.UnixMilli(), 10)
	return sealPrefix + body + "*" + t.sealMAC(kind, body)
}

func (t *Tenant) sealMAC(kind, body string) string {
	m := hmac.New(sha256.New, t.sealKey)
	m.Write([]byte(kind + "*" + body))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// sealedExpiry is the expiry a token sealed with expires carries: unseal
// reads it in milliseconds.
func sealedExpiry(expires time.Time) time.Time { return time.UnixMilli(expires.UnixMilli()) }

type sealCheck int

const (
	sealOK sealCheck = iota
	sealMalformed
	sealExpired
)

// unseal checks a token of kind at now.
func (t *Tenant) unseal(kind, token string, now time.Time) sealCheck {
	rest, ok := strings.CutPrefix(token, sealPrefix)
	if !ok || len(token) > 512 {
		return sealMalformed
	}
	parts := strings.Split(rest, "*")
	if len(parts) != 3 {
		return sealMalformed
	}
	body := parts[0] + "*" + parts[1]
	if !hmac.Equal([]byte(parts[2]), []byte(t.sealMAC(kind, body))) {
		return sealMalformed
	}
	ms, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return sealMalformed
	}
	if !now.Before(time.UnixMilli(ms)) {
		return sealExpired
	}
	return sealOK
}
