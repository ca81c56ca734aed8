package management_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type fixture struct {
	s     *sandboxtest.Server
	c     *management.Client
	trace []auth0.Exchange
}

func newFixture(t *testing.T, limited bool) *fixture {
	t.Helper()
	f := &fixture{s: sandboxtest.Start(t, sandbox.DefaultOptions())}
	auth := f.s.HelpdeskClient(t, auth0.Config{Observer: func(ex auth0.Exchange) { f.trace = append(f.trace, ex) }}, limited)
	f.c = management.New(auth, f.s.Clock)
	return f
}

func (f *fixture) userID(t *testing.T, email, connection string) string {
	t.Helper()
	users, err := f.c.UsersByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Connection() == connection {
			return u.UserID
		}
	}
	t.Fatalf("no %s in %s: %+v", email, connection, users)
	return ""
}

// tokenRequests counts the client_credentials grants in the trace.
func (f *fixture) tokenRequests() int {
	n := 0
	for _, ex := range f.trace {
		if ex.Grant == auth0.GrantClientCredentials {
			n++
		}
	}
	return n
}

func TestHelpdeskSeesAndResetsBob(t *testing.T) {
	f := newFixture(t, false)
	ctx := context.Background()
	carols, err := f.c.UsersByEmail(ctx, "carol@example.com")
	if err != nil || len(carols) != 2 || carols[0].Connection() != "Username-Password-Authentication" || carols[1].Connection() != "google-oauth2" {
		t.Fatalf("carol: %+v %v", carols, err)
	}
	bob := f.userID(t, "bob@example.com", "Username-Password-Authentication")
	u, err := f.c.User(ctx, bob)
	if err != nil || u.Email != "bob@example.com" || u.CreatedAt.IsZero() || !u.LastLogin.IsZero() {
		t.Fatalf("user %+v %v", u, err)
	}
	methods, err := f.c.AuthenticationMethods(ctx, bob)
	if err != nil || len(methods) != 3 || methods[0].Type != "push" || methods[0].LinkID != methods[1].ID || !methods[0].Confirmed || methods[0].EnrolledAt.IsZero() {
		t.Fatalf("methods %+v %v", methods, err)
	}
	enrollments, err := f.c.Enrollments(ctx, bob)
	if err != nil || len(enrollments) != 1 || enrollments[0].AuthMethod != "guardian" {
		t.Fatalf("enrollments %+v %v", enrollments, err)
	}
	if err := f.c.DeleteAuthenticationMethod(ctx, bob, methods[0].ID); err != nil {
		t.Fatal(err)
	}
	if rest, _ := f.c.AuthenticationMethods(ctx, bob); len(rest) != 1 || rest[0].Type != "recovery-code" {
		t.Errorf("after deleting the push: %+v", rest)
	}
	if err := f.c.DeleteAllAuthenticationMethods(ctx, bob); err != nil {
		t.Fatal(err)
	}
	if rest, err := f.c.AuthenticationMethods(ctx, bob); err != nil || len(rest) != 0 {
		t.Errorf("after deleting all: %+v %v", rest, err)
	}
	// One token served every call: it is cached until it expires.
	if tokens := f.tokenRequests(); tokens != 1 {
		t.Errorf("%d token requests, want 1", tokens)
	}
}

func TestTicketAndRecoveryCode(t *testing.T) {
	f := newFixture(t, false)
	ctx := context.Background()
	alice := f.userID(t, "alice@example.com", "Username-Password-Authentication")
	ticket, err := f.c.CreateEnrollmentTicket(ctx, management.TicketRequest{UserID: alice, Factor: management.FactorPush})
	if err != nil || len(ticket.ID) != 32 || !strings.HasSuffix(ticket.URL, "/mfa/enrollment?ticket="+ticket.ID) {
		t.Fatalf("ticket %+v %v", ticket, err)
	}
	uri, _, err := f.s.Tenant.TicketBarcode(ticket.URL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Phone.Scan(ctx, uri, "Alice's phone"); err != nil {
		t.Fatal(err)
	}
	if methods, _ := f.c.AuthenticationMethods(ctx, alice); len(methods) != 3 || methods[0].Name != "Alice's phone" {
		t.Errorf("after the ticket: %+v", methods)
	}
	code, err := f.c.RegenerateRecoveryCode(ctx, alice)
	if err != nil || len(code) != 24 {
		t.Fatalf("code %q %v", code, err)
	}
	// The trace shows neither the ticket nor the code.
	all, _ := json.Marshal(f.trace)
	for _, secret := range []string{ticket.ID, code} {
		if strings.Contains(string(all), secret) {
			t.Errorf("the trace shows %q", secret)
		}
	}
}

func TestErrorsAreTyped(t *testing.T) {
	f := newFixture(t, true) // the read-only application
	ctx := context.Background()
	bob := f.userID(t, "bob@example.com", "Username-Password-Authentication")

	err := f.c.DeleteAllAuthenticationMethods(ctx, bob)
	e, ok := management.AsError(err)
	if !ok || e.Kind != management.KindInsufficientScope || len(e.Scopes) != 1 || e.Scopes[0] != "delete:authentication_methods" {
		t.Fatalf("err = %#v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "delete:authentication_methods") || !strings.Contains(msg, management.DashboardPlace) {
		t.Errorf("message %q", msg)
	}
	missing, err := f.c.MissingScopes(ctx, management.Actions()...)
	if err != nil || strings.Join(missing, " ") != "delete:authentication_methods create:guardian_enrollment_tickets update:users" {
		t.Errorf("missing %v %v", missing, err)
	}
	_, err = f.c.User(ctx, "auth0|000000000000000000000000")
	if management.KindOf(err) != management.KindNotFound {
		t.Errorf("unknown user: %v", err)
	}
	if e, _ := management.AsError(err); e == nil || e.Err.Code != "inexistent_user" || e.Err.StatusCode != 404 {
		t.Errorf("unknown user's answer: %+v", e)
	}
	if err := f.s.Tenant.AddFault(sandbox.Fault{Path: "/api/v2/users-by-email", Kind: "429"}); err != nil {
		t.Fatal(err)
	}
	_, err = f.c.UsersByEmail(ctx, "bob@example.com")
	if e, _ := management.AsError(err); e == nil || e.Kind != management.KindRateLimited || !e.Err.RateLimit.Present {
		t.Errorf("429: %v", err)
	}
	f.s.Tenant.AddFault(sandbox.Fault{Path: "/api/v2/users-by-email", Kind: "503"})
	if _, err = f.c.UsersByEmail(ctx, "bob@example.com"); management.KindOf(err) != management.KindTransient {
		t.Errorf("503: %v", err)
	}
}

func TestTokenIsRenewedAfterItExpires(t *testing.T) {
	f := newFixture(t, false)
	ctx := context.Background()
	if _, err := f.c.UsersByEmail(ctx, "bob@example.com"); err != nil {
		t.Fatal(err)
	}
	f.s.Clock.Advance(24*time.Hour - 5*time.Second) // within the leeway
	if _, err := f.c.UsersByEmail(ctx, "bob@example.com"); err != nil {
		t.Fatal(err)
	}
	if n := f.tokenRequests(); n != 2 {
		t.Errorf("%d token requests, want a new token near the expiry", n)
	}
}

func TestBadCredentialsAreUnauthorized(t *testing.T) {
	s := sandboxtest.Start(t, sandbox.DefaultOptions())
	auth, err := auth0.New(auth0.Config{Domain: s.URL, ClientID: sandbox.HelpdeskClientID, ClientSecret: "wrong", HTTPClient: s.Server.Client()})
	if err != nil {
		t.Fatal(err)
	}
	defer auth.CloseIdleConnections()
	_, err = management.New(auth, s.Clock).UsersByEmail(context.Background(), "bob@example.com")
	var e *management.Error
	if !errors.As(err, &e) || e.Kind != management.KindUnauthorized || e.Action != management.GetToken {
		t.Errorf("err = %v", err)
	}
}

func TestUserIDsArePercentEncoded(t *testing.T) {
	f := newFixture(t, false)
	bob := f.userID(t, "bob@example.com", "Username-Password-Authentication")
	f.c.User(context.Background(), bob)
	last := f.trace[len(f.trace)-1]
	if !strings.Contains(last.URL, "/api/v2/users/auth0%7C") {
		t.Errorf("URL %s", last.URL)
	}
}
