package guardian

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base32"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"strings"
	"time"
)

const (
	minDigits = 6
	maxDigits = 10 // the 31-bit truncated value has at most 10 digits
)

var hashes = map[string]func() hash.Hash{
	"sha1":   sha1.New,
	"sha256": sha256.New,
	"sha512": sha512.New,
}

// TOTP computes the RFC 6238 code of a base32 secret at time t. alg is
// sha1, sha256 or sha512 in any case ("" means sha1); digits is 6 to 10;
// period is the time step (0 means 30 s).
func TOTP(secret string, t time.Time, digits int, period time.Duration, alg string) (string, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return "", errors.New("totp: the secret is not base32")
	}
	if alg == "" {
		alg = "sha1"
	}
	newHash, ok := hashes[strings.ToLower(alg)]
	if !ok {
		return "", fmt.Errorf("totp: unknown algorithm %q: use sha1, sha256 or sha512", alg)
	}
	if digits < minDigits || digits > maxDigits {
		return "", fmt.Errorf("totp: digits must be %d to %d", minDigits, maxDigits)
	}
	if period == 0 {
		period = 30 * time.Second
	}
	if period < time.Second {
		return "", errors.New("totp: the period must be at least one second")
	}
	counter := uint64(t.Unix()) / uint64(period/time.Second)
	return hotp(newHash, key, counter, digits), nil
}

// hotp is RFC 4226's HOTP with dynamic truncation.
func hotp(newHash func() hash.Hash, key []byte, counter uint64, digits int) string {
	mac := hmac.New(newHash, key)
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac.Write(msg[:])
	h := mac.Sum(nil)
	offset := h[len(h)-1] & 0x0f
	bin := uint64(binary.BigEndian.Uint32(h[offset:offset+4]) & 0x7fffffff)
	mod := uint64(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, bin%mod)
}

// decodeSecret reads a base32 secret as authenticator apps do: case and
// padding do not matter, spaces are ignored.
func decodeSecret(s string) ([]byte, error) {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	s = strings.TrimRight(s, "=")
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(s)
	if err != nil {
		return nil, err
	}
	if len(key) == 0 {
		return nil, errors.New("empty secret")
	}
	return key, nil
}
