package sandbox

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// raw sends body with the given headers; "Host" sets the request's Host.
func (s *sandbox) raw(method, path string, header map[string]string, body string) answer {
	s.t.Helper()
	req, _ := http.NewRequest(method, s.URL+path, strings.NewReader(body))
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	return s.do(req)
}

const loginForm = "grant_type=password&username=bob%40example.com&password=bob-password&client_id=sandbox-client&client_secret=sandbox-secret"

// A web page can send simple requests (a form or text/plain body, no
// preflight) to 127.0.0.1, or to a name of its own resolved to 127.0.0.1
// (DNS rebinding). The sandbox refuses them all, in the error shape of
// each endpoint family, and still answers curl, which sends no Origin.
func TestRequestsFromWebPagesAreRefused(t *testing.T) {
	s := startSandbox(t, Options{})
	fault := `{"path": "/oauth/token", "kind": "500", "count": 1}`
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
		a := s.raw("POST", "/sandbox/faults", map[string]string{"Content-Type": ct}, fault)
		wantError(t, a, 400, "invalid_request", "Content-Type must be application/json: the sandbox's control API takes JSON bodies only")
	}
	scan := `{"barcode_uri": "otpauth://totp/a:b?enrollment_tx_id=x&base_url=http%3A%2F%2F127.0.0.1%3A1"}`
	wantError(t, s.raw("POST", "/sandbox/devices", map[string]string{"Content-Type": "text/plain"}, scan), 400, "invalid_request", "")
	wantError(t, s.raw("POST", "/sandbox/notifications/ntf_x/reject", map[string]string{"Content-Type": "text/plain"}, `{"reason":"x"}`), 400, "invalid_request", "")

	page := "https://attacker.example"
	for _, c := range []struct{ method, path, ct, body string }{
		{"POST", "/sandbox/faults", "application/json", fault},
		{"POST", "/sandbox/devices", "application/json", scan},
		{"DELETE", "/sandbox/faults", "", ""},
		{"GET", "/sandbox", "", ""},
		{"POST", "/oauth/token", "application/x-www-form-urlencoded", loginForm},
		{"GET", "/.well-known/jwks.json", "", ""},
		{"OPTIONS", "/mfa/associate", "", ""},
	} {
		for _, origin := range []string{page, "null", strings.Replace(s.URL, "127.0.0.1", "127.0.0.2", 1)} {
			a := s.raw(c.method, c.path, map[string]string{"Content-Type": c.ct, "Origin": origin}, c.body)
			wantError(t, a, 403, "origin_not_allowed", "")
			if !strings.Contains(a.str("error_description"), s.URL) {
				t.Errorf("%s %s from %s: %s does not name the sandbox's origin", c.method, c.path, origin, a.raw)
			}
		}
		for _, host := range []string{"attacker.example", "attacker.example:" + s.port(), "127.0.0.1.attacker.example"} {
			a := s.raw(c.method, c.path, map[string]string{"Content-Type": c.ct, "Host": host}, c.body)
			wantError(t, a, 403, "host_not_allowed", "")
		}
	}
	// The Guardian endpoints answer in their own shape.
	wantGuardianError(t, s.raw("POST", "/appliance-mfa/api/enroll", map[string]string{"Content-Type": "application/json", "Origin": page}, "{}"), 403, "origin_not_allowed")
	wantGuardianError(t, s.raw("POST", "/appliance-mfa/api/resolve-transaction", map[string]string{"Host": "attacker.example"}, "{}"), 403, "host_not_allowed")

	// Nothing above was queued or answered.
	if resp, _, err := s.rawToken(context.Background()); err != nil || resp.StatusCode != 403 {
		t.Fatalf("a fault got through: %v %v", resp, err)
	}
	// curl sends no Origin; the sandbox's own origin, and its other
	// loopback names, are fine.
	for _, h := range []map[string]string{
		{},
		{"Origin": s.URL},
		{"Host": "localhost:" + s.port()},
		{"Host": "[::1]:" + s.port()},
	} {
		h["Content-Type"] = "application/x-www-form-urlencoded"
		if a := s.raw("POST", "/oauth/token", h, loginForm); a.status != 403 || a.str("error") != "mfa_required" {
			t.Errorf("%v: %d %s", h, a.status, a.raw)
		}
	}
	s.addFault("/oauth/token", "500", 1) // JSON, no Origin: as the README's curl does
	if resp, _, _ := s.rawToken(context.Background()); resp.StatusCode != 500 {
		t.Errorf("the fault was not queued: %d", resp.StatusCode)
	}
}

func (s *sandbox) port() string {
	u, _ := url.Parse(s.URL)
	return u.Port()
}

// The phone enrolls only with its own sandbox: a barcode whose base_url
// points elsewhere would make it post to any host.
func TestPhoneEnrollsOnlyWithItsSandbox(t *testing.T) {
	s := startSandbox(t, Options{})
	var contacted atomic.Int64
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		contacted.Add(1)
		io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusNotFound)
	}))
	defer elsewhere.Close()
	foreign := "otpauth://totp/mfapush%20sandbox:alice%40example.com?enrollment_tx_id=abc&base_url=" + url.QueryEscape(elsewhere.URL+"/appliance-mfa")

	a := s.call("POST", "/sandbox/devices", "", map[string]string{"barcode_uri": foreign})
	wantError(t, a, 400, "foreign_barcode", "")
	if d := a.str("error_description"); !strings.Contains(d, elsewhere.URL) || !strings.Contains(d, s.URL) {
		t.Errorf("the error does not say which sandbox: %s", d)
	}
	if _, err := s.Phone.Scan(context.Background(), foreign, ""); !errors.Is(err, ErrForeignBarcode) {
		t.Errorf("scan in Go: %v", err)
	}
	if n := contacted.Load(); n != 0 {
		t.Errorf("the phone contacted the other host %d times", n)
	}
	// Its own barcodes it still scans.
	uri := s.associatePush(s.login("alice@example.com")).str("barcode_uri")
	if a := s.call("POST", "/sandbox/devices", "", map[string]string{"barcode_uri": uri}); a.status != 201 {
		t.Errorf("own barcode: %d %s", a.status, a.raw)
	}
}

// Faults for paths never requested stay until used or cleared, so how
// many may wait, and how long a path may be, are bounded; the errors say
// so.
func TestFaultQueueIsBounded(t *testing.T) {
	s := startSandbox(t, Options{})
	add := func(path string, count int) answer {
		return s.call("POST", "/sandbox/faults", "", Fault{Path: path, Kind: "500", Count: count})
	}
	wantError(t, add("/"+strings.Repeat("x", maxFaultPath), 1), 400, "invalid_request", "path must be at most 256 characters")
	wantError(t, add("/oauth/token", 1001), 400, "invalid_request", "count must be from 1 to 1000")
	for i := range maxFaults {
		if a := add("/never/"+strings.Repeat("x", i), 1000); a.status != 204 {
			t.Fatalf("fault %d: %d %s", i, a.status, a.raw)
		}
	}
	full := add("/oauth/token", 1)
	wantError(t, full, 409, "too_many_faults", "100 faults are waiting already, the most the sandbox keeps: clear them with DELETE /sandbox/faults")
	if err := s.Tenant.AddFault(Fault{Path: "/oauth/token", Kind: "500"}); err == nil || !strings.Contains(err.Error(), "100 faults") {
		t.Errorf("AddFault: %v", err)
	}
	if a := s.call("DELETE", "/sandbox/faults", "", nil); a.status != 204 {
		t.Fatal(a.status)
	}
	if a := add("/oauth/token", 1); a.status != 204 {
		t.Errorf("after clearing: %d %s", a.status, a.raw)
	}
}
