package auth0

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// answering is a transport that gives every request the same answer,
// so a fuzzer can feed any answer to every call without a network.
type answering struct {
	status      int
	contentType string
	body        []byte
}

func (a answering) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		r.Body.Close()
	}
	h := http.Header{}
	if a.contentType != "" {
		h.Set("Content-Type", a.contentType)
	}
	return &http.Response{StatusCode: a.status, Header: h, Body: io.NopCloser(bytes.NewReader(a.body)), Request: r}, nil
}

// FuzzClientAnswers gives one answer to every call of the client. Nothing
// panics; every call gives a value or an *Error with a named outcome; and
// every string that can reach a screen, in the value or the error, is inert
// on a terminal.
func FuzzClientAnswers(f *testing.F) {
	f.Add(200, "application/json", []byte(`{"authenticator_type":"oob","oob_channel":"auth0","oob_code":"Fe26.x","barcode_uri":"otpauth://totp/a:b?enrollment_tx_id=x","recovery_codes":["ABC"]}`))
	f.Add(200, "application/json", []byte(`[{"id":"push|dev_1","authenticator_type":"oob","oob_channel":"auth0","name":"Pixel","active":true}]`))
	f.Add(200, "application/json", []byte(`{"access_token":"eyJ","id_token":"eyJ","expires_in":"86400","token_type":"Bearer","scope":"openid","recovery_code":"XYZ"}`))
	f.Add(403, "application/json", []byte(`{"error":"mfa_required","error_description":"Multifactor authentication required","mfa_token":"Fe26"}`))
	f.Add(400, "application/json", []byte(`{"error":"authorization_pending","error_description":"Authorization pending"}`))
	f.Add(404, "application/json", []byte(`{"statusCode":404,"error":"Not Found","message":"No such device","errorCode":"device_account_not_found"}`))
	f.Add(200, "application/json", []byte(`[{"id":"\u001b]52;c;aGk=\u0007","oob_channel":"\u001b[2J","authenticator_type":"\u202eoob","name":"\u009b31m"}]`))
	f.Add(200, "application/json", []byte(`{"barcode_uri":"otpauth://\u001b[31m","recovery_codes":["\u001b]8;;http://x\u0007"],"access_token":"\u0007"}`))
	f.Add(200, "text/html", []byte("<html>captive portal</html>"))
	f.Add(204, "", []byte(nil))
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		if status < 100 || status > 999 {
			return // net/http never reports such a status
		}
		c, err := New(Config{Domain: "http://127.0.0.1:1", ClientID: "c", ClientSecret: "s",
			HTTPClient: &http.Client{Transport: answering{status, contentType, body}}})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		check := func(call string, value any, err error) {
			t.Helper()
			if err != nil {
				e, ok := AsError(err)
				if !ok || e.Outcome == OutcomeTokens || e.Outcome.String() == "unknown" {
					t.Fatalf("%s: error %v is not a classified *Error", call, err)
				}
				inert(t, call+" error", err.Error())
				inert(t, call+" code", e.Code)
				inert(t, call+" description", e.Description)
				return
			}
			eachString(reflect.ValueOf(value), func(s string) { inert(t, call, s) })
		}
		as, err := c.Associate(ctx, "m", PushEnrollment())
		check("associate", as, err)
		list, err := c.ListAuthenticators(ctx, "m")
		check("list", list, err)
		ch, err := c.Challenge(ctx, ChallengeRequest{MFAToken: "m", ChallengeType: "oob"})
		check("challenge", ch, err)
		check("delete", nil, c.DeleteAuthenticator(ctx, "at", "push|dev_1"))
		res, err := c.LoginWithPassword(ctx, PasswordLogin{Username: "u", Password: "p"})
		check("login", res, err)
		if err == nil && (res.MFARequired == nil) == (res.Tokens == nil) {
			t.Fatalf("login: exactly one of mfa_required and tokens must be set: %+v", res)
		}
		tk, err := c.VerifyOOB(ctx, "m", "o", "")
		check("poll", tk, err)
	})
}

// eachString calls f on every string reachable from v.
func eachString(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			eachString(v.Field(i), f)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachString(v.Index(i), f)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			eachString(k, f)
			eachString(v.MapIndex(k), f)
		}
	}
}

// inert fails when s holds anything a terminal would act on: an escape
// sequence or another control character, or a Unicode control that
// reorders text.
func inert(t *testing.T, what, s string) {
	t.Helper()
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || isBidiControl(r) }); i >= 0 {
		t.Fatalf("%s: %q holds a control character at %d", what, s, i)
	}
}
