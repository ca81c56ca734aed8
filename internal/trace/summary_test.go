package trace_test

import (
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

func TestSummarizeSaysWhatTheAnswerMeant(t *testing.T) {
	const tokenURL = "http://127.0.0.1:8484/oauth/token"
	poll := func(status int, code string) auth0.Exchange {
		return auth0.Exchange{Method: "POST", URL: tokenURL, Grant: auth0.GrantMFAOOB, StatusCode: status, ErrorCode: code}
	}
	for _, tc := range []struct {
		name string
		ex   auth0.Exchange
		want string
	}{
		{"pending", poll(400, "authorization_pending"), "authorization_pending"},
		{"slow_down", poll(400, "slow_down"), "slow_down"},
		{"rejected", poll(400, "access_denied"), "access_denied"},
		{"expired", poll(403, "expired_token"), "expired_token"},
		{"tokens", poll(200, ""), "tokens"},
		{"mfa_required", auth0.Exchange{Method: "POST", URL: tokenURL, Grant: auth0.GrantPasswordRealm, StatusCode: 403, ErrorCode: "mfa_required"}, "mfa_required"},
		{"token endpoint HTML 502", poll(502, ""), "502 Bad Gateway"},
		{"list", auth0.Exchange{Method: "GET", URL: "http://h/mfa/authenticators", StatusCode: 200}, "200 OK"},
		{"delete", auth0.Exchange{Method: "DELETE", URL: "http://h/mfa/authenticators/push%7Cdev_1", StatusCode: 204}, "204 No Content"},
		{"MFA API error", auth0.Exchange{Method: "POST", URL: "http://h/mfa/associate", StatusCode: 403, ErrorCode: "access_denied"}, "access_denied"},
		{"unknown status", auth0.Exchange{Method: "GET", URL: "http://h/x", StatusCode: 599}, "599"},
		{"refused", auth0.Exchange{Method: "POST", URL: tokenURL, Grant: auth0.GrantMFAOOB,
			Failure: "dial tcp 127.0.0.1:8484: connect: connection refused"}, "network error: connection refused"},
		{"timeout", auth0.Exchange{Method: "POST", URL: tokenURL, Failure: "context deadline exceeded"}, "network error: context deadline exceeded"},
		{"no failure text", auth0.Exchange{Method: "POST", URL: tokenURL}, "network error: no answer"},
		{"too large", auth0.Exchange{Method: "GET", URL: "http://h/mfa/authenticators", StatusCode: 200,
			Failure: "the answer is larger than 1048576 bytes"}, "200 OK, unread: the answer is larger than 1048576 bytes"},
		{"hostile code", auth0.Exchange{Method: "POST", URL: tokenURL, Grant: auth0.GrantMFAOOB, StatusCode: 400,
			ErrorCode: "\x1b]0;pwned\x07bad\u202e"}, `\x1b]0;pwned\x07bad\u202e`},
	} {
		if got := trace.Summarize(tc.ex, en).Result; got != tc.want {
			t.Errorf("%s: Result = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSummarizeLine(t *testing.T) {
	ex := auth0.Exchange{Method: "DELETE", URL: "http://127.0.0.1:8484/mfa/authenticators/push%7Cdev_1?x=1", StatusCode: 204,
		Duration: 12345 * time.Microsecond}
	l := trace.Summarize(ex, en)
	want := trace.Line{Method: "DELETE", Path: "/mfa/authenticators/push%7Cdev_1?x=1", Status: 204, Duration: ex.Duration, Result: "204 No Content"}
	if l != want {
		t.Fatalf("Summarize = %+v\nwant        %+v", l, want)
	}
	if s := l.String(); s != "DELETE /mfa/authenticators/push%7Cdev_1?x=1 204 No Content 12ms" {
		t.Errorf("String = %q", s)
	}
	failed := trace.Summarize(auth0.Exchange{Method: "POST", URL: "http://h/oauth/token", Failure: "EOF", Duration: 1500 * time.Millisecond}, en)
	if s := failed.String(); s != "POST /oauth/token network error: EOF 1.5s" {
		t.Errorf("String = %q", s)
	}
	pending := trace.Summarize(auth0.Exchange{Method: "POST", URL: "http://h/oauth/token", Grant: auth0.GrantMFAOOB,
		StatusCode: 400, ErrorCode: "authorization_pending", Duration: 850 * time.Microsecond}, en)
	if s := pending.String(); s != "POST /oauth/token 400 authorization_pending 850µs" {
		t.Errorf("String = %q", s)
	}
	long := trace.Summarize(auth0.Exchange{Method: "GET", URL: "http://h/" + string(make([]byte, 300)), StatusCode: 200}, en)
	if len([]rune(long.Path)) > 80 {
		t.Errorf("Path not cut: %d runes", len([]rune(long.Path)))
	}
}
