package auth0_test

import (
	"context"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/guardian"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
)

// These tests run whole flows through our client against the sandbox over
// loopback; polls are a manual-clock interval apart so slow_down never
// interferes.

var ctx = context.Background()

type session struct {
	t      *testing.T
	srv    *sandboxtest.Server
	client *auth0.Client
}

func newSession(t *testing.T) *session {
	srv := sandboxtest.Start(t, sandbox.DefaultOptions())
	return &session{t: t, srv: srv, client: srv.Client(t, auth0.Config{})}
}

func (s *session) login(email, password string) string {
	s.t.Helper()
	res, err := s.client.LoginWithPassword(ctx, auth0.PasswordLogin{
		Username: email, Password: password, Realm: "Username-Password-Authentication",
		Audience: s.client.MFAAudience(), Scope: "openid enroll read:authenticators remove:authenticators",
	})
	if err != nil {
		s.t.Fatalf("login %s: %v", email, err)
	}
	if res.MFARequired == nil || res.MFARequired.MFAToken == "" || res.Tokens != nil {
		s.t.Fatalf("login %s: %+v, want mfa_required", email, res)
	}
	return res.MFARequired.MFAToken
}

// poll asks once, after moving the clock past the spacing.
func (s *session) poll(mfaToken, oobCode string) (*auth0.Tokens, error) {
	s.srv.Clock.Advance(6 * time.Second)
	return s.client.VerifyOOB(ctx, mfaToken, oobCode, "")
}

func (s *session) activePush(bearer string) auth0.Authenticator {
	s.t.Helper()
	list, err := s.client.ListAuthenticators(ctx, bearer)
	if err != nil {
		s.t.Fatal(err)
	}
	for _, a := range list {
		if a.Kind() == auth0.KindPush && a.Active {
			return a
		}
	}
	s.t.Fatalf("no active push in %+v", list)
	return auth0.Authenticator{}
}

func TestAliceEnrollsPush(t *testing.T) {
	s := newSession(t)
	mfaToken := s.login("alice@example.com", "alice-password")
	as, err := s.client.Associate(ctx, mfaToken, auth0.PushEnrollment())
	if err != nil {
		t.Fatal(err)
	}
	if as.AuthenticatorType != "oob" || as.OOBChannel != "auth0" || as.OOBCode == "" || as.BindingMethod != "" || len(as.RecoveryCodes) != 1 {
		t.Fatalf("association %+v", as)
	}
	enrollment, err := guardian.ParseBarcodeURI(as.BarcodeURI)
	if err != nil || enrollment.TransactionID == "" {
		t.Fatalf("barcode_uri %v: %v", enrollment, err)
	}
	if _, err := s.poll(mfaToken, as.OOBCode); auth0.OutcomeOf(err) != auth0.OutcomePending {
		t.Fatalf("before the scan: %v, want pending", err)
	}
	list, _ := s.client.ListAuthenticators(ctx, mfaToken)
	for _, a := range list {
		if a.Active {
			t.Errorf("%s active before the scan", a.ID)
		}
	}
	if _, err := s.srv.Phone.Scan(ctx, as.BarcodeURI, "Pixel 9"); err != nil {
		t.Fatal(err)
	}
	tokens, err := s.poll(mfaToken, as.OOBCode)
	if err != nil || tokens.AccessToken == "" || tokens.IDToken == "" || tokens.ExpiresIn.Seconds() != 600 {
		t.Fatalf("after the scan: %+v %v", tokens, err)
	}
	push := s.activePush(tokens.AccessToken)
	if push.Name != "Pixel 9" {
		t.Errorf("push authenticator named %q", push.Name)
	}
	// A second factor needs an MFA-API token: the mfa_token is refused.
	_, err = s.client.Associate(ctx, mfaToken, auth0.OTPEnrollment())
	if e, ok := auth0.AsError(err); !ok || !e.AlreadyEnrolled() {
		t.Fatalf("second enrollment with the mfa_token: %v", err)
	}
	otp, err := s.client.Associate(ctx, tokens.AccessToken, auth0.OTPEnrollment())
	if err != nil || otp.Secret == "" || len(otp.RecoveryCodes) != 0 {
		t.Fatalf("second enrollment with the access token: %+v %v", otp, err)
	}
}

func TestBobApprovesAndRejects(t *testing.T) {
	for _, approve := range []bool{true, false} {
		s := newSession(t)
		mfaToken := s.login("bob@example.com", "bob-password")
		push := s.activePush(mfaToken)
		ch, err := s.client.Challenge(ctx, auth0.ChallengeRequest{MFAToken: mfaToken, ChallengeType: "oob", AuthenticatorID: push.ID})
		if err != nil || ch.ChallengeType != "oob" || ch.OOBCode == "" {
			t.Fatalf("challenge: %+v %v", ch, err)
		}
		if _, err := s.poll(mfaToken, ch.OOBCode); auth0.OutcomeOf(err) != auth0.OutcomePending {
			t.Fatalf("before the answer: %v", err)
		}
		note := s.srv.Phone.Notifications()[0]
		if approve {
			err = s.srv.Phone.Approve(ctx, note.ID)
		} else {
			err = s.srv.Phone.Reject(ctx, note.ID, "not me")
		}
		if err != nil {
			t.Fatal(err)
		}
		tokens, err := s.poll(mfaToken, ch.OOBCode)
		switch {
		case approve && (err != nil || tokens.AccessToken == ""):
			t.Fatalf("approved: %+v %v", tokens, err)
		case !approve && auth0.OutcomeOf(err) != auth0.OutcomeRejected:
			t.Fatalf("rejected: %v, want the rejected outcome", err)
		}
	}
}

func TestOTPAndRecoveryCodeGrants(t *testing.T) {
	s := newSession(t)
	mfaToken := s.login("bob@example.com", "bob-password")
	device := s.srv.Phone.Devices()[0]
	code, _, err := s.srv.Phone.OTP(device.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.client.VerifyOTP(ctx, mfaToken, "000000"); auth0.OutcomeOf(err) != auth0.OutcomeFatal {
		t.Fatalf("wrong OTP: %v", err)
	}
	if tokens, err := s.client.VerifyOTP(ctx, mfaToken, code); err != nil || tokens.AccessToken == "" {
		t.Fatalf("OTP: %+v %v", tokens, err)
	}

	recovery := ""
	for _, u := range s.srv.Tenant.Users() {
		if u.Email == "bob@example.com" {
			recovery = u.RecoveryCode
		}
	}
	tokens, err := s.client.VerifyRecoveryCode(ctx, mfaToken, recovery)
	if err != nil || tokens.RecoveryCode == "" || tokens.RecoveryCode == recovery {
		t.Fatalf("recovery code: %+v %v (the code must rotate)", tokens, err)
	}
	if _, err := s.client.VerifyRecoveryCode(ctx, mfaToken, recovery); err == nil {
		t.Fatal("the used recovery code still works")
	}
	if _, err := s.client.VerifyRecoveryCode(ctx, mfaToken, tokens.RecoveryCode); err != nil {
		t.Fatalf("the new recovery code: %v", err)
	}
}

func TestDeletingPushDeletesItsTwin(t *testing.T) {
	s := newSession(t)
	mfaToken := s.login("bob@example.com", "bob-password")
	push := s.activePush(mfaToken)
	if err := s.client.DeleteAuthenticator(ctx, mfaToken, push.ID); err == nil {
		t.Fatal("an mfa_token deleted an authenticator")
	} else if e, _ := auth0.AsError(err); e.Code != auth0.CodeInsufficientScope {
		t.Fatalf("delete with the mfa_token: %v", err)
	}
	device := s.srv.Phone.Devices()[0]
	code, _, _ := s.srv.Phone.OTP(device.ID)
	tokens, err := s.client.VerifyOTP(ctx, mfaToken, code)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.client.DeleteAuthenticator(ctx, tokens.AccessToken, push.ID); err != nil {
		t.Fatal(err)
	}
	list, err := s.client.ListAuthenticators(ctx, tokens.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Kind() == auth0.KindPush || a.Kind() == auth0.KindOTP {
			t.Errorf("%s survived the delete of its twin", a.ID)
		}
	}
}
