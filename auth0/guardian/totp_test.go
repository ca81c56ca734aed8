package guardian

import (
	"encoding/base32"
	"strings"
	"testing"
	"time"
)

// The test vectors of RFC 6238, appendix B.
func TestTOTPRFC6238Vectors(t *testing.T) {
	seeds := map[string]string{
		"sha1":   "12345678901234567890",
		"sha256": "12345678901234567890123456789012",
		"sha512": "1234567890123456789012345678901234567890123456789012345678901234",
	}
	vectors := []struct {
		unix                 int64
		sha1, sha256, sha512 string
	}{
		{59, "94287082", "46119246", "90693936"},
		{1111111109, "07081804", "68084774", "25091201"},
		{1111111111, "14050471", "67062674", "99943326"},
		{1234567890, "89005924", "91819424", "93441116"},
		{2000000000, "69279037", "90698825", "38618901"},
		{20000000000, "65353130", "77737706", "47863826"},
	}
	for _, v := range vectors {
		for alg, want := range map[string]string{"sha1": v.sha1, "SHA256": v.sha256, "Sha512": v.sha512} {
			secret := base32.StdEncoding.EncodeToString([]byte(seeds[strings.ToLower(alg)]))
			got, err := TOTP(secret, time.Unix(v.unix, 0), 8, 30*time.Second, alg)
			if err != nil {
				t.Fatalf("%s at %d: %v", alg, v.unix, err)
			}
			if got != want {
				t.Errorf("%s at %d: got %s, want %s", alg, v.unix, got, want)
			}
		}
	}
}

func TestTOTPDefaultsAndSecretForms(t *testing.T) {
	secret := base32.StdEncoding.EncodeToString([]byte("12345678901234567890")) // padded, upper case
	at := time.Unix(59, 0)
	want, err := TOTP(secret, at, 6, 0, "")
	if err != nil || want != "287082" {
		t.Fatalf("6 digits with defaults: %q %v, want 287082", want, err)
	}
	for _, form := range []string{strings.TrimRight(secret, "="), strings.ToLower(secret), "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"} {
		if got, err := TOTP(form, at, 6, 30*time.Second, "sha1"); err != nil || got != want {
			t.Errorf("secret %q: %q %v", form, got, err)
		}
	}
}

func TestTOTPRefusesBadInput(t *testing.T) {
	good := "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	cases := map[string]func() (string, error){
		"not base32":   func() (string, error) { return TOTP("not-base32!", time.Unix(0, 0), 6, 0, "") },
		"empty secret": func() (string, error) { return TOTP("", time.Unix(0, 0), 6, 0, "") },
		"md5":          func() (string, error) { return TOTP(good, time.Unix(0, 0), 6, 0, "md5") },
		"5 digits":     func() (string, error) { return TOTP(good, time.Unix(0, 0), 5, 0, "") },
		"11 digits":    func() (string, error) { return TOTP(good, time.Unix(0, 0), 11, 0, "") },
		"tiny period":  func() (string, error) { return TOTP(good, time.Unix(0, 0), 6, time.Millisecond, "") },
	}
	for name, f := range cases {
		if code, err := f(); err == nil {
			t.Errorf("%s: got code %q, want an error", name, code)
		}
	}
}
