package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
)

// sdkExchange is one request as Auth0's Node SDK (npm auth0: ManagementClient
// 7.1, AuthenticationClient 6.4 for CIBA) sent it to `mfapush sandbox --tls`,
// recorded by wrapping its fetch, with the answer's status and Content-Type.
// Values that change from run to run are {PLACEHOLDERS}.
type sdkExchange struct {
	Method            string `json:"method"`
	Path              string `json:"path"`
	ContentType       string `json:"content_type"`
	Bearer            string `json:"bearer"`
	Body              string `json:"body"`
	Status            int    `json:"status"`
	AnswerContentType string `json:"answer_content_type"`
	Note              string `json:"note"`
}

// TestNodeSDKExchanges replays the Node SDK's requests, byte for byte
// but for the placeholders, so that CI checks what the SDK run showed
// without npm: every call of the helpdesk, CIBA included, answered as
// the SDK expects.
func TestNodeSDKExchanges(t *testing.T) {
	raw, err := os.ReadFile("testdata/node-auth0-exchanges.json")
	if err != nil {
		t.Fatal(err)
	}
	var exchanges []sdkExchange
	if err := json.Unmarshal(raw, &exchanges); err != nil {
		t.Fatal(err)
	}
	s := startSandbox(t, Options{})
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
		if ex.Method == http.MethodPost && ex.Path == "/oauth/token" && strings.Contains(ex.Body, "grant-type%3Aciba") && ex.Status == 200 {
			// Between the SDK's two polls, bob approved on the phone.
			if err := s.Phone.Approve(t.Context(), s.Phone.Notifications()[0].ID); err != nil {
				t.Fatal(err)
			}
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
		if a.status != ex.Status || a.header.Get("Content-Type") != ex.AnswerContentType {
			t.Errorf("exchange %d, %s %s: %d %q %s; the SDK got %d %q", i, ex.Method, ex.Path, a.status, a.header.Get("Content-Type"), a.raw, ex.Status, ex.AnswerContentType)
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
	if len(exchanges) < 18 {
		t.Errorf("only %d exchanges recorded", len(exchanges))
	}
}
