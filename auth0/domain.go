package auth0

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// DomainError explains why a tenant domain was refused and what to set instead.
type DomainError struct {
	Value   string        // the value as given
	Problem DomainProblem // what is wrong, for a message in the user's language
	Host    string        // the host as parsed, for the problems that suggest it
	Reason  string        // what is wrong, then what to set, in English
}

// DomainProblem is why a domain was refused.
type DomainProblem uint8

const (
	DomainEmpty       DomainProblem = iota + 1
	DomainPlaceholder               // copied from the documentation
	DomainNotHost
	DomainHTTP     // http:// to a host that is not this machine
	DomainScheme   // neither https nor http
	DomainUserinfo // a user name or password in it
	DomainPath     // a path, query or fragment
	DomainBadPort
)

func (e *DomainError) Error() string {
	if e.Value == "" {
		return e.Reason
	}
	return fmt.Sprintf("domain %q: %s", e.Value, e.Reason)
}

const domainExample = "your tenant's domain, such as dev-abc123.us.auth0.com " +
	"(Auth0 Dashboard > Applications > your application > Settings > Domain)"

// ParseDomain turns a tenant domain as a person types it into the tenant's
// base URL (scheme and host, no path).
//
// A bare host means https. http:// is accepted only for loopback hosts,
// where the sandbox runs. Placeholders copied from documentation, paths,
// queries and empty values are refused with a reason that says what to set.
func ParseDomain(raw string) (*url.URL, error) {
	value := strings.TrimSpace(raw)
	if value == "" {
		return nil, &DomainError{Problem: DomainEmpty, Reason: "the tenant domain is empty: set it to " + domainExample}
	}
	if looksLikePlaceholder(value) {
		return nil, &DomainError{Value: value, Problem: DomainPlaceholder, Reason: "this is a placeholder from the documentation: replace it with " + domainExample}
	}
	withScheme := value
	if !strings.Contains(value, "://") {
		withScheme = "https://" + value
	}
	u, err := url.Parse(withScheme)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return nil, &DomainError{Value: value, Problem: DomainNotHost, Reason: "not a host name: set it to " + domainExample}
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !IsLoopbackHost(u.Hostname()) {
			return nil, &DomainError{Value: value, Problem: DomainHTTP, Host: u.Host, Reason: "http:// is allowed only for the local sandbox (127.0.0.1, ::1 or localhost); use https://" + u.Host + " or just " + u.Host}
		}
	default:
		return nil, &DomainError{Value: value, Problem: DomainScheme, Host: u.Host, Reason: "the scheme must be https (or http for the local sandbox): set just the host, such as " + u.Host}
	}
	if u.User != nil {
		return nil, &DomainError{Value: redactUserinfo(u), Problem: DomainUserinfo, Reason: "a domain carries no user name or password: set just the host"}
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" || u.Fragment != "" {
		return nil, &DomainError{Value: value, Problem: DomainPath, Host: u.Host, Reason: "the domain has a path or query: set just the host, such as " + u.Host}
	}
	if port := u.Port(); port != "" {
		if strings.Trim(port, "0123456789") != "" || len(port) > 5 {
			return nil, &DomainError{Value: value, Problem: DomainBadPort, Reason: "the port is not a number"}
		}
	}
	if strings.ContainsAny(u.Hostname(), " \t_{}<>") {
		return nil, &DomainError{Value: value, Problem: DomainNotHost, Reason: "not a host name: set it to " + domainExample}
	}
	return &url.URL{Scheme: u.Scheme, Host: strings.ToLower(u.Host)}, nil
}

// IsLoopbackHost reports whether host (without port) names this machine.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func looksLikePlaceholder(s string) bool {
	lower := strings.ToLower(s)
	if strings.ContainsAny(s, "{}<>") {
		return true
	}
	for _, p := range []string{"yourdomain", "your_domain", "your-domain", "your_tenant", "your-tenant", "yourtenant", "example.auth0.com"} {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

func redactUserinfo(u *url.URL) string {
	c := *u
	c.User = nil
	return c.String()
}
