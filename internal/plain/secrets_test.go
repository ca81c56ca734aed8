package plain_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// secretFields are the fields whose values are secret
// (docs/polling.md, "Secrets").
var secretFields = []string{
	"client_secret", "password", "mfa_token", "oob_code", "binding_code", "otp", "recovery_code", "recovery_codes",
	"access_token", "id_token", "refresh_token", "barcode_uri",
}

// secretLog holds every secret value of a run: value → field.
type secretLog struct {
	mu     sync.Mutex
	values map[string]string
}

func (l *secretLog) add(field string, v any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch v := v.(type) {
	case string:
		if len(v) >= 6 { // shorter values would match by chance
			l.values[v] = field
		}
	case []any:
		for _, item := range v {
			if s, ok := item.(string); ok && len(s) >= 6 {
				l.values[s] = field
			}
		}
	}
}

// addBody records the secret fields of a form or JSON body.
func (l *secretLog) addBody(body []byte) {
	var fields map[string]any
	if json.Unmarshal(body, &fields) != nil {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return
		}
		fields = map[string]any{}
		for k, v := range form {
			fields[k] = v[0]
		}
	}
	for _, name := range secretFields {
		if v, ok := fields[name]; ok {
			l.add(name, v)
		}
	}
}

// check fails when text holds a secret value, except those of the fields
// allowed: as it is, URL-encoded or JSON-escaped.
func (l *secretLog) check(t *testing.T, where, text string, allowed ...string) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.values) == 0 {
		t.Fatal("no secret crossed the wire: the recorder is broken")
	}
	for value, field := range l.values {
		if slices.Contains(allowed, field) {
			continue
		}
		j, _ := json.Marshal(value)
		for _, form := range []string{value, url.QueryEscape(value), strings.Trim(string(j), `"`)} {
			if strings.Contains(text, form) {
				t.Errorf("%s shows the %s (%.10s…)", where, field, value)
			}
		}
	}
}

// valuesOf lists the recorded values of a field.
func (l *secretLog) valuesOf(field string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for value, f := range l.values {
		if f == field {
			out = append(out, value)
		}
	}
	return out
}

// recordingTransport records the secrets of every request and answer,
// and runs beforePoll, if set, before the next poll.
type recordingTransport struct {
	next       http.RoundTripper
	log        *secretLog
	beforePoll *atomic.Pointer[func()]
	// rewrite, when set, changes the body of every successful token answer.
	rewrite *atomic.Pointer[func([]byte) []byte]
}

func (rt recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if bearer, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer "); ok {
		rt.log.add("mfa_token", bearer)
	}
	if req.Body != nil {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		rt.log.addBody(body)
		req.Body = io.NopCloser(bytes.NewReader(body))
		if f := rt.beforePoll.Load(); f != nil && bytes.Contains(body, []byte("oob_code=")) && rt.beforePoll.CompareAndSwap(f, nil) {
			(*f)()
		}
	}
	resp, err := rt.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	rt.log.addBody(body)
	if f := rt.rewrite.Load(); f != nil && req.URL.Path == "/oauth/token" && resp.StatusCode == http.StatusOK {
		body = (*f)(body)
		resp.ContentLength = int64(len(body))
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
