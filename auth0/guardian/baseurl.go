package guardian

import (
	"errors"
	"net/url"
	"regexp"
	"strings"
)

// guardianHost matches Auth0's own Guardian hosts, which serve the device
// endpoints at the root: guardian.auth0.com and guardian.<region>.auth0.com,
// also as the suffix of a tenant's host (tenant.guardian.us.auth0.com).
var guardianHost = regexp.MustCompile(`(^|\.)guardian(\.[a-z0-9-]+)?\.auth0\.com$`)

// APIBase turns a base URL (the QR code's base_url, or a tenant domain) into
// the base of the device endpoints, following the Guardian SDKs: append
// /appliance-mfa unless the URL already has it or the host is a Guardian
// host. The result has no trailing slash; endpoints are APIBase + "/api/…".
func APIBase(baseURL string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", errors.New("guardian: base URL must be an absolute http(s) URL")
	}
	u.RawQuery, u.Fragment, u.RawPath = "", "", ""
	u.Path = strings.TrimRight(u.Path, "/")
	if !strings.Contains(u.Path, "/appliance-mfa") && !guardianHost.MatchString(strings.ToLower(u.Hostname())) {
		u.Path += "/appliance-mfa"
	}
	return u.String(), nil
}
