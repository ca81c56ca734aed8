package sandbox

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/clock"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// testKeys are made once: RSA-2048 generation is slow under -race.
var testKeys = sync.OnceValue(func() []*rsa.PrivateKey {
	keys := make([]*rsa.PrivateKey, 3)
	for i := range keys {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		keys[i] = k
	}
	return keys
})

var keyTurn atomic.Int64

func reusedKeys() (*rsa.PrivateKey, error) {
	keys := testKeys()
	return keys[int(keyTurn.Add(1))%len(keys)], nil
}

// start is the epoch of every manual clock in these tests.
var start = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// sandbox is a started sandbox with a manual clock and helpers for raw HTTP.
type sandbox struct {
	t testing.TB
	*Server
	clock *clock.Manual
	log   *requestLog
}

type requestLog struct {
	mu      sync.Mutex
	records []RequestRecord
}

func (l *requestLog) add(r RequestRecord) {
	l.mu.Lock()
	l.records = append(l.records, r)
	l.mu.Unlock()
}

func (l *requestLog) all() []RequestRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]RequestRecord(nil), l.records...)
}

func startSandbox(t testing.TB, opts Options) *sandbox {
	t.Helper()
	m := clock.NewManual(start)
	if opts.Clock == nil {
		opts.Clock = m
	}
	opts.PhoneKeys = reusedKeys
	log := &requestLog{}
	if opts.RequestLog == nil {
		opts.RequestLog = log.add
	}
	s, err := Start("", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &sandbox{t: t, Server: s, clock: m, log: log}
}

// answer is a decoded response.
type answer struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

func (a answer) str(key string) string {
	s, _ := a.body[key].(string)
	return s
}

func (s *sandbox) do(req *http.Request) answer {
	s.t.Helper()
	resp, err := s.Client().Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: raw}
	json.Unmarshal(raw, &a.body)
	return a
}

// form posts a form to path.
func (s *sandbox) form(path string, fields map[string]string) answer {
	s.t.Helper()
	v := url.Values{}
	for k, f := range fields {
		v.Set(k, f)
	}
	req, _ := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return s.do(req)
}

// call sends body as JSON (nil: no body) with an optional bearer.
func (s *sandbox) call(method, path, bearer string, body any) answer {
	s.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, s.URL+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	return s.do(req)
}

func client(fields map[string]string) map[string]string {
	fields["client_id"] = clientID
	fields["client_secret"] = clientSecret
	return fields
}

// login does the password grant and returns the mfa_token.
func (s *sandbox) login(email string, scopeAudience ...string) string {
	s.t.Helper()
	f := client(map[string]string{"grant_type": "password", "username": email, "password": strings.Split(email, "@")[0] + "-password"})
	if len(scopeAudience) > 0 {
		f["scope"] = scopeAudience[0]
	}
	if len(scopeAudience) > 1 {
		f["audience"] = scopeAudience[1]
	}
	a := s.form("/oauth/token", f)
	if a.status != 403 || a.str("error") != "mfa_required" || a.str("mfa_token") == "" {
		s.t.Fatalf("login %s: %d %s", email, a.status, a.raw)
	}
	return a.str("mfa_token")
}

func (s *sandbox) poll(mfaToken, oobCode string) answer {
	s.t.Helper()
	return s.form("/oauth/token", client(map[string]string{
		"grant_type": grantMFAOOB, "mfa_token": mfaToken, "oob_code": oobCode,
	}))
}

func (s *sandbox) associatePush(bearer string) answer {
	s.t.Helper()
	return s.call("POST", "/mfa/associate", bearer, map[string]any{"authenticator_types": []string{"oob"}, "oob_channels": []string{"auth0"}})
}

func (s *sandbox) challenge(mfaToken string, extra map[string]string) answer {
	s.t.Helper()
	body := map[string]string{"client_id": clientID, "client_secret": clientSecret, "mfa_token": mfaToken, "challenge_type": "oob"}
	for k, v := range extra {
		body[k] = v
	}
	return s.call("POST", "/mfa/challenge", "", body)
}

func (s *sandbox) bobDevice() Device {
	s.t.Helper()
	for _, d := range s.Phone.Devices() {
		if d.Name == "Bob's phone" {
			return d
		}
	}
	s.t.Fatal("no Bob's phone")
	return Device{}
}

// wantError checks an Authentication API error answer.
func wantError(t *testing.T, a answer, status int, code, desc string) {
	t.Helper()
	if a.status != status || a.str("error") != code || (desc != "" && a.str("error_description") != desc) {
		t.Errorf("got %d %s, want %d %s %q", a.status, a.raw, status, code, desc)
	}
	if ct := a.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("error Content-Type %q", ct)
	}
	if len(a.body) != 2 {
		t.Errorf("error body has other fields than error and error_description: %s", a.raw)
	}
}

func decodeInto(t testing.TB, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
}
