package auth0

import (
	"context"
	"errors"
	"net/http"
	"syscall"
	"testing"
	"time"
)

// answers are real or documented token-endpoint answers (docs/fidelity.md lists their evidence).
var classifyCases = []struct {
	name   string
	status int
	header http.Header
	body   string
	want   Outcome
}{
	{"tokens", 200, nil, `{"access_token":"a","expires_in":86400,"scope":"openid profile","token_type":"Bearer"}`, OutcomeTokens},
	{"tokens with string expires_in", 200, nil, `{"access_token":"a","expires_in":"600","token_type":"Bearer"}`, OutcomeTokens},
	{"pending", 400, nil, `{"error":"authorization_pending","error_description":"Authorization pending: please repeat the request in a few seconds."}`, OutcomePending},
	{"slow_down", 400, nil, `{"error":"slow_down","error_description":"You are polling faster than allowed."}`, OutcomeSlowDown},
	{"rejected (recorded)", 400, nil, `{"error":"access_denied","error_description":"MFA Authorization rejected."}`, OutcomeRejected},
	{"rejected (documented)", 403, nil, `{"error":"invalid_grant","error_description":"MFA Authorization rejected."}`, OutcomeRejected},
	{"expired mfa_token", 403, nil, `{"error":"expired_token","error_description":"mfa_token is expired"}`, OutcomeExpired},
	{"429", 429, http.Header{"X-Ratelimit-Limit": {"12"}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1700000000"}}, `{"error":"too_many_requests","error_description":"Too many requests"}`, OutcomeRateLimited},
	{"429 old shape", 429, nil, `{"message":"Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers."}`, OutcomeRateLimited},
	{"global limit as 500", 500, nil, `{"error":"access_denied","error_description":"Global limit has been reached"}`, OutcomeRateLimited},
	{"500", 500, nil, `{"error":"server_error","error_description":"oops"}`, OutcomeTransient},
	{"502 html", 502, http.Header{"Content-Type": {"text/html"}}, `<html><body>Bad gateway</body></html>`, OutcomeTransient},
	{"503 empty", 503, nil, ``, OutcomeTransient},
	{"200 html (captive portal)", 200, nil, `<!DOCTYPE html><html></html>`, OutcomeTransient},
	{"200 without access_token", 200, nil, `{"token_type":"Bearer"}`, OutcomeFatal},
	// An odd expires_in must not throw away tokens whose oob_code is spent:
	// the tokens are kept, their expiry unknown.
	{"200 negative expires_in", 200, nil, `{"access_token":"a","expires_in":-100}`, OutcomeTokens},
	{"200 absurd expires_in", 200, nil, `{"access_token":"a","expires_in":1e12}`, OutcomeTokens},
	{"200 expires_in in words", 200, nil, `{"access_token":"a","expires_in":"ten minutes"}`, OutcomeTokens},
	{"200 expires_in an object", 200, nil, `{"access_token":"a","expires_in":{"s":1}}`, OutcomeTokens},
	{"invalid oob_code", 403, nil, `{"error":"invalid_grant","error_description":"Invalid oob_code."}`, OutcomeFatal},
	{"malformed mfa_token", 403, nil, `{"error":"invalid_grant","error_description":"Malformed mfa_token"}`, OutcomeFatal},
	{"guardian shape", 404, nil, `{"statusCode":404,"error":"Not Found","message":"Transaction not found","errorCode":"login_transaction_not_found"}`, OutcomeFatal},
	{"too many attempts", 429, nil, `{"error":"too_many_attempts","error_description":"Too many failed attempts"}`, OutcomeRateLimited},
	{"json array error", 400, nil, `[1,2]`, OutcomeTransient},
}

func TestClassify(t *testing.T) {
	for _, tc := range classifyCases {
		if got := Classify(tc.status, tc.header, []byte(tc.body), nil); got != tc.want {
			t.Errorf("%s: Classify = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestClassifyTransportFailures(t *testing.T) {
	for name, tc := range map[string]struct {
		err  error
		want Outcome
	}{
		"reset":     {syscall.ECONNRESET, OutcomeTransient},
		"refused":   {syscall.ECONNREFUSED, OutcomeTransient},
		"timeout":   {context.DeadlineExceeded, OutcomeTransient},
		"too large": {ErrTooLarge, OutcomeTransient},
		"cancelled": {context.Canceled, OutcomeFatal},
	} {
		if got := Classify(0, nil, nil, tc.err); got != tc.want {
			t.Errorf("%s: Classify = %v, want %v", name, got, tc.want)
		}
	}
}

func TestErrorCarriesRateLimitHeaders(t *testing.T) {
	at := time.Unix(1_700_000_000, 0)
	e := answerError("op", 429, http.Header{
		"X-Ratelimit-Limit": {"12"}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1700000007"}, "Retry-After": {"5"},
	}, []byte(`{"error":"too_many_requests","error_description":"slow"}`), at)
	rl := e.RateLimit
	if !rl.Present || rl.Limit != 12 || rl.Remaining != 0 || rl.Reset.Unix() != 1_700_000_007 || rl.RetryAfter != 5*time.Second {
		t.Fatalf("rate limit = %+v", rl)
	}
	if w := rl.Wait(at); w != 7*time.Second {
		t.Errorf("Wait = %v, want 7s (the reset is later than Retry-After)", w)
	}
	date := at.Add(9 * time.Second).UTC().Format(http.TimeFormat)
	rl = parseRateLimit(http.Header{"Retry-After": {date}}, at)
	if rl.RetryAfter != 9*time.Second {
		t.Errorf("Retry-After as a date = %v, want 9s", rl.RetryAfter)
	}
}

func TestErrorTextAndDescriptionsAreInert(t *testing.T) {
	e := answerError("POST /oauth/token (mfa-oob)", 400, nil, []byte(`{"error":"slow_down","error_description":"\u001b]52;c;ZXZpbA==\u0007go \u001b[2Jslower\u202e"}`), time.Now())
	if e.Description != "go slower" {
		t.Errorf("description = %q", e.Description)
	}
	if want := "POST /oauth/token (mfa-oob): HTTP 400 slow_down: go slower"; e.Error() != want {
		t.Errorf("Error() = %q, want %q", e.Error(), want)
	}
	if !errors.Is(&Error{Err: context.DeadlineExceeded}, context.DeadlineExceeded) {
		t.Error("Error does not unwrap")
	}
}

func FuzzClassify(f *testing.F) {
	for _, tc := range classifyCases {
		f.Add(tc.status, tc.body, tc.header.Get("X-Ratelimit-Reset"), tc.header.Get("Retry-After"))
	}
	f.Fuzz(func(t *testing.T, status int, body, reset, retryAfter string) {
		h := http.Header{}
		if reset != "" {
			h.Set("X-Ratelimit-Reset", reset)
		}
		if retryAfter != "" {
			h.Set("Retry-After", retryAfter)
		}
		got := Classify(status, h, []byte(body), nil)
		if got.String() == "unknown" {
			t.Fatalf("Classify gave an unnamed outcome %d", got)
		}
		tokens, err := interpretTokenAnswer("op", status, h, []byte(body), nil, time.Now())
		if (tokens != nil) == (err != nil) {
			t.Fatalf("tokens %v and error %v: exactly one must be set", tokens, err)
		}
		if tokens != nil && (got != OutcomeTokens || tokens.AccessToken == "" || tokens.ExpiresIn < 0) {
			t.Fatalf("bad tokens %+v for outcome %v", tokens, got)
		}
		if err != nil && got == OutcomeTokens {
			t.Fatal("an error classified as tokens")
		}
	})
}

// TestAbsurdRateLimitHeadersSaturate: a Retry-After or a reset too far off
// for a time.Duration asks for the longest wait there is, never for a
// negative or a short one.
func TestAbsurdRateLimitHeadersSaturate(t *testing.T) {
	at := time.Unix(1_700_000_000, 0)
	for name, h := range map[string]http.Header{
		"retry-after 9.3e9 s":         {"Retry-After": {"9300000000"}},
		"retry-after past int64":      {"Retry-After": {"99999999999999999999999"}},
		"retry-after as a float":      {"Retry-After": {"1e300"}},
		"reset far off":               {"X-Ratelimit-Reset": {"99999999999999"}},
		"reset past int64":            {"X-Ratelimit-Reset": {"1e300"}},
		"reset in the year 36812":     {"X-Ratelimit-Reset": {"1099511627775"}},
		"both absurd":                 {"Retry-After": {"9300000000"}, "X-Ratelimit-Reset": {"99999999999999"}},
		"absurd date is a long while": {"Retry-After": {"Fri, 31 Dec 9999 23:59:59 GMT"}},
	} {
		rl := parseRateLimit(h, at)
		if w := rl.Wait(at); !rl.Present || w < 24*time.Hour {
			t.Errorf("%s: %+v, Wait = %v: want a saturated wait", name, rl, w)
		}
	}
}
