package guardian

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"
)

func TestECJWKRoundTripAndRefusals(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	j, err := PublicECJWK(&key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := j.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	if ec, ok := pub.(*ecdsa.PublicKey); !ok || !ec.Equal(&key.PublicKey) || SigningMethod(pub) != "ES256" {
		t.Fatalf("round trip gave %T %v", pub, pub)
	}
	// A coordinate with a leading zero byte, as a BigInteger encodes one
	// whose top bit is set, still reads.
	x, _ := base64.RawURLEncoding.DecodeString(j.X)
	padded := j
	padded.X = base64.RawURLEncoding.EncodeToString(append([]byte{0}, x...))
	if _, err := padded.PublicKey(); err != nil {
		t.Errorf("leading zero: %v", err)
	}
	offCurve := j
	y, _ := base64.RawURLEncoding.DecodeString(j.Y)
	y[31] ^= 1
	offCurve.Y = base64.RawURLEncoding.EncodeToString(y)
	for name, c := range map[string]struct {
		k    JWK
		want string
	}{
		"off the curve": {offCurve, "not a point"},
		"P-384":         {JWK{Kty: "EC", Crv: "P-384", X: j.X, Y: j.Y}, "crv must be P-256"},
		"RS256 alg":     {JWK{Kty: "EC", Crv: "P-256", Alg: "RS256", X: j.X, Y: j.Y}, "alg must be ES256"},
		"no y":          {JWK{Kty: "EC", Crv: "P-256", X: j.X}, "y is not base64url"},
		"long x":        {JWK{Kty: "EC", Crv: "P-256", X: base64.RawURLEncoding.EncodeToString(append([]byte{1}, x...)), Y: j.Y}, "x must be"},
		"oct":           {JWK{Kty: "oct"}, "kty must be RSA or EC"},
	} {
		if _, err := c.k.PublicKey(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
	if SigningMethod(&testKey().PublicKey) != "RS256" {
		t.Error("an RSA key does not sign RS256")
	}
}
