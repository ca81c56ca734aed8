package guardian

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const appURI = "otpauth://totp/My%20Test%20Tenant:user%40example.com?secret=HJ6XM2DNERXDAVCUONGWKRTCMNTU6VDF&issuer=My%20Test%20Tenant&algorithm=SHA1&digits=6&period=30"

func TestParseTOTPURI(t *testing.T) {
	a, err := ParseTOTPURI(appURI)
	if err != nil {
		t.Fatal(err)
	}
	want := TOTPAccount{Issuer: "My Test Tenant", Account: "user@example.com", Secret: "HJ6XM2DNERXDAVCUONGWKRTCMNTU6VDF", Algorithm: "sha1", Digits: 6, Period: 30}
	if a != want {
		t.Errorf("got %+v, want %+v", a, want)
	}
	// An app takes the usual defaults for what the URI leaves out.
	a, err = ParseTOTPURI("otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP")
	if err != nil || a.Algorithm != "sha1" || a.Digits != 6 || a.Period != 30 || a.Account != "alice" || a.Issuer != "" {
		t.Errorf("defaults: %+v %v", a, err)
	}
	for _, bad := range []string{
		"", "https://example.com", "otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP",
		"otpauth://totp/x?enrollment_tx_id=abc&base_url=https%3A%2F%2Fx.guardian.auth0.com", // a Guardian push QR code
		"otpauth://totp/x?secret=not-base32!", "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=4",
		"otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5",
	} {
		if _, err := ParseTOTPURI(bad); !errors.Is(err, ErrBarcode) {
			t.Errorf("%q: %v, want a barcode error", bad, err)
		} else if strings.Contains(err.Error(), "JBSWY3DPEHPK3PXP") {
			t.Errorf("%q: the error %q repeats the secret", bad, err)
		}
	}
}

// FuzzParseTOTPURI: any text gives an account whose codes can be computed,
// or a barcode error.
func FuzzParseTOTPURI(f *testing.F) {
	f.Add(appURI)
	f.Add("otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=sha512&digits=8&period=60")
	f.Add(pushURI)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseTOTPURI(s)
		if err != nil {
			if !errors.Is(err, ErrBarcode) {
				t.Fatalf("error of another type: %v", err)
			}
			return
		}
		code, err := TOTP(a.Secret, time.Unix(1e9, 0), a.Digits, time.Duration(a.Period)*time.Second, a.Algorithm)
		if err != nil || len(code) != a.Digits {
			t.Fatalf("%+v: code %q, %v", a, code, err)
		}
	})
}
