package guardian

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var testKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

// fakeGuardian records what the device sent and answers like the server.
type fakeGuardian struct {
	t       *testing.T
	mu      sync.Mutex
	enrolls []enrollRequest
	pub     *rsa.PublicKey
	claims  jwt.MapClaims
	status  int    // when set, every request gets this status
	body    string // with that body
}

func (g *fakeGuardian) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if r.Header.Get("Auth0-Client") == "" || (r.Method == http.MethodPost && r.Header.Get("Content-Type") != "application/json") {
		g.t.Errorf("%s %s: Auth0-Client %q, Content-Type %q", r.Method, r.URL.Path, r.Header.Get("Auth0-Client"), r.Header.Get("Content-Type"))
	}
	if g.status != 0 {
		w.WriteHeader(g.status)
		io.WriteString(w, g.body)
		return
	}
	switch r.URL.Path {
	case "/appliance-mfa/api/enroll":
		if got := r.Header.Get("Authorization"); got != `Ticket id="TICKET123"` {
			g.t.Errorf("enroll Authorization = %q", got)
		}
		var req enrollRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			g.t.Errorf("enroll body: %v", err)
		}
		g.enrolls = append(g.enrolls, req)
		pub, err := req.PublicKey.RSAPublicKey()
		if err != nil {
			g.t.Errorf("enroll key: %v", err)
		}
		g.pub = pub
		io.WriteString(w, `{"id":"dev_abc","url":"http://`+r.Host+`/appliance-mfa","issuer":"tenant","user_id":"auth0|1","token":"tok","totp":{"secret":"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ","algorithm":"sha1","digits":6,"period":30}}`)
	case "/appliance-mfa/api/resolve-transaction":
		if got := r.Header.Get("Authorization"); got != "Bearer TXTKN" {
			g.t.Errorf("resolve Authorization = %q", got)
		}
		var body struct {
			ChallengeResponse string `json:"challenge_response"`
		}
		json.NewDecoder(r.Body).Decode(&body)
		claims := jwt.MapClaims{}
		_, err := jwt.ParseWithClaims(body.ChallengeResponse, claims, func(*jwt.Token) (any, error) { return g.pub, nil },
			jwt.WithValidMethods([]string{"RS256"}), jwt.WithTimeFunc(func() time.Time { return time.Unix(1_700_000_010, 0) }))
		if err != nil {
			g.t.Errorf("challenge_response: %v", err)
		}
		g.claims = claims
		w.WriteHeader(http.StatusNoContent)
	case "/appliance-mfa/api/device-accounts/dev_abc":
		if r.Method != http.MethodDelete || !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
			g.t.Errorf("delete: %s %q", r.Method, r.Header.Get("Authorization"))
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		http.NotFound(w, r)
	}
}

func startFake(t *testing.T) (*fakeGuardian, *httptest.Server) {
	g := &fakeGuardian{t: t}
	srv := httptest.NewServer(g)
	t.Cleanup(srv.Close)
	return g, srv
}

func ticketFor(srv *httptest.Server) Enrollment {
	return Enrollment{TransactionID: "TICKET123", BaseURL: srv.URL}
}

func enrollTestDevice(t *testing.T, srv *httptest.Server) *EnrolledDevice {
	t.Helper()
	d, err := Enroll(context.Background(), srv.Client(), ticketFor(srv), Device{
		Identifier: "ident-1", Name: "Test phone", PushService: "sandbox", PushToken: "pt", Key: testKey(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEnrollSendsTicketAndJWK(t *testing.T) {
	g, srv := startFake(t)
	d := enrollTestDevice(t, srv)
	if d.ID != "dev_abc" || d.UserID != "auth0|1" || d.Token != "tok" || d.Issuer != "tenant" || d.TOTP == nil || d.TOTP.Digits != 6 {
		t.Errorf("enrolled device = %+v", d)
	}
	if d.APIBase != srv.URL+"/appliance-mfa" || d.Identifier != "ident-1" || d.Name != "Test phone" {
		t.Errorf("kept fields = %q %q %q", d.APIBase, d.Identifier, d.Name)
	}
	req := g.enrolls[0]
	if req.Identifier != "ident-1" || req.Name != "Test phone" || req.PushCredentials.Service != "sandbox" || req.PublicKey.Kty != "RSA" || req.PublicKey.Alg != "RS256" {
		t.Errorf("enroll request = %+v", req)
	}
	if strings.ContainsAny(req.PublicKey.N, "+/=") || req.PublicKey.E != "AQAB" {
		t.Errorf("n/e are not base64url: e=%q", req.PublicKey.E)
	}
	if g.pub.N.Cmp(testKey().N) != 0 {
		t.Error("the server got another key")
	}
}

func TestResolveSignsClaims(t *testing.T) {
	g, srv := startFake(t)
	d := enrollTestDevice(t, srv)
	now := time.Unix(1_700_000_000, 0)
	p := Payload{DeviceAccountID: d.ID, TransactionToken: "TXTKN", Challenge: "chal-1"}
	if err := Resolve(context.Background(), srv.Client(), d, p, now, false, "mistake"); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"iss": "ident-1", "sub": "chal-1", "aud": srv.URL + "/appliance-mfa/api/resolve-transaction",
		"iat": float64(1_700_000_000), "exp": float64(1_700_000_030),
		"auth0_guardian_method": "push", "auth0_guardian_accepted": false, "auth0_guardian_reason": "mistake",
	}
	for k, v := range want {
		if g.claims[k] != v {
			t.Errorf("claim %s = %v, want %v", k, g.claims[k], v)
		}
	}
	if err := Resolve(context.Background(), srv.Client(), d, p, now, true, "ignored"); err != nil {
		t.Fatal(err)
	}
	if g.claims["auth0_guardian_accepted"] != true || g.claims["auth0_guardian_reason"] != nil {
		t.Errorf("accept claims = %v", g.claims)
	}
	if err := Unenroll(context.Background(), srv.Client(), d, now); err != nil {
		t.Fatal(err)
	}
}

func TestGuardianErrorBody(t *testing.T) {
	g, srv := startFake(t)
	g.status = 404
	g.body = `{"statusCode":404,"error":"Not Found","message":"Enrollment transaction not found","errorCode":"enrollment_transaction_not_found"}`
	_, err := Enroll(context.Background(), srv.Client(), ticketFor(srv), Device{Identifier: "i", Key: testKey()})
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("got %v, want *Error", err)
	}
	want := Error{StatusCode: 404, Err: "Not Found", Message: "Enrollment transaction not found", ErrorCode: "enrollment_transaction_not_found"}
	if *ge != want {
		t.Errorf("got %+v", *ge)
	}
	g.status, g.body = 502, "<html>bad gateway</html>"
	_, err = Enroll(context.Background(), srv.Client(), ticketFor(srv), Device{Identifier: "i", Key: testKey()})
	if !errors.As(err, &ge) || ge.StatusCode != 502 || ge.ErrorCode != "" {
		t.Errorf("HTML error: %v", err)
	}
	g.status, g.body = 200, `{"id":"dev_1"}`
	if _, err = Enroll(context.Background(), srv.Client(), ticketFor(srv), Device{Identifier: "i", Key: testKey()}); err == nil || !strings.Contains(err.Error(), "lacks") {
		t.Errorf("incomplete answer: %v", err)
	}
	g.status, g.body = 200, "{"+strings.Repeat(" ", MaxBodyBytes)+"}"
	if _, err = Enroll(context.Background(), srv.Client(), ticketFor(srv), Device{Identifier: "i", Key: testKey()}); !errors.Is(err, ErrBodyTooLarge) {
		t.Errorf("huge answer: %v", err)
	}
}

func TestEnrollHonoursContext(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := Enroll(ctx, srv.Client(), ticketFor(srv), Device{Identifier: "i", Key: testKey()})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the deadline", err)
	}
}

func TestJWKToleratesLeadingZero(t *testing.T) {
	j := PublicJWK(&testKey().PublicKey)
	n, _ := base64.RawURLEncoding.DecodeString(j.N)
	j.N = base64.RawURLEncoding.EncodeToString(append([]byte{0}, n...))
	j.E = base64.RawURLEncoding.EncodeToString([]byte{0, 1, 0, 1})
	pub, err := j.RSAPublicKey()
	if err != nil || pub.N.Cmp(testKey().N) != 0 || pub.E != 65537 {
		t.Fatalf("got %v, %v", pub, err)
	}
	small, _ := rsa.GenerateKey(rand.Reader, 1024)
	if _, err := PublicJWK(&small.PublicKey).RSAPublicKey(); err == nil {
		t.Error("accepted a 1024-bit key")
	}
	if _, err := (JWK{Kty: "EC", N: j.N, E: j.E}).RSAPublicKey(); err == nil {
		t.Error("accepted kty EC")
	}
}
