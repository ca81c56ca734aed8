package trace_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

func TestDetailsOfAFormPoll(t *testing.T) {
	ex := auth0.Exchange{
		Method: "POST", URL: "http://127.0.0.1:8484/oauth/token", Grant: auth0.GrantMFAOOB,
		RequestHeader: http.Header{"User-Agent": {"mfapush/dev"}, "Content-Type": {"application/x-www-form-urlencoded"}},
		RequestBody:   []byte("grant_type=http%3A%2F%2Fauth0.com%2Foauth%2Fgrant-type%2Fmfa-oob&mfa_token=%24MFA_TOKEN&client_id=sandbox-client&note=two+words%0Aand+a+line"),
		StatusCode:    400, Duration: 12 * time.Millisecond,
		ResponseHeader: http.Header{"Content-Type": {"application/json"}, "X-Ratelimit-Remaining": {"11"}},
		ResponseBody:   []byte(`{"error":"authorization_pending","error_description":"Authorization pending: please repeat the request in a few seconds."}`),
	}
	want := `POST http://127.0.0.1:8484/oauth/token
Content-Type: application/x-www-form-urlencoded
User-Agent: mfapush/dev

grant_type: http://auth0.com/oauth/grant-type/mfa-oob
mfa_token: $MFA_TOKEN
client_id: sandbox-client
note: two words\nand a line

400 Bad Request in 12ms
Content-Type: application/json
X-Ratelimit-Remaining: 11

{
  "error": "authorization_pending",
  "error_description": "Authorization pending: please repeat the request in a few seconds."
}
`
	checkDetails(t, ex, want)
}

func TestDetailsOfAJSONRequestAndEmpty204(t *testing.T) {
	ex := auth0.Exchange{
		Method: "POST", URL: "http://h/mfa/challenge",
		RequestHeader:  http.Header{"Content-Type": {"application/json"}},
		RequestBody:    []byte(`{"client_id":"c","mfa_token":"$MFA_TOKEN","nested":{"a":[1,2]}}`),
		StatusCode:     204,
		Duration:       3 * time.Millisecond,
		ResponseHeader: http.Header{},
	}
	want := `POST http://h/mfa/challenge
Content-Type: application/json

{
  "client_id": "c",
  "mfa_token": "$MFA_TOKEN",
  "nested": {
    "a": [
      1,
      2
    ]
  }
}

204 No Content in 3ms

(no body)
`
	checkDetails(t, ex, want)
}

func TestDetailsOfANetworkFailure(t *testing.T) {
	ex := auth0.Exchange{
		Method: "GET", URL: "http://h/mfa/authenticators", RequestHeader: http.Header{"Authorization": {"Bearer $MFA_TOKEN"}},
		Duration: 10 * time.Second, Failure: "read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer",
	}
	want := `GET http://h/mfa/authenticators
Authorization: Bearer $MFA_TOKEN

(no body)

no answer after 10s: read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer
`
	checkDetails(t, ex, want)
}

func TestDetailsOfAnHTMLErrorPage(t *testing.T) {
	var page strings.Builder
	page.WriteString("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<style>" + strings.Repeat("x", 5000) + "</style>\r\n<body>\r\n")
	for range 500 {
		page.WriteString("\t<p>filler</p>\r\n")
	}
	page.WriteString("</body></html>\r\n")
	ex := auth0.Exchange{
		Method: "POST", URL: "http://h/oauth/token", StatusCode: 502,
		ResponseHeader: http.Header{"Content-Type": {"text/html"}}, ResponseBody: []byte(page.String()), BodyTruncated: true,
	}
	got := trace.Details(ex, en)
	checkInert(t, got)
	lines := strings.Split(got, "\n")
	for _, want := range []string{"<html>", "<head><title>502 Bad Gateway</title></head>", "    <p>filler</p>",
		"(305 more lines not shown)", "(the body was longer: only its start was kept)"} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q in:\n%s", want, got)
		}
	}
	if len(lines) > 215 {
		t.Errorf("%d lines: the body was not cut", len(lines))
	}
	long := false
	for _, l := range lines {
		n := len([]rune(l))
		if n > 400 {
			t.Errorf("a line of %d runes", n)
		}
		long = long || n == 400 && strings.HasPrefix(l, "<style>xxx") && strings.HasSuffix(l, "x…")
	}
	if !long {
		t.Error("the long line was not cut to 400 runes")
	}
}

func TestDetailsRenderEscapeSequencesInert(t *testing.T) {
	hostile := "\x1b[2J\x1b]0;owned\x07red \x1b[31mtext\x1b[0m \u202egnp.exe \u009b31m \x00\xff end"
	ex := auth0.Exchange{
		Method: "GET", URL: "http://h/mfa/authenticators", StatusCode: 200,
		ResponseHeader: http.Header{"Content-Type": {"text/plain"}, "X-Evil\x1b[1m": {hostile}},
		ResponseBody:   []byte(`[{"id":"push|dev_1","name":"` + "\u009b2J\u202e" + `phone\u001b[2J"}]`),
	}
	got := trace.Details(ex, en)
	checkInert(t, got)
	if !strings.Contains(got, `"name": "\u009b2J\u202ephone\u001b[2J"`) {
		t.Errorf("JSON name not rendered visibly:\n%s", got)
	}
	ex.ResponseBody = []byte("plain " + hostile)
	got = trace.Details(ex, en)
	checkInert(t, got)
	if !strings.Contains(got, `(`) || !strings.Contains(got, "bytes that are not text") {
		t.Errorf("binary body shown:\n%s", got)
	}
	ex.ResponseBody = []byte("text \x1b[31mred\x1b[0m\u202e\r\nsecond\ttab\n")
	got = trace.Details(ex, en)
	checkInert(t, got)
	if !strings.Contains(got, "\ntext \\x1b[31mred\\x1b[0m\\u202e\nsecond    tab\n") {
		t.Errorf("text body:\n%s", got)
	}
}

// checkDetails compares Details with the expected text.
func checkDetails(t *testing.T, ex auth0.Exchange, want string) {
	t.Helper()
	got := trace.Details(ex, en)
	if got != want {
		t.Errorf("Details =\n%s\nwant\n%s", got, want)
	}
	checkInert(t, got)
}

// checkInert fails on any character a terminal acts on, other than the
// newlines that separate lines.
func checkInert(t *testing.T, text string) {
	t.Helper()
	for i, r := range text {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\uFFFD') {
			t.Errorf("character %U at byte %d in:\n%q", r, i, text)
			return
		}
	}
}
