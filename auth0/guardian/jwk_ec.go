package guardian

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"errors"
)

// PublicECJWK encodes an EC P-256 public key for ES256, x and y as 32-byte
// base64url.
func PublicECJWK(pub *ecdsa.PublicKey) (JWK, error) {
	point, err := pub.Bytes() // 0x04 || X || Y
	if err != nil || pub.Curve != elliptic.P256() {
		return JWK{}, errors.New("guardian: the key is not an EC P-256 key")
	}
	return JWK{
		Kty: "EC", Use: "sig", Alg: "ES256", Crv: "P-256",
		X: base64.RawURLEncoding.EncodeToString(point[1:33]),
		Y: base64.RawURLEncoding.EncodeToString(point[33:]),
	}, nil
}

// PublicKey decodes the key: an *rsa.PublicKey (RS256) or an
// *ecdsa.PublicKey on P-256 (ES256).
func (k JWK) PublicKey() (crypto.PublicKey, error) {
	if k.Kty == "EC" {
		return k.ECPublicKey()
	}
	if k.Kty != "RSA" {
		return nil, errors.New("kty must be RSA or EC")
	}
	return k.RSAPublicKey()
}

// ECPublicKey decodes an EC P-256 key, checking the point is on the curve.
// It tolerates coordinates with a leading zero byte or without their
// leading zeros (BigInteger encodings), and base64 padding.
func (k JWK) ECPublicKey() (*ecdsa.PublicKey, error) {
	if k.Kty != "EC" {
		return nil, errors.New("kty must be EC")
	}
	if k.Crv != "P-256" {
		return nil, errors.New("crv must be P-256")
	}
	if k.Alg != "" && k.Alg != "ES256" {
		return nil, errors.New("alg must be ES256")
	}
	point := []byte{4}
	for _, c := range []struct{ name, v string }{{"x", k.X}, {"y", k.Y}} {
		b, err := decodeB64URL(c.v)
		if err != nil {
			return nil, errors.New(c.name + " is not base64url")
		}
		b, ok := coordinate(b)
		if !ok {
			return nil, errors.New(c.name + " must be a 32-byte coordinate")
		}
		point = append(point, b...)
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), point)
	if err != nil {
		return nil, errors.New("x and y are not a point of P-256")
	}
	return pub, nil
}

// coordinate is b as exactly 32 bytes.
func coordinate(b []byte) ([]byte, bool) {
	for len(b) > 32 && b[0] == 0 {
		b = b[1:]
	}
	if len(b) > 32 {
		return nil, false
	}
	return append(make([]byte, 32-len(b)), b...), true
}

// SigningMethod is the JWT algorithm a device key signs with: RS256 for
// RSA, ES256 for EC P-256; "" for any other key.
func SigningMethod(pub crypto.PublicKey) string {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return "RS256"
	case *ecdsa.PublicKey:
		if k.Curve == elliptic.P256() {
			return "ES256"
		}
	}
	return ""
}
