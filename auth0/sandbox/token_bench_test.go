package sandbox

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// BenchmarkPendingPoll is the tenant's cost of one mfa-oob poll answered
// authorization_pending, without the network: what a client waiting for
// a push costs the sandbox (docs/performance.md, sandbox throughput).
func BenchmarkPendingPoll(b *testing.B) {
	s := startSandbox(b, Options{PollsPerMinute: 1 << 30})
	token := s.login("bob@example.com")
	oob := s.challenge(token, nil).str("oob_code")
	body := url.Values{"grant_type": {grantMFAOOB}, "client_id": {clientID}, "client_secret": {clientSecret},
		"mfa_token": {token}, "oob_code": {oob}}.Encode()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, s.URL+"/oauth/token", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.Tenant.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest {
			b.Fatalf("answered %d %s", rec.Code, rec.Body)
		}
	}
}
