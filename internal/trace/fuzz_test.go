package trace_test

import (
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

// FuzzRender feeds arbitrary values, from a server or a person, through
// every rendering: nothing panics, nothing a terminal acts on survives, and
// bash parses every curl command.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{"", nasty, "$MFA_TOKEN", "x$OTP_SECRETy$OTP", "\x1b[31m\u202e\u009b\x00\xff", "'\"`\\\n\r\t!", "@file", "{[]}"} {
		f.Add(seed, seed, false)
	}
	_, bashErr := exec.LookPath("bash")
	f.Fuzz(func(t *testing.T, value, body string, revealed bool) {
		for _, ex := range []auth0.Exchange{
			{
				Method: "POST", URL: "http://h/oauth/token?q=" + url.QueryEscape(value), Revealed: revealed,
				RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "X-V": {value}},
				RequestBody:   []byte("v=" + url.QueryEscape(value) + "&" + body),
				StatusCode:    400, ErrorCode: value, ResponseHeader: http.Header{"Content-Type": {"application/json"}, value: {value}},
				ResponseBody: []byte(body),
			},
			{
				Method: value, URL: value, Revealed: revealed, RequestHeader: http.Header{"Content-Type": {"text/plain"}},
				RequestBody: []byte(body), Failure: value,
			},
		} {
			checkInert(t, trace.Summarize(ex, en).String()+trace.Details(ex, en))
			command := trace.Curl(ex)
			checkCommandInert(t, command)
			if bashErr == nil && !strings.ContainsRune(command, 0) {
				checkSyntax(t, command)
			}
		}
	})
}
