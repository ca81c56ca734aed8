package guardian

// TOTPAccount is what an authenticator app's QR code tells it: the
// otpauth://totp URI that /mfa/associate answers for an OTP enrollment,
// with the secret and the code's parameters. Nothing is enrolled anywhere:
// the app only computes codes from it.
type TOTPAccount struct {
	Issuer    string // from the label, else the issuer parameter
	Account   string // from the label: the user's email or name
	Secret    string // base32
	Algorithm string // sha1, sha256 or sha512 (lower case); default sha1
	Digits    int    // default 6
	Period    int    // seconds; default 30
}

// ParseTOTPURI reads an authenticator app's QR code:
//
//	otpauth://totp/{issuer}:{account}?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
//
// The secret is required; the other parameters take the defaults of
// authenticator apps when absent. Unknown parameters are ignored. Errors
// are *BarcodeError and never repeat the URI: it holds the secret.
func ParseTOTPURI(s string) (TOTPAccount, error) {
	issuer, account, q, err := parseOTPAuth(s)
	if err != nil {
		return TOTPAccount{}, err
	}
	if q.Get("secret") == "" {
		return TOTPAccount{}, barcodeErr("secret", "missing: this QR code is not an authenticator-app enrollment")
	}
	var e Enrollment
	if err := totpParams(q, &e); err != nil {
		return TOTPAccount{}, err
	}
	a := TOTPAccount{Issuer: issuer, Account: account, Secret: e.Secret, Algorithm: e.Algorithm, Digits: e.Digits, Period: e.Period}
	if a.Algorithm == "" {
		a.Algorithm = "sha1"
	}
	if a.Digits == 0 {
		a.Digits = 6
	}
	if a.Period == 0 {
		a.Period = 30
	}
	return a, nil
}
