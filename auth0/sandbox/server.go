package sandbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// Server is a running sandbox: the tenant on a loopback listener, and the
// phone connected to it.
type Server struct {
	URL    string // e.g. http://127.0.0.1:8484
	Tenant *Tenant
	Phone  *Phone
	CAFile string // with TLS: the CA's PEM, for SSL_CERT_FILE

	srv       *http.Server
	client    *http.Client
	transport *http.Transport
	tmpDir    string
	served    chan struct{}
	closeOnce sync.Once
}

// AddrError says why an address was refused.
type AddrError struct {
	Addr        string
	Reason      string
	NotLoopback bool // a well-formed address off this machine
}

func (e *AddrError) Error() string { return "sandbox: address " + e.Addr + ": " + e.Reason }

// Start serves a new tenant on addr ("" means 127.0.0.1:0) and connects a
// phone to it, which enrolls bob's device. Only loopback addresses are
// allowed: the tenant has fixed demo passwords.
func Start(addr string, opts Options) (*Server, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	opts.fill()
	// Bob's device key takes a few ms to check and precompute: it gets
	// ready on another core while the listener and the tenant are set up.
	go demoDeviceKey()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	s := &Server{served: make(chan struct{})}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.Proxy = nil // loopback: never through a proxy
	scheme := "http"
	if opts.TLS {
		if s.tmpDir, err = os.MkdirTemp("", "mfapush-sandbox-"); err != nil {
			ln.Close()
			return nil, err
		}
		cfg, pool, caFile, err := serverTLS(s.tmpDir, time.Now()) // TLS stacks check the wall clock
		if err != nil {
			ln.Close()
			os.RemoveAll(s.tmpDir)
			return nil, fmt.Errorf("sandbox: TLS: %w", err)
		}
		ln = tls.NewListener(ln, cfg)
		transport.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
		s.CAFile, scheme = caFile, "https"
	}
	s.URL = scheme + "://" + ln.Addr().String()
	opts.URL = s.URL
	if s.Tenant, err = NewTenant(opts); err != nil {
		ln.Close()
		os.RemoveAll(s.tmpDir)
		return nil, err
	}
	s.transport = transport
	s.client = &http.Client{Transport: transport}
	s.srv = &http.Server{
		Handler:           s.Tenant,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       opts.readTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          log.New(io.Discard, "", 0), // handshake noise from probing clients
	}
	go func() {
		defer close(s.served)
		s.srv.Serve(ln)
	}()
	s.Phone = NewPhone(s.client, PhoneOptions{
		Clock: opts.Clock, Keys: opts.PhoneKeys, AutoApprove: opts.AutoApprove, AutoScan: opts.AutoScan,
		TenantURL: s.URL,
	})
	s.Tenant.ConnectPhone(s.Phone)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// In process: nothing else is connected yet, and the first
	// connection of the process would delay mfapush's first frame.
	if err := s.Tenant.seedDemoDevices(ctx, s.URL, inProcess(s.Tenant)); err != nil {
		s.Close()
		return nil, fmt.Errorf("sandbox: enrolling bob's device: %w", err)
	}
	return s, nil
}

// checkLoopback refuses any address that is not on this machine.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return &AddrError{Addr: addr, Reason: "not host:port; use 127.0.0.1:8484, or 127.0.0.1:0 for any free port"}
	}
	if !isLoopback(host) {
		return &AddrError{Addr: addr, NotLoopback: true, Reason: "the sandbox listens on loopback only (127.0.0.1, ::1 or localhost), its demo passwords being public; use 127.0.0.1:" + portOf(addr)}
	}
	return nil
}

func portOf(addr string) string {
	_, port, _ := net.SplitHostPort(addr)
	if port == "" {
		return "0"
	}
	return port
}

func isLoopback(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Client is an HTTP client for this sandbox; with TLS it trusts the CA.
func (s *Server) Client() *http.Client { return s.client }

// Close stops the phone, the tenant and the listener, and removes the CA
// file. No goroutine of the sandbox is left.
func (s *Server) Close() error {
	var err error
	s.closeOnce.Do(func() {
		s.Phone.Close()
		// Release hanging handlers first, then cut the connections, then
		// wait for the handlers that were still writing.
		s.Tenant.markClosed()
		err = s.srv.Close()
		s.Tenant.Close()
		<-s.served
		s.transport.CloseIdleConnections()
		if s.tmpDir != "" {
			if rmErr := os.RemoveAll(s.tmpDir); rmErr != nil && err == nil {
				err = rmErr
			}
		}
	})
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// The server's timeouts. A person's or a script's requests arrive in
// milliseconds over loopback; these only stop a client that sends its
// headers or body a byte at a time from holding a connection (and a
// goroutine) for as long as it likes. Once a body is read, net/http lifts
// the read deadline, so the hang and slow faults still wait as long as
// their clients do.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	idleTimeout       = 2 * time.Minute
)
