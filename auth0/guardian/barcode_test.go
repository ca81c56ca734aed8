package guardian

import (
	"errors"
	"strings"
	"testing"
)

const pushURI = "otpauth://totp/mfapush%20sandbox:alice%40example.com?enrollment_tx_id=t5FmaYNt8APzKlh3WCRNLi2dG3uZYnAC&base_url=http%3A%2F%2F127.0.0.1%3A8484%2Fappliance-mfa"

func TestParseBarcodeURIPush(t *testing.T) {
	e, err := ParseBarcodeURI(pushURI)
	if err != nil {
		t.Fatal(err)
	}
	want := Enrollment{
		TransactionID: "t5FmaYNt8APzKlh3WCRNLi2dG3uZYnAC",
		BaseURL:       "http://127.0.0.1:8484/appliance-mfa",
		Issuer:        "mfapush sandbox",
		Account:       "alice@example.com",
	}
	if e != want {
		t.Errorf("got %+v\nwant %+v", e, want)
	}
	base, err := e.APIBase()
	if err != nil || base != "http://127.0.0.1:8484/appliance-mfa" {
		t.Errorf("APIBase = %q, %v", base, err)
	}
}

func TestParseBarcodeURIRichForm(t *testing.T) {
	uri := "otpauth://totp/TENANT:USER?secret=HJ6XM2DNERXDAVCUONGWKRTCMNTU6VDF&issuer=TENANT&enrollment_tx_id=abc123&id=dev_1&algorithm=SHA256&digits=8&counter=0&period=60&base_url=https%3A%2F%2Ftenant.guardian.us.auth0.com&unknown=ignored"
	e, err := ParseBarcodeURI(uri)
	if err != nil {
		t.Fatal(err)
	}
	want := Enrollment{
		TransactionID: "abc123", BaseURL: "https://tenant.guardian.us.auth0.com",
		Issuer: "TENANT", Account: "USER", EnrollmentID: "dev_1",
		Secret: "HJ6XM2DNERXDAVCUONGWKRTCMNTU6VDF", Algorithm: "sha256", Digits: 8, Period: 60,
	}
	if e != want {
		t.Errorf("got %+v\nwant %+v", e, want)
	}
}

func TestParseBarcodeURIErrors(t *testing.T) {
	cases := []struct{ uri, part string }{
		{"", "uri"},
		{"   ", "uri"},
		{"https://example.com", "scheme"},
		{"otpauth://hotp/a:b?enrollment_tx_id=x&base_url=https%3A%2F%2Fa.b", "type"},
		{"otpauth://totp/a:b?base_url=https%3A%2F%2Fa.b", "enrollment_tx_id"},
		{"otpauth://totp/a:b?enrollment_tx_id=a%22b&base_url=https%3A%2F%2Fa.b", "enrollment_tx_id"},
		{"otpauth://totp/a:b?enrollment_tx_id=" + strings.Repeat("a", 257) + "&base_url=https%3A%2F%2Fa.b", "enrollment_tx_id"},
		{"otpauth://totp/a:b?enrollment_tx_id=x", "base_url"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=tenant.auth0.com", "base_url"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=http%3A%2F%2Ftenant.auth0.com", "base_url"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=ftp%3A%2F%2Ftenant.auth0.com", "base_url"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=https%3A%2F%2Fu%3Ap%40tenant.auth0.com", "base_url"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=https%3A%2F%2Fa.b&secret=1!", "secret"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=https%3A%2F%2Fa.b&algorithm=MD5", "algorithm"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=https%3A%2F%2Fa.b&digits=five", "digits"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=https%3A%2F%2Fa.b&period=0", "period"},
		{"otpauth://totp/a:b?enrollment_tx_id=x&base_url=https%3A%2F%2Fa.b&q=%zz", "uri"},
		{strings.Repeat("x", maxBarcodeLen+1), "uri"},
	}
	for _, c := range cases {
		_, err := ParseBarcodeURI(c.uri)
		var be *BarcodeError
		if !errors.As(err, &be) || !errors.Is(err, ErrBarcode) {
			t.Errorf("%.60q: got %v, want a *BarcodeError", c.uri, err)
			continue
		}
		if be.Part != c.part {
			t.Errorf("%.60q: part %q (%v), want %q", c.uri, be.Part, err, c.part)
		}
		if strings.Contains(err.Error(), "enrollment_tx_id=") {
			t.Errorf("the error repeats the URI: %v", err)
		}
	}
}

func TestAPIBase(t *testing.T) {
	cases := map[string]string{
		"https://tenant.us.auth0.com":                  "https://tenant.us.auth0.com/appliance-mfa",
		"https://tenant.us.auth0.com/":                 "https://tenant.us.auth0.com/appliance-mfa",
		"https://tenant.guardian.us.auth0.com":         "https://tenant.guardian.us.auth0.com",
		"https://guardian.auth0.com/":                  "https://guardian.auth0.com",
		"https://tenant.guardian.auth0.com":            "https://tenant.guardian.auth0.com",
		"http://127.0.0.1:8484/appliance-mfa":          "http://127.0.0.1:8484/appliance-mfa",
		"http://127.0.0.1:8484/appliance-mfa/":         "http://127.0.0.1:8484/appliance-mfa",
		"https://login.example.com/x/appliance-mfa":    "https://login.example.com/x/appliance-mfa",
		"https://notguardian.example.com":              "https://notguardian.example.com/appliance-mfa",
		"https://tenant.guardian.us.auth0.com.evil.io": "https://tenant.guardian.us.auth0.com.evil.io/appliance-mfa",
	}
	for in, want := range cases {
		if got, err := APIBase(in); err != nil || got != want {
			t.Errorf("APIBase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "tenant.auth0.com", "ftp://a.b", "::"} {
		if got, err := APIBase(bad); err == nil {
			t.Errorf("APIBase(%q) = %q, want an error", bad, got)
		}
	}
}

func FuzzParseBarcodeURI(f *testing.F) {
	f.Add(pushURI)
	f.Add("otpauth://totp/TENANT:USER?secret=HJ6XM2DNERXDAVCUONGWKRTCMNTU6VDF&issuer=TENANT&enrollment_tx_id=abc&id=dev_1&algorithm=SHA1&digits=6&period=30&base_url=https%3A%2F%2Ft.guardian.us.auth0.com")
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseBarcodeURI(s)
		if err != nil {
			if !errors.Is(err, ErrBarcode) {
				t.Fatalf("error of another type: %v", err)
			}
			return
		}
		if e.TransactionID == "" || !isTokenChars(e.TransactionID) {
			t.Fatalf("accepted a bad ticket %q", e.TransactionID)
		}
		if _, err := e.APIBase(); err != nil {
			t.Fatalf("accepted a base URL that APIBase refuses: %v", err)
		}
	})
}
