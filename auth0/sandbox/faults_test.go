package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

func (s *sandbox) addFault(path, kind string, count int) {
	s.t.Helper()
	if a := s.call("POST", "/sandbox/faults", "", Fault{Path: path, Kind: kind, Count: count}); a.status != 204 {
		s.t.Fatalf("add fault: %d %s", a.status, a.raw)
	}
}

// rawToken posts a password login and returns the raw response or error.
func (s *sandbox) rawToken(ctx context.Context) (*http.Response, []byte, error) {
	body := "grant_type=password&username=alice%40example.com&password=alice-password&client_id=sandbox-client&client_secret=sandbox-secret"
	req, _ := http.NewRequestWithContext(ctx, "POST", s.URL+"/oauth/token", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.Client().Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func TestStatusFaults(t *testing.T) {
	s := startSandbox(t, Options{})
	for _, kind := range []string{"429", "500", "502", "503"} {
		s.addFault("/oauth/token", kind, 2)
		for range 2 {
			resp, body, err := s.rawToken(context.Background())
			if err != nil || resp.Status[:3] != kind || resp.Header.Get("Content-Type") != "application/json" {
				t.Fatalf("%s: %v %v", kind, resp, err)
			}
			var e map[string]string
			if json.Unmarshal(body, &e) != nil || e["error"] == "" || e["error_description"] == "" {
				t.Errorf("%s body %s", kind, body)
			}
			if kind == "429" && (resp.Header.Get("Retry-After") != "1" || resp.Header.Get("X-Ratelimit-Remaining") != "0" || resp.Header.Get("X-Ratelimit-Reset") == "") {
				t.Errorf("429 headers %v", resp.Header)
			}
		}
		if resp, _, _ := s.rawToken(context.Background()); resp.StatusCode != 403 {
			t.Errorf("after %s faults: %d", kind, resp.StatusCode)
		}
	}
}

func TestBodyFaults(t *testing.T) {
	s := startSandbox(t, Options{})
	s.addFault("/oauth/token", "html", 1)
	s.addFault("/oauth/token", "invalid_json", 1)
	s.addFault("/oauth/token", "huge", 1)
	resp, body, _ := s.rawToken(context.Background())
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "<html>") {
		t.Errorf("html: %d %q", resp.StatusCode, body)
	}
	resp, body, _ = s.rawToken(context.Background())
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" || json.Valid(body) {
		t.Errorf("invalid_json: %d %q", resp.StatusCode, body)
	}
	resp, body, _ = s.rawToken(context.Background())
	if resp.StatusCode != 200 || len(body) <= 1<<20 || !json.Valid(body) {
		t.Errorf("huge: %d, %d bytes", resp.StatusCode, len(body))
	}
	if resp, _, _ := s.rawToken(context.Background()); resp.StatusCode != 403 {
		t.Errorf("after the faults: %d", resp.StatusCode)
	}
}

func TestConnectionFaults(t *testing.T) {
	s := startSandbox(t, Options{SlowFaultDelay: 50 * time.Millisecond})
	s.addFault("/oauth/token", "reset", 1)
	_, _, err := s.rawToken(context.Background())
	if err == nil || !(errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || strings.Contains(err.Error(), "EOF")) {
		t.Errorf("reset: %v", err)
	}

	s.addFault("/oauth/token", "hang", 1)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	_, _, err = s.rawToken(ctx)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hang: %v", err)
	}

	s.addFault("/oauth/token", "slow", 1)
	began := time.Now()
	resp, _, err := s.rawToken(context.Background())
	if err != nil || resp.StatusCode != 403 || time.Since(began) < 50*time.Millisecond {
		t.Errorf("slow: %v %v after %v", resp, err, time.Since(began))
	}
	// A hang that the client never gives up on ends when the sandbox closes.
	s.addFault("/oauth/token", "hang", 1)
	done := make(chan error, 1)
	go func() { _, _, err := s.rawToken(context.Background()); done <- err }()
	for s.Tenant.Hanging() == 0 {
		time.Sleep(time.Millisecond) // until the hanging request has taken its fault
	}
	s.Close()
	if err := <-done; err == nil {
		t.Error("the hanging request got an answer")
	}
}

func TestFaultAPI(t *testing.T) {
	s := startSandbox(t, Options{})
	for _, bad := range []Fault{{Path: "oauth/token", Kind: "500"}, {Path: "/oauth/token", Kind: "418"}, {Path: "/oauth/token", Kind: "500", Count: -1}, {Path: "/sandbox/faults", Kind: "500"}} {
		wantError(t, s.call("POST", "/sandbox/faults", "", bad), 400, "invalid_request", "")
	}
	s.addFault("/oauth/token", "500", 5)
	s.addFault("/mfa/challenge", "503", 5)
	if a := s.call("DELETE", "/sandbox/faults", "", nil); a.status != 204 {
		t.Fatalf("clear: %d", a.status)
	}
	if resp, _, _ := s.rawToken(context.Background()); resp.StatusCode != 403 {
		t.Errorf("after clearing: %d", resp.StatusCode)
	}
	// Faults match the exact path only.
	s.addFault("/oauth/token/", "500", 1)
	if resp, _, _ := s.rawToken(context.Background()); resp.StatusCode != 403 {
		t.Errorf("another path's fault applied: %d", resp.StatusCode)
	}
	// Faults on the control API and Guardian endpoints work too.
	s.addFault("/sandbox", "502", 1)
	if a := s.call("GET", "/sandbox", "", nil); a.status != 502 {
		t.Errorf("control fault: %d", a.status)
	}
	recs := s.log.all()
	if last := recs[len(recs)-1]; last.Fault != "502" || last.Status != 502 || last.Path != "/sandbox" {
		t.Errorf("log %+v", last)
	}
}

// A request whose client gives up on a hang (or a slow answer) ends then,
// body or not: a handler left waiting would hold its goroutine and
// connection until the sandbox closes, and the request log would never
// show it.
func TestAbandonedFaultsEndWithTheirClient(t *testing.T) {
	s := startSandbox(t, Options{SlowFaultDelay: time.Hour})
	for _, kind := range []string{"hang", "slow"} {
		before := len(s.log.all())
		s.addFault("/oauth/token", kind, 1)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, _, err := s.rawToken(ctx) // a POST with a body
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("%s: %v", kind, err)
		}
		deadline := time.Now().Add(2 * time.Second)
		for !logged(s.log.all()[before:], kind) || s.Tenant.Hanging() != 0 {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the handler still runs 2s after its client left", kind)
			}
			time.Sleep(time.Millisecond)
		}
	}
}

func logged(records []RequestRecord, fault string) bool {
	for _, r := range records {
		if r.Fault == fault {
			return true
		}
	}
	return false
}
