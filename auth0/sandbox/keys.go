package sandbox

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"sync"

	"github.com/mfapush/mfapush/auth0/guardian"
)

// processSigningKey is made once and shared by every tenant of the process:
// an RSA-2048 key takes a noticeable time to make, more so under -race.
var processSigningKey = sync.OnceValues(func() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 2048)
})

// newPhoneKey is what a real phone does for each enrollment.
func newPhoneKey() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 2048) }

// keyID is the RFC 7638 thumbprint of the public key.
func keyID(pub *rsa.PublicKey) string {
	j := guardian.PublicJWK(pub)
	canonical, _ := json.Marshal(struct {
		E   string `json:"e"`
		Kty string `json:"kty"`
		N   string `json:"n"`
	}{j.E, j.Kty, j.N})
	sum := sha256.Sum256(canonical)
	return base64.RawURLEncoding.EncodeToString(sum[:])
}
