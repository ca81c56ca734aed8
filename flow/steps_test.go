package flow

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
)

// A tenant that signs the user in without MFA gives no mfa_token: the
// sign-in step says so, and the problem is the one both modes explain.
func TestSignInWithoutMFAIsAProblem(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"access_token":"at","id_token":"it","token_type":"Bearer","expires_in":86400}`)
	}))
	defer srv.Close()
	client, err := auth0.New(auth0.Config{Domain: srv.URL, ClientID: "cid"})
	if err != nil {
		t.Fatal(err)
	}
	defer client.CloseIdleConnections()
	env := Env{Client: client}
	_, err = SignIn(context.Background(), env, Login(env, Credentials{Username: "u", Password: "p"}, false, ""))
	if p := Diagnose(err); p.Kind != ProblemMFANotRequired || p.Err != nil || p.Text != "" {
		t.Fatalf("err %v, problem %+v", err, p)
	}
}

// The sign-in's audience and scope are chosen in one place: the MFA API's
// when the tokens will enroll, list or delete, else the configured one.
func TestLoginChoosesTheAudienceForWhatTheTokensAreFor(t *testing.T) {
	client, err := auth0.New(auth0.Config{Domain: "https://acme.eu.auth0.com", ClientID: "cid"})
	if err != nil {
		t.Fatal(err)
	}
	env := Env{Client: client}
	creds := Credentials{Username: "bob@example.com", Password: "pw", Realm: "db"}
	api := Login(env, creds, true, "https://api.example.com")
	if api.Audience != "https://acme.eu.auth0.com/mfa/" || api.Scope != ScopeMFAAPI || api.Realm != "db" {
		t.Errorf("for the MFA API: %+v", api)
	}
	own := Login(env, creds, false, "https://api.example.com")
	if own.Audience != "https://api.example.com" || own.Scope != ScopeLogin {
		t.Errorf("for the user: %+v", own)
	}
	s := Begin(creds, api)
	if s.Audience != api.Audience || s.Scope != api.Scope || s.Credentials != creds {
		t.Errorf("session %+v", s)
	}
}

// Each typed answer goes out with its factor's grant: the app's code with
// mfa-otp, a recovery code with mfa-recovery-code (whose answer carries the
// next one); a wrong one is a wrong code.
func TestVerifySendsEachFactorsGrant(t *testing.T) {
	w := newWorld(t, sandbox.DefaultOptions(), 5*time.Second)
	ctx := context.Background()
	devices := w.srv.Phone.Devices()
	otp, _, err := w.srv.Phone.OTP(devices[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Verify(ctx, w.env, w.signIn("bob@example.com"), Answer{Factor: OTP, Code: otp})
	if err != nil || v.Tokens.AccessToken == "" || v.At.IsZero() {
		t.Fatalf("otp: %+v %v", v, err)
	}
	var recovery string
	for _, u := range w.srv.Tenant.Users() {
		if u.Email == "bob@example.com" {
			recovery = u.RecoveryCode
		}
	}
	v, err = Verify(ctx, w.env, w.signIn("bob@example.com"), Answer{Factor: RecoveryCode, Code: recovery})
	if err != nil || v.Tokens.RecoveryCode == "" || v.Tokens.RecoveryCode == recovery {
		t.Fatalf("recovery code: %+v %v", v, err)
	}
	_, err = Verify(ctx, w.env, w.signIn("bob@example.com"), Answer{Factor: RecoveryCode, Code: recovery})
	if p := Diagnose(err); p.Kind != ProblemInvalidCode {
		t.Fatalf("a used recovery code: %v (%v)", p.Kind, err)
	}
	if _, err := Verify(ctx, w.env, "token", Answer{Factor: Push}); err == nil {
		t.Fatal("a push was answered with a code")
	}
	for _, field := range []string{"otp", "recovery_code"} {
		found := false
		for _, r := range w.srv.TokenPolls() {
			found = found || slices.Contains(r.Fields, field)
		}
		if !found {
			t.Errorf("no grant sent the field %s", field)
		}
	}
}
