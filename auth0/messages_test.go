package auth0

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// What a person reads when an answer is not Auth0's: Diagnose puts the
// status and these words after "Auth0 answered …", so they name what came
// back; a timeout says how long it waited. Each call shape is checked: the
// token endpoint and the MFA API's JSON calls.
func TestFailuresSayWhatCameBack(t *testing.T) {
	for name, tc := range map[string]struct {
		handler func(w http.ResponseWriter)
		status  int
		words   string
	}{
		"html page": {func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<!DOCTYPE html><html><body>Service unavailable</body></html>")
		}, 200, "an HTML page, not JSON"},
		"cut-short JSON": {func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"access_token":"eyJ`)
		}, 200, "a body that is not JSON"},
		"over 1 MiB": {func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"x":"`+strings.Repeat("a", MaxBodySize)+`"}`)
		}, 200, "a body over 1 MiB"},
		"empty 502": {func(w http.ResponseWriter) { w.WriteHeader(502) }, 502, "an empty body"},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { tc.handler(w) }))
		c := newTestClient(t, srv.URL, "")
		_, tokenErr := c.VerifyOOB(context.Background(), "m", "o", "")
		_, listErr := c.ListAuthenticators(context.Background(), "m")
		srv.Close()
		for call, err := range map[string]error{"token": tokenErr, "list": listErr} {
			e, ok := AsError(err)
			if !ok || e.StatusCode != tc.status || e.Outcome != OutcomeTransient || !strings.Contains(e.Error(), tc.words) {
				t.Errorf("%s, %s call: %v (status %d), want HTTP %d, transient, saying %q", name, call, err, e.StatusCode, tc.status, tc.words)
			}
		}
	}
}

func TestTimeoutSaysHowLongItWaited(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer srv.Close()
	c := newClient(t, Config{Domain: srv.URL, ClientID: "c", Timeout: 20 * time.Millisecond})
	_, err := c.ListAuthenticators(context.Background(), "m")
	if e, ok := AsError(err); !ok || e.StatusCode != 0 || !strings.HasSuffix(err.Error(), "timed out after 20ms") {
		t.Fatalf("err = %v", err)
	}
}

// Auth0 answers a delete with 204 and no body. A 200 carrying a page (a
// captive portal, a proxy) means the delete may never have reached the
// tenant: it must not be told as done.
func TestDeleteAnsweredWithAPageIsNotDone(t *testing.T) {
	for name, tc := range map[string]struct {
		contentType, body string
		ok                bool
	}{
		"204":       {"", "", true},
		"JSON":      {"application/json", "{}", true},
		"HTML page": {"text/html", "<html><body>Sign in to the Wi-Fi</body></html>", false},
		"cut short": {"application/json", `{"id":"push|dev_`, false},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if tc.body == "" {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			w.Header().Set("Content-Type", tc.contentType)
			io.WriteString(w, tc.body)
		}))
		err := newTestClient(t, srv.URL, "").DeleteAuthenticator(context.Background(), "at", "push|dev_1")
		srv.Close()
		if (err == nil) != tc.ok || err != nil && OutcomeOf(err) != OutcomeTransient {
			t.Errorf("%s: %v (%v), want success %v", name, err, OutcomeOf(err), tc.ok)
		}
	}
}
