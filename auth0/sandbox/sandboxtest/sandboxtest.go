// Package sandboxtest starts sandbox tenants for other packages' tests, as
// net/http/httptest does for handlers: on loopback, closed at the end of
// the test, with phone keys made once per process so tests stay fast, and
// a log of every request the tenant saw.
package sandboxtest

import (
	"crypto/rand"
	"crypto/rsa"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/clock"
)

// Epoch is where manual clocks start, so that failures read the same.
var Epoch = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// Server is a sandbox started for a test.
type Server struct {
	*sandbox.Server
	// Clock is the tenant's clock when the test asked for a manual one.
	Clock *clock.Manual

	mu       sync.Mutex
	requests []sandbox.RequestRecord
}

// Start serves a sandbox for the test on a manual clock (opts.Clock, if it
// is a *clock.Manual, else a new one at Epoch), with PhoneKeys and
// RequestLog filled in, and closes it when the test ends.
func Start(t testing.TB, opts sandbox.Options) *Server {
	t.Helper()
	manual, ok := opts.Clock.(*clock.Manual)
	if !ok {
		manual = clock.NewManual(Epoch)
	}
	opts.Clock = manual
	s := start(t, opts)
	s.Clock = manual
	return s
}

// StartReal is Start with the real clock, for tests that drive a program
// in real time with short injected intervals.
func StartReal(t testing.TB, opts sandbox.Options) *Server {
	t.Helper()
	opts.Clock = clock.Real
	return start(t, opts)
}

func start(t testing.TB, opts sandbox.Options) *Server {
	t.Helper()
	s := &Server{}
	if opts.PhoneKeys == nil {
		opts.PhoneKeys = ReusedKeys
	}
	outer := opts.RequestLog
	opts.RequestLog = func(r sandbox.RequestRecord) {
		s.mu.Lock()
		s.requests = append(s.requests, r)
		s.mu.Unlock()
		if outer != nil {
			outer(r)
		}
	}
	srv, err := sandbox.Start("", opts)
	if err != nil {
		t.Fatalf("start the sandbox: %v", err)
	}
	s.Server = srv
	t.Cleanup(func() { srv.Close() })
	return s
}

// Client is an auth0 client for the sandbox's demo application.
func (s *Server) Client(t testing.TB, cfg auth0.Config) *auth0.Client {
	t.Helper()
	cfg.Domain, cfg.ClientID, cfg.ClientSecret, cfg.HTTPClient = s.URL, "sandbox-client", "sandbox-secret", s.Server.Client()
	c, err := auth0.New(cfg)
	if err != nil {
		t.Fatalf("client for the sandbox: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// HelpdeskClient is an auth0 client for the sandbox's helpdesk
// application, the one with every Management API scope; limited picks the
// read-only one.
func (s *Server) HelpdeskClient(t testing.TB, cfg auth0.Config, limited bool) *auth0.Client {
	t.Helper()
	cfg.Domain, cfg.ClientID, cfg.ClientSecret, cfg.HTTPClient = s.URL, sandbox.HelpdeskClientID, sandbox.HelpdeskClientSecret, s.Server.Client()
	if limited {
		cfg.ClientID, cfg.ClientSecret = sandbox.LimitedHelpdeskClientID, sandbox.LimitedHelpdeskClientSecret
	}
	c, err := auth0.New(cfg)
	if err != nil {
		t.Fatalf("helpdesk client for the sandbox: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// Requests returns the requests the tenant answered so far whose path
// starts with prefix ("" for all).
func (s *Server) Requests(prefix string) []sandbox.RequestRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []sandbox.RequestRecord
	for _, r := range s.requests {
		if strings.HasPrefix(r.Path, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// TokenPolls returns the token-endpoint requests, the polls among them.
func (s *Server) TokenPolls() []sandbox.RequestRecord { return s.Requests("/oauth/token") }

var (
	keysOnce sync.Once
	keys     []*rsa.PrivateKey
	keyTurn  atomic.Int64
)

// ReusedKeys hands out a few RSA-2048 keys made once per process, in turn,
// for the phone: making a key per enrollment is slow under -race.
func ReusedKeys() (*rsa.PrivateKey, error) {
	keysOnce.Do(func() {
		for range 3 {
			k, err := rsa.GenerateKey(rand.Reader, 2048)
			if err != nil {
				panic(err)
			}
			keys = append(keys, k)
		}
	})
	return keys[int(keyTurn.Add(1))%len(keys)], nil
}
