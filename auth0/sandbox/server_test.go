package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
)

func TestStartRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8484", "example.com:80"} {
		_, err := Start(addr, Options{})
		var ae *AddrError
		if !errors.As(err, &ae) || !ae.NotLoopback || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("%s: %v", addr, err)
		}
	}
	_, err := Start("localhost", Options{})
	var ae *AddrError
	if !errors.As(err, &ae) || ae.NotLoopback {
		t.Errorf("no port: %v", err)
	}
	busy, _ := net.Listen("tcp", "127.0.0.1:0")
	defer busy.Close()
	if _, err := Start(busy.Addr().String(), Options{}); !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("busy port: %v", err)
	}
}

func TestStartWithTLS(t *testing.T) {
	s := startSandbox(t, Options{TLS: true})
	if !strings.HasPrefix(s.URL, "https://127.0.0.1:") || s.CAFile == "" {
		t.Fatalf("URL %s, CA %q", s.URL, s.CAFile)
	}
	if _, err := os.Stat(s.CAFile); err != nil {
		t.Fatal(err)
	}
	mfa := s.login("bob@example.com")
	if len(s.Phone.Devices()) != 1 || s.challenge(mfa, nil).status != 200 {
		t.Fatal("bob's device over TLS")
	}
	if err := s.Phone.Approve(context.Background(), s.Phone.Notifications()[0].ID); err != nil {
		t.Fatal(err)
	}
	if iss := s.call("GET", "/.well-known/openid-configuration", "", nil).str("issuer"); iss != s.URL+"/" {
		t.Errorf("issuer %s", iss)
	}
	s.Close()
	if _, err := os.Stat(s.CAFile); !os.IsNotExist(err) {
		t.Errorf("CA file left: %v", err)
	}
}

// A bare Tenant under another server takes its URL from each request.
func TestBareTenantUnderAnotherServer(t *testing.T) {
	tn, err := NewTenant(Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(tn)
	phone := NewPhone(srv.Client(), PhoneOptions{Keys: reusedKeys})
	tn.ConnectPhone(phone)
	defer func() {
		phone.Close()
		srv.Close()
		tn.Close()
	}()
	if err := tn.SeedDemoDevices(context.Background(), srv.URL); err != nil {
		t.Fatal(err)
	}
	s := &sandbox{t: t, Server: &Server{URL: srv.URL, Tenant: tn, Phone: phone, client: srv.Client()}}
	mfa := s.login("alice@example.com")
	a := s.associatePush(mfa)
	if !strings.Contains(a.str("barcode_uri"), "base_url="+uriComponent(srv.URL+"/appliance-mfa")) {
		t.Errorf("barcode_uri %s", a.str("barcode_uri"))
	}
	if _, err := phone.Scan(context.Background(), a.str("barcode_uri"), "Pixel"); err != nil {
		t.Fatal(err)
	}
	if tokens := s.poll(mfa, a.str("oob_code")); tokens.status != 200 {
		t.Errorf("poll: %d %s", tokens.status, tokens.raw)
	}
}

// Many clients at once, under -race: bob's pushes approved while alice
// enrolls and others read.
func TestConcurrentUse(t *testing.T) {
	s := startSandbox(t, Options{PushesPerMinute: 1000})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch i % 4 {
			case 0:
				mfa := s.login("bob@example.com")
				for range 5 {
					if a := s.challenge(mfa, nil); a.status != 200 {
						errs <- fmt.Errorf("challenge %d", a.status)
					}
				}
			case 1:
				for range 10 {
					for _, n := range s.Phone.Notifications() {
						err := s.Phone.Approve(context.Background(), n.ID)
						if err != nil && !errors.Is(err, ErrAlreadyAnswered) && !errors.Is(err, ErrNotificationUnknown) {
							errs <- err
						}
					}
				}
			case 2:
				mfa := s.login("alice@example.com")
				a := s.associatePush(mfa)
				s.Phone.Scan(context.Background(), a.str("barcode_uri"), "")
				s.poll(mfa, a.str("oob_code"))
			case 3:
				for range 10 {
					s.call("GET", "/sandbox", "", nil)
					s.Tenant.Stats()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRequestLogHasNamesNotValues(t *testing.T) {
	s := startSandbox(t, Options{})
	mfa := s.login("bob@example.com", "openid")
	s.challenge(mfa, nil)
	recovery := s.Tenant.Users()[1].RecoveryCode
	s.form("/oauth/token", client(map[string]string{"grant_type": grantMFARecoveryCode, "mfa_token": mfa, "recovery_code": recovery}))
	recs := s.log.all()
	var token *RequestRecord
	for i := range recs {
		if recs[i].Path == "/oauth/token" && slices.Contains(recs[i].Fields, "recovery_code") {
			token = &recs[i]
		}
	}
	if token == nil || token.Method != "POST" || token.Status != 200 || !token.Time.Equal(start) {
		t.Fatalf("records %+v", recs)
	}
	want := []string{"client_id", "client_secret", "grant_type", "mfa_token", "recovery_code"}
	if !slices.Equal(token.Fields, want) {
		t.Errorf("fields %v, want %v", token.Fields, want)
	}
	dump := fmt.Sprintf("%+v", recs)
	for _, secret := range []string{mfa, recovery, clientSecret, "bob-password"} {
		if strings.Contains(dump, secret) {
			t.Errorf("the request log holds a secret value")
		}
	}
}

func TestNoPhoneAndGoFaultAPI(t *testing.T) {
	tn, err := NewTenant(Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(tn)
	defer func() { srv.Close(); tn.Close() }()
	s := &sandbox{t: t, Server: &Server{URL: srv.URL, Tenant: tn, client: srv.Client()}}
	for _, path := range []string{"/sandbox/devices", "/sandbox/devices/dev_x/otp"} {
		wantError(t, s.call("GET", path, "", nil), 503, "no_phone", "")
	}
	// Pushes to devices other clients enrolled need no phone.
	if a := s.call("GET", "/sandbox/notifications", "", nil); a.status != 200 || string(a.raw) != "[]" {
		t.Errorf("notifications without a phone: %d %s", a.status, a.raw)
	}
	if err := tn.SeedDemoDevices(context.Background(), srv.URL); err == nil {
		t.Error("seeded without a phone")
	}
	if err := tn.AddFault(Fault{Path: "/sandbox", Kind: "teapot"}); err == nil {
		t.Error("accepted an unknown kind")
	}
	if err := tn.AddFault(Fault{Path: "/sandbox", Kind: "500"}); err != nil {
		t.Fatal(err)
	}
	tn.ClearFaults()
	if a := s.call("GET", "/sandbox", "", nil); a.status != 200 {
		t.Errorf("after ClearFaults: %d", a.status)
	}
	if err := tn.AddFault(Fault{Path: "/sandbox", Kind: "503", Count: 2}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		wantError(t, s.call("GET", "/sandbox", "", nil), 503, "temporarily_unavailable", "")
	}
	srv.Close()
	tn.Close()
	rec := httptest.NewRecorder()
	tn.ServeHTTP(rec, httptest.NewRequest("GET", "/sandbox", nil))
	if rec.Code != 503 {
		t.Errorf("after Close: %d", rec.Code)
	}
}

func TestDemoDeviceKeyIsAWholeRSA2048Key(t *testing.T) {
	key, err := demoDeviceKey()
	if err != nil {
		t.Fatal(err)
	}
	if err := key.Validate(); err != nil || key.N.BitLen() != 2048 {
		t.Fatalf("demo key: %d bits, %v", key.N.BitLen(), err)
	}
	if key.Precomputed.Dp == nil || key.Precomputed.Dq == nil || key.Precomputed.Qinv == nil {
		t.Error("the demo key is not precomputed: every signature would redo it")
	}
}
