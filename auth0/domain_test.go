package auth0

import (
	"errors"
	"strings"
	"testing"
)

func TestParseDomainAccepts(t *testing.T) {
	for in, want := range map[string]string{
		"dev-abc123.us.auth0.com":           "https://dev-abc123.us.auth0.com",
		"  Dev-ABC.eu.auth0.com ":           "https://dev-abc.eu.auth0.com",
		"https://login.example.org/":        "https://login.example.org",
		"https://login.example.org:8443":    "https://login.example.org:8443",
		"http://127.0.0.1:8484":             "http://127.0.0.1:8484",
		"http://localhost:8484":             "http://localhost:8484",
		"http://[::1]:8484":                 "http://[::1]:8484",
		"https://127.0.0.1:8484":            "https://127.0.0.1:8484",
		"auth.acme.io":                      "https://auth.acme.io",
		"http://127.0.0.2:9000":             "http://127.0.0.2:9000",
		"HTTPS://TENANT.AU.AUTH0.COM":       "https://tenant.au.auth0.com",
		"tenant.guardian.us.auth0.com:443/": "https://tenant.guardian.us.auth0.com:443",
	} {
		u, err := ParseDomain(in)
		if err != nil {
			t.Errorf("ParseDomain(%q): %v", in, err)
			continue
		}
		if u.String() != want {
			t.Errorf("ParseDomain(%q) = %q, want %q", in, u, want)
		}
	}
}

func TestParseDomainRefuses(t *testing.T) {
	for in, mustSay := range map[string]string{
		"":                                  "empty",
		"   ":                               "empty",
		"{yourDomain}":                      "placeholder",
		"https://{yourDomain}/":             "placeholder",
		"YOUR_DOMAIN":                       "placeholder",
		"<tenant>.auth0.com":                "placeholder",
		"http://dev-abc.us.auth0.com":       "only for the local sandbox",
		"http://10.0.0.5:8484":              "only for the local sandbox",
		"dev-abc.us.auth0.com/oauth/token":  "path",
		"https://dev-abc.us.auth0.com/mfa/": "path",
		"dev-abc.us.auth0.com?x=1":          "path or query",
		"ftp://dev-abc.us.auth0.com":        "scheme",
		"https://user:pw@dev.auth0.com":     "user name",
		"dev abc.auth0.com":                 "not a host",
		"https://":                          "not a host",
		"host:port":                         "port",
	} {
		_, err := ParseDomain(in)
		if err == nil {
			t.Errorf("ParseDomain(%q) accepted", in)
			continue
		}
		var de *DomainError
		if !errors.As(err, &de) {
			t.Errorf("ParseDomain(%q) error %T, want *DomainError", in, err)
		}
		if !strings.Contains(err.Error(), mustSay) {
			t.Errorf("ParseDomain(%q) = %q, want it to mention %q", in, err, mustSay)
		}
		if strings.Contains(err.Error(), "pw@") {
			t.Errorf("ParseDomain(%q) echoed a password: %q", in, err)
		}
	}
}
