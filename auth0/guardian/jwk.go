package guardian

import (
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"math/big"
	"strings"
)

// JWK is a device's public key as the enroll request carries it: RSA (n,
// e), as Auth0's Guardian SDKs send, or EC P-256 (crv, x, y).
type JWK struct {
	Kty string `json:"kty"`
	Use string `json:"use,omitempty"`
	Alg string `json:"alg,omitempty"`
	N   string `json:"n,omitempty"`
	E   string `json:"e,omitempty"`
	Crv string `json:"crv,omitempty"`
	X   string `json:"x,omitempty"`
	Y   string `json:"y,omitempty"`
}

// PublicJWK encodes an RSA public key with base64url n and e.
func PublicJWK(pub *rsa.PublicKey) JWK {
	return JWK{
		Kty: "RSA", Use: "sig", Alg: "RS256",
		N: base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		E: base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
	}
}

// MinKeyBits is the smallest RSA key a device may enroll.
const MinKeyBits = 2048

// RSAPublicKey decodes the key. It tolerates a leading zero byte in n and
// e (Android's BigInteger encoding) and base64 padding.
func (k JWK) RSAPublicKey() (*rsa.PublicKey, error) {
	if k.Kty != "RSA" {
		return nil, errors.New("kty must be RSA")
	}
	if k.Alg != "" && k.Alg != "RS256" {
		return nil, errors.New("alg must be RS256")
	}
	n, err := decodeB64URL(k.N)
	if err != nil {
		return nil, errors.New("n is not base64url")
	}
	e, err := decodeB64URL(k.E)
	if err != nil {
		return nil, errors.New("e is not base64url")
	}
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n)}
	eInt := new(big.Int).SetBytes(e)
	if !eInt.IsInt64() || eInt.Int64() < 3 || eInt.Int64() > 1<<31-1 || eInt.Bit(0) == 0 {
		return nil, errors.New("e must be an odd number from 3 to 2^31-1")
	}
	pub.E = int(eInt.Int64())
	if pub.N.BitLen() < MinKeyBits || pub.N.BitLen() > 8192 {
		return nil, errors.New("n must be an RSA modulus of 2048 to 8192 bits")
	}
	return pub, nil
}

func decodeB64URL(s string) ([]byte, error) {
	if s == "" {
		return nil, errors.New("empty")
	}
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}
