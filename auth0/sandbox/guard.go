package sandbox

import (
	"mime"
	"net"
	"net/http"
	"strings"
)

// The sandbox listens on loopback only, yet a web page the user visits can
// reach it: a page's script may send simple requests (a form or text/plain
// body, no preflight) to 127.0.0.1, and a page that points a name of its
// own at 127.0.0.1 (DNS rebinding) can read the answers too. The tenant's
// passwords are public and its phone approves pushes on request, so every
// request is checked, the tenant's endpoints as much as the control API:
// its Host must name this machine, and its Origin, which browsers send and
// curl and mfapush do not, must be the sandbox's own.

// refusal says why r may not be served, or "" when it may.
func (t *Tenant) refusal(r *http.Request) (code, desc string) {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if !isLoopback(strings.Trim(host, "[]")) {
		return "host_not_allowed", "The Host header " + quoted(r.Host) + " does not name this machine: the sandbox answers only requests addressed to 127.0.0.1, [::1] or localhost, so that a web page cannot reach it under a name of its own (DNS rebinding)"
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return "", ""
	}
	own := t.baseURL(r)
	if strings.EqualFold(origin, own) || strings.EqualFold(origin, scheme(r)+"://"+r.Host) {
		return "", ""
	}
	return "origin_not_allowed", "Requests from web pages are refused: the Origin " + quoted(origin) + " is not this sandbox (" + own + "). Use curl, a script or mfapush, which send no Origin"
}

// quoted shows a request's own text in an error, cut short and made inert.
func quoted(s string) string { return `"` + clean(s, 100) + `"` }

func scheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	return "http"
}

// refuse answers a refused request in the error shape of its endpoint
// family: Guardian's under /appliance-mfa/, the Authentication API's
// everywhere else.
func refuse(w http.ResponseWriter, r *http.Request, code, desc string) {
	if strings.HasPrefix(r.URL.Path, "/appliance-mfa/") {
		writeGuardianError(w, &guardianError{status: http.StatusForbidden, code: code, message: desc})
		return
	}
	writeError(w, newError(http.StatusForbidden, code, desc))
}

var errControlNotJSON = invalidRequest("Content-Type must be application/json: the sandbox's control API takes JSON bodies only")

// readControlBody reads the body of a control API request, which must be
// JSON when there is one: a web page cannot send that without a preflight
// the sandbox never grants.
func readControlBody(w http.ResponseWriter, r *http.Request) ([]byte, *apiError) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mediaType, _, err := mime.ParseMediaType(ct); err != nil || mediaType != contentJSON {
			return nil, errControlNotJSON
		}
	}
	body, e := readBody(w, r)
	if e == nil && len(body) > 0 && r.Header.Get("Content-Type") == "" {
		return nil, errControlNotJSON
	}
	return body, e
}
