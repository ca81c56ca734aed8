package auth0

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestAnswerOverOneMiBIsRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"access_token":"`+strings.Repeat("a", MaxBodySize)+`"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, "")
	_, err := c.VerifyOOB(context.Background(), "m", "o", "")
	e, ok := AsError(err)
	if !ok || e.Outcome != OutcomeTransient || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	var followed bool
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { followed = true }))
	defer target.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/steal", http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	c := newTestClient(t, srv.URL, "secret")
	_, err := c.VerifyOOB(context.Background(), "m", "o", "")
	if followed {
		t.Fatal("the client followed a redirect with a token request")
	}
	if e, ok := AsError(err); !ok || e.StatusCode != http.StatusTemporaryRedirect || e.Outcome != OutcomeTransient {
		t.Fatalf("err = %v", err)
	}
}

func TestPerRequestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := newClient(t, Config{Domain: srv.URL, ClientID: "c", Timeout: 20 * time.Millisecond})
	_, err := c.VerifyOOB(context.Background(), "m", "o", "")
	e, ok := AsError(err)
	if !ok || e.Outcome != OutcomeTransient || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
}

func TestCallerCancellationIsNotRetryable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer srv.Close()
	c := newTestClient(t, srv.URL, "")
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	_, err := c.VerifyOOB(ctx, "m", "o", "")
	if !errors.Is(err, context.Canceled) || OutcomeOf(err).Retryable() {
		t.Fatalf("err = %v (outcome %v)", err, OutcomeOf(err))
	}
}

func TestUntrustedCertificateIsFatalAndSaysWhatToDo(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	srv.Config.ErrorLog = quietLog()
	c := newTestClient(t, srv.URL, "")
	_, err := c.VerifyOOB(context.Background(), "m", "o", "")
	var tlsErr *TLSError
	if !errors.As(err, &tlsErr) || OutcomeOf(err) != OutcomeFatal || !strings.Contains(err.Error(), "SSL_CERT_FILE") {
		t.Fatalf("err = %v", err)
	}
}

func TestPlainHTTPServerOnHTTPSURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	c := newTestClient(t, strings.Replace(srv.URL, "http://", "https://", 1), "")
	_, err := c.VerifyOOB(context.Background(), "m", "o", "")
	var tlsErr *TLSError
	if !errors.As(err, &tlsErr) || !tlsErr.PlainHTTP {
		t.Fatalf("err = %v", err)
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	if _, err := New(Config{Domain: "{yourDomain}", ClientID: "x"}); err == nil {
		t.Error("placeholder domain accepted")
	}
	if _, err := New(Config{Domain: "dev.auth0.com"}); err == nil || !strings.Contains(err.Error(), "Client ID") {
		t.Errorf("empty client id: %v", err)
	}
	c, err := New(Config{Domain: "dev-x.eu.auth0.com", ClientID: "x"})
	if err != nil || c.MFAAudience() != "https://dev-x.eu.auth0.com/mfa/" || c.Domain() != "dev-x.eu.auth0.com" {
		t.Errorf("client = %v, %v", c, err)
	}
}
