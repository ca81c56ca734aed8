package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/guardian"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/trace"
)

// Whole flows with the trace on and a forced error on every screen; then
// every secret value the run exchanged with the tenant is searched for, as
// it is, URL-encoded and JSON-escaped, in everything the program showed:
// every byte written to the terminal, every screen drawn, the request
// trace as the trace screen, its details and curl commands render it, and
// the line printed at exit. The secrets are read off the wire, so that a
// value the test did not think of is searched too.
//
// The screen shows two secrets on purpose, and only while they are the
// point of the screen: the enrollment's QR code and link (barcode_uri, with
// its ticket) and the recovery code to save. The sandbox's demo passwords
// are public (the sandbox prints them, and the wrong-password hint names
// them). All are still searched for in the trace.

func TestNoSecretInAnyOutput(t *testing.T) {
	for _, run := range []struct {
		name  string
		start Journey
		steps func(e *e2e)
	}{
		{"alice enrolls", JourneyEnroll, enrollWithErrors},
		{"bob signs in with a push", JourneyChallenge, challengeWithErrors},
		{"bob deletes his push", JourneyManage, deleteWithErrors},
	} {
		t.Run(run.name, func(t *testing.T) {
			t.Parallel()
			catcher := &secretCatcher{values: map[string]string{}}
			e := startE2EWith(t, 100, 34, run.start, e2eOptions{manual: true, timeout: matrixTimeout, record: true, transport: catcher.wrap})
			run.steps(e)
			e.openTrace()
			e.stop()
			checkNoSecrets(t, e, catcher.all())
		})
	}
}

func enrollWithErrors(e *e2e) {
	e.typeCredentials("alice@example.com", "alice-password")
	e.fault("/oauth/token", 1)
	e.press("enter")
	e.waitFor(en.Problem.Server.Title) // on the sign-in
	e.press("enter")
	e.waitFor(en.Factors.ChooseTitle)
	e.fault("/mfa/associate", 1)
	e.press("enter")                       // push
	e.waitFor("POST /mfa/associate → 503") // on the associate
	e.press("enter")
	e.waitFor("Waiting for the phone")
	e.fault("/oauth/token", 2)
	e.pollOnce()
	e.pollOnce()
	e.waitFor("(2 in a row)") // on the confirmation (the text wraps beside the code)
	e.press("s")
	e.waitUntil("alice's device", func(string) bool { return len(e.srv.Phone.Devices()) == 2 })
	e.fault("/mfa/authenticators", 1)
	e.advance()
	e.waitFor(en.Problem.Server.Title) // on the list of the new device
	e.press("enter")
	e.waitFor("✓ Enrolled")
}

func challengeWithErrors(e *e2e) {
	e.typeCredentials("bob@example.com", "wrong-password-for-bob")
	e.press("enter")
	e.waitFor(en.Problem.WrongCredentials.Title)
	e.press("esc") // start again
	e.typeCredentials("bob@example.com", "bob-password")
	e.fault("/mfa/authenticators", 1)
	e.press("enter")
	e.waitFor(en.Problem.Server.Title) // on the list
	e.press("enter")
	e.waitFor("3 authenticators")
	e.fault("/mfa/challenge", 1)
	e.press("enter")
	e.waitFor(en.Problem.Server.Title) // on the challenge
	e.press("enter")
	e.waitFor("Waiting for the approval")
	e.fault("/oauth/token", 2)
	e.pollOnce()
	e.pollOnce()
	e.waitFor(fmt.Sprintf(en.Challenge.Retrying, 2)) // on the approval
	e.press("o")
	e.typeText("000000")
	e.press("enter")
	e.waitFor(en.Problem.InvalidCode.Title) // a wrong code
	e.press("esc", "r")
	e.typeText("WRONGRECOVERYCODE1234567")
	e.press("enter")
	e.waitFor(en.Problem.InvalidCode.Title) // a wrong recovery code
	e.press("esc")
	e.answerPush(true)
	e.advance()
	e.waitFor("Signed in with MFA")
}

func deleteWithErrors(e *e2e) {
	e.verifyToDelete()
	e.answerPush(true)
	e.fault("/mfa/authenticators/push|"+e.srv.Phone.Devices()[0].ID, 1)
	e.advance()
	e.waitFor(en.Problem.Server.Title) // on the delete
	e.press("enter")
	e.waitFor("1 authenticator")
}

// fault makes the next n requests to path fail with a 503.
func (e *e2e) fault(path string, n int) {
	e.t.Helper()
	if err := e.srv.Tenant.AddFault(sandbox.Fault{Path: path, Kind: "503", Count: n}); err != nil {
		e.t.Fatal(err)
	}
}

// openTrace shows the request trace and the last exchange in full.
func (e *e2e) openTrace() {
	e.t.Helper()
	e.press("t")
	e.waitFor("Request trace")
	e.press("enter")
	e.waitFor("Replay it with curl")
}

var publicDemoPasswords = map[string]bool{"alice-password": true, "bob-password": true}

// onScreenByDesign are the fields whose values a screen shows on purpose.
var onScreenByDesign = map[string]bool{"barcode_uri": true, "enrollment_tx_id": true, "recovery_codes": true, "recovery_code": true}

func checkNoSecrets(t *testing.T, e *e2e, secrets map[string]string) {
	t.Helper()
	var traced strings.Builder
	for _, ex := range e.trace.Entries() {
		fmt.Fprintf(&traced, "%+v\n%s\n%s\n%s\n%s\n%v\n%v\n%s\n", trace.Summarize(ex, en), trace.Details(ex, en), trace.Curl(ex),
			ex.URL, ex.Failure, ex.RequestHeader, ex.ResponseHeader, string(ex.RequestBody)+string(ex.ResponseBody))
	}
	var frames strings.Builder
	e.term.mu.Lock()
	raw := e.term.out.String()
	for f := range e.term.frames {
		frames.WriteString(f + "\n")
	}
	e.term.mu.Unlock()
	outputs := map[string]string{
		"the trace":            traced.String(),
		"the terminal's bytes": raw,
		"a screen":             frames.String(),
		"the exit line":        e.model.Summary(),
	}
	kinds := map[string]bool{}
	for value, field := range secrets {
		kinds[field] = true
		for where, text := range outputs {
			if where != "the trace" && (onScreenByDesign[field] || publicDemoPasswords[value]) {
				continue
			}
			for _, form := range secretForms(value) {
				if strings.Contains(text, form) {
					t.Errorf("%s shows the %s (%.10s…)", where, field, value)
				}
			}
		}
	}
	t.Logf("searched %d secret values (%v) in %d bytes of terminal output, %d screens and %d exchanges",
		len(secrets), keys(kinds), len(raw), len(e.term.frames), e.trace.Len())
}

// secretForms are the ways a value can be written: as it is, URL-encoded
// (a form body or a query) and JSON-escaped.
func secretForms(v string) []string {
	j, _ := json.Marshal(v)
	return []string{v, url.QueryEscape(v), url.PathEscape(v), strings.Trim(string(j), `"`)}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// secretCatcher sits under the client and keeps every secret value that
// crosses the wire, by field, whatever the call.
type secretCatcher struct {
	next   http.RoundTripper
	mu     sync.Mutex
	values map[string]string // value -> field
}

func (s *secretCatcher) wrap(next http.RoundTripper) http.RoundTripper {
	s.next = next
	return s
}

func (s *secretCatcher) RoundTrip(r *http.Request) (*http.Response, error) {
	if a := r.Header.Get("Authorization"); a != "" {
		s.keep("Authorization", a)
		s.keep("bearer token", strings.TrimPrefix(a, "Bearer "))
	}
	if r.GetBody != nil {
		if body, err := r.GetBody(); err == nil {
			b, _ := io.ReadAll(body)
			s.fromBody(r.Header.Get("Content-Type"), b)
		}
	}
	resp, err := s.next.RoundTrip(r)
	if err != nil {
		return resp, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	s.fromBody(resp.Header.Get("Content-Type"), b)
	return resp, err
}

func (s *secretCatcher) fromBody(contentType string, body []byte) {
	if mt, _, _ := mime.ParseMediaType(contentType); mt == "application/x-www-form-urlencoded" {
		form, _ := url.ParseQuery(string(body))
		for field, values := range form {
			for _, v := range values {
				s.field(field, v)
			}
		}
		return
	}
	var doc any
	if json.Unmarshal(body, &doc) == nil {
		s.walk(doc)
	}
}

func (s *secretCatcher) walk(v any) {
	switch v := v.(type) {
	case map[string]any:
		for field, x := range v {
			if str, ok := x.(string); ok {
				s.field(field, str)
			}
			if list, ok := x.([]any); ok {
				for _, item := range list {
					if str, ok := item.(string); ok {
						s.field(field, str)
					}
				}
			}
			s.walk(x)
		}
	case []any:
		for _, x := range v {
			s.walk(x)
		}
	}
}

func (s *secretCatcher) field(name, value string) {
	if _, secret := auth0.SecretVariable(name); !secret {
		return
	}
	s.keep(name, value)
	if name == "barcode_uri" {
		if en, err := guardian.ParseBarcodeURI(value); err == nil {
			s.keep("enrollment_tx_id", en.TransactionID)
		}
	}
}

// keep remembers a value; short ones (a 6-digit OTP) would match by chance.
func (s *secretCatcher) keep(field, value string) {
	if len(value) < 8 {
		return
	}
	s.mu.Lock()
	s.values[value] = field
	s.mu.Unlock()
}

func (s *secretCatcher) all() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.values))
	for k, v := range s.values {
		out[k] = v
	}
	return out
}
