package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// sdkExchange is one request as Auth0's Node SDK sent it to `mfapush
// sandbox --tls`, with what the SDK read of the answer: its status,
// Content-Type, OAuth error code and Retry-After. Values that change from
// run to run are {PLACEHOLDERS}; Note names what happened just before
// (the phone approved, rejected, the request expired, a poll too soon).
type sdkExchange struct {
	Method            string `json:"method"`
	Path              string `json:"path"`
	ContentType       string `json:"content_type"`
	Bearer            string `json:"bearer"`
	Body              string `json:"body"`
	Status            int    `json:"status"`
	AnswerContentType string `json:"answer_content_type"`
	AnswerError       string `json:"answer_error"`
	RetryAfter        string `json:"retry_after"`
	Note              string `json:"note"`
}

// TestNodeSDKExchanges replays the Node SDK's requests, byte for byte
// but for the placeholders, so that CI checks what the SDK run showed
// without npm: every call of the helpdesk, and CIBA approved, rejected,
// expired, polled too soon and refused for its binding message, answered
// as the SDK expects.
//
// testdata/node-auth0-exchanges.json was recorded by
// testdata/record-node-auth0.mjs (how to run it is at its top) with npm
// auth0 7.1.0: its ManagementClient, and for CIBA the AuthenticationClient
// of its auth0/legacy entry point (auth0 4.37.1 inside), whose requests
// are the same bytes as the AuthenticationClient 6.4 an earlier recording
// used.
func TestNodeSDKExchanges(t *testing.T) {
	raw, err := os.ReadFile("testdata/node-auth0-exchanges.json")
	if err != nil {
		t.Fatal(err)
	}
	var exchanges []sdkExchange
	if err := json.Unmarshal(raw, &exchanges); err != nil {
		t.Fatal(err)
	}
	// The CLI's sandbox spacing, so that a poll too soon gets slow_down.
	s := startSandbox(t, Options{MinPollInterval: 5 * time.Second})
	bob := s.userID("bob@example.com", connection)
	vars := map[string]string{
		"{BASE_Q}": url.QueryEscape(s.URL), "{BOB_P}": url.PathEscape(bob), "{BOB}": bob,
		"{CAROL}": s.userID("carol@example.com", connection), "{PUSH_P}": url.PathEscape("push|" + s.bobDevice().ID),
	}
	fill := func(text string) string {
		for k, v := range vars {
			text = strings.ReplaceAll(text, k, v)
		}
		return text
	}
	for i, ex := range exchanges {
		if err := s.beforeExchange(t, ex.Note); err != nil {
			t.Fatalf("exchange %d (%s): %v", i, ex.Note, err)
		}
		req, err := http.NewRequest(ex.Method, s.URL+fill(ex.Path), strings.NewReader(fill(ex.Body)))
		if err != nil {
			t.Fatal(err)
		}
		if ex.ContentType != "" {
			req.Header.Set("Content-Type", ex.ContentType)
		}
		if ex.Bearer != "" {
			req.Header.Set("Authorization", "Bearer "+vars[ex.Bearer])
		}
		a := s.do(req)
		got := sdkExchange{Status: a.status, AnswerContentType: a.header.Get("Content-Type"), AnswerError: a.str("error"), RetryAfter: a.header.Get("Retry-After")}
		want := sdkExchange{Status: ex.Status, AnswerContentType: ex.AnswerContentType, AnswerError: ex.AnswerError, RetryAfter: ex.RetryAfter}
		if got != want {
			t.Errorf("exchange %d, %s %s: %d %q error %q Retry-After %q: %s; the SDK got %d %q error %q Retry-After %q", i, ex.Method, ex.Path,
				got.Status, got.AnswerContentType, got.AnswerError, got.RetryAfter, a.raw, want.Status, want.AnswerContentType, want.AnswerError, want.RetryAfter)
		}
		switch {
		case ex.Note == "limited token":
			vars["{LIMITED_TOKEN}"] = a.str("access_token")
		case strings.Contains(ex.Body, "grant_type=client_credentials"):
			vars["{TOKEN}"] = a.str("access_token")
		case ex.Path == "/bc-authorize":
			vars["{AUTH_REQ_ID}"] = a.str("auth_req_id")
		}
	}
	if len(exchanges) < 26 {
		t.Errorf("only %d exchanges recorded", len(exchanges))
	}
}

// beforeExchange plays what happened on the phone or the clock before an
// exchange of the recording.
func (s *sandbox) beforeExchange(t *testing.T, note string) error {
	pending := s.Phone.Notifications()
	newest := func() (string, error) {
		if len(pending) == 0 {
			return "", errors.New("no push is waiting on the phone")
		}
		return pending[len(pending)-1].ID, nil
	}
	switch note {
	case "approved on the phone":
		id, err := newest()
		if err == nil {
			err = s.Phone.Approve(t.Context(), id)
		}
		return err
	case "rejected on the phone":
		id, err := newest()
		if err == nil {
			err = s.Phone.Reject(t.Context(), id, "")
		}
		return err
	case "expired":
		s.clock.Advance(2 * time.Second) // the request asked for 1 s
	}
	return nil
}
