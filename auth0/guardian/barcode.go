package guardian

import (
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Enrollment is what an enrollment QR code tells a device. The MFA API's
// push QR carries only the ticket and the base URL; the richer form that
// Universal Login shows also carries the TOTP parameters.
type Enrollment struct {
	TransactionID string // enrollment_tx_id: the ticket to enroll with
	BaseURL       string // base_url as given, e.g. https://tenant.guardian.us.auth0.com
	Issuer        string // from the label, else the issuer parameter
	Account       string // from the label: the user's email or name

	// Optional parameters of the richer form; zero when absent.
	EnrollmentID string // id
	Secret       string // base32 TOTP secret
	Algorithm    string // sha1, sha256 or sha512 (lower case)
	Digits       int
	Period       int // seconds
}

// APIBase is the base of the Guardian device endpoints for this enrollment.
func (e Enrollment) APIBase() (string, error) { return APIBase(e.BaseURL) }

// ErrBarcode matches every *BarcodeError with errors.Is.
var ErrBarcode = errors.New("unreadable enrollment barcode")

// BarcodeError says which part of an enrollment URI is wrong and how. It
// never repeats the URI: the URI holds a live enrollment ticket.
type BarcodeError struct {
	Part   string // "uri", "scheme", "type", "label", or a parameter name
	Reason string
}

func (e *BarcodeError) Error() string {
	return "enrollment barcode: " + e.Part + ": " + e.Reason
}

// Is makes errors.Is(err, ErrBarcode) true.
func (e *BarcodeError) Is(target error) bool { return target == ErrBarcode }

func barcodeErr(part, reason string) error { return &BarcodeError{Part: part, Reason: reason} }

// maxBarcodeLen bounds the input: real URIs are a few hundred bytes.
const maxBarcodeLen = 4096

// ParseBarcodeURI reads an enrollment QR code's text:
//
//	otpauth://totp/{issuer}:{account}?enrollment_tx_id=…&base_url=…
//
// and the richer form with secret, issuer, id, algorithm, digits and period.
// Unknown parameters are ignored, as a device must. base_url must be https,
// or http on a loopback host (the sandbox).
func ParseBarcodeURI(s string) (Enrollment, error) {
	issuer, account, q, err := parseOTPAuth(s)
	if err != nil {
		return Enrollment{}, err
	}
	e := Enrollment{Issuer: issuer, Account: account}
	if e.TransactionID, err = ticketParam(q); err != nil {
		return Enrollment{}, err
	}
	if e.BaseURL, err = baseURLParam(q); err != nil {
		return Enrollment{}, err
	}
	e.EnrollmentID = q.Get("id")
	if err := totpParams(q, &e); err != nil {
		return Enrollment{}, err
	}
	return e, nil
}

// parseOTPAuth reads what every otpauth://totp URI has: the label's
// issuer and account, and the query.
func parseOTPAuth(s string) (issuer, account string, q url.Values, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", nil, barcodeErr("uri", "empty")
	}
	if len(s) > maxBarcodeLen {
		return "", "", nil, barcodeErr("uri", "longer than "+strconv.Itoa(maxBarcodeLen)+" bytes")
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", "", nil, barcodeErr("uri", "not a URI")
	}
	if !strings.EqualFold(u.Scheme, "otpauth") {
		return "", "", nil, barcodeErr("scheme", "must be otpauth://")
	}
	if !strings.EqualFold(u.Host, "totp") {
		return "", "", nil, barcodeErr("type", "must be totp (otpauth://totp/…)")
	}
	if label := strings.TrimPrefix(u.Path, "/"); label != "" {
		var found bool
		issuer, account, found = strings.Cut(label, ":")
		if !found {
			issuer, account = "", label
		}
		issuer, account = strings.TrimSpace(issuer), strings.TrimSpace(account)
	}
	if q, err = url.ParseQuery(u.RawQuery); err != nil {
		return "", "", nil, barcodeErr("uri", "the query is not URL-encoded")
	}
	if issuer == "" {
		issuer = q.Get("issuer")
	}
	return issuer, account, q, nil
}

// ticketParam checks enrollment_tx_id. It ends up inside an Authorization
// header, so only URL-safe characters are allowed.
func ticketParam(q url.Values) (string, error) {
	t := q.Get("enrollment_tx_id")
	switch {
	case t == "":
		return "", barcodeErr("enrollment_tx_id", "missing: this QR code is not a Guardian enrollment")
	case len(t) > 256:
		return "", barcodeErr("enrollment_tx_id", "longer than 256 characters")
	case !isTokenChars(t):
		return "", barcodeErr("enrollment_tx_id", "has characters other than letters, digits, '-', '_' and '.'")
	}
	return t, nil
}

func isTokenChars(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func baseURLParam(q url.Values) (string, error) {
	raw := q.Get("base_url")
	if raw == "" {
		return "", barcodeErr("base_url", "missing")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", barcodeErr("base_url", "not an absolute URL")
	}
	if u.User != nil {
		return "", barcodeErr("base_url", "carries a user name or password")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", barcodeErr("base_url", "has a query or fragment")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !isLoopback(u.Hostname()) {
			return "", barcodeErr("base_url", "http is allowed only on a loopback host; a real tenant uses https")
		}
	default:
		return "", barcodeErr("base_url", "the scheme must be https")
	}
	return raw, nil
}

func totpParams(q url.Values, e *Enrollment) error {
	if s := q.Get("secret"); s != "" {
		if _, err := decodeSecret(s); err != nil {
			return barcodeErr("secret", "not base32")
		}
		e.Secret = s
	}
	if a := q.Get("algorithm"); a != "" {
		alg := strings.ToLower(a)
		if _, ok := hashes[alg]; !ok {
			return barcodeErr("algorithm", "must be SHA1, SHA256 or SHA512")
		}
		e.Algorithm = alg
	}
	var err error
	if e.Digits, err = intParam(q, "digits", minDigits, maxDigits); err != nil {
		return err
	}
	e.Period, err = intParam(q, "period", 1, 3600)
	return err
}

func intParam(q url.Values, name string, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, barcodeErr(name, "must be a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
	}
	return n, nil
}

// isLoopback reports whether host (without port) names this machine.
func isLoopback(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
