package flow

import (
	"testing"

	"github.com/mfapush/mfapush/auth0"
)

func TestReadCodeAsItsFactorWantsIt(t *testing.T) {
	for _, tc := range []struct {
		f     *Factor
		typed string
		code  string
		ok    bool
	}{
		{OTP, "123 456", "123456", true},
		{OTP, " 123456\n", "123456", true},
		{OTP, "12345", "12345", false},
		{OTP, "12a456", "12a456", false},
		{OTP, "   ", "", false},
		{RecoveryCode, "17eq hnzc 2szd yg7x 4qxv x9sw", "17EQHNZC2SZDYG7X4QXVX9SW", true},
		{RecoveryCode, "", "", false},
	} {
		code, ok := tc.f.ReadCode(tc.typed)
		if code != tc.code || ok != tc.ok {
			t.Errorf("%s.ReadCode(%q) = %q, %v; want %q, %v", tc.f.ID, tc.typed, code, ok, tc.code, tc.ok)
		}
	}
}

// One rule says which factor answers for an authenticator of the list, and
// whether it can now: the interface's list and challenge, and the plain
// mode's choice of a push, all ask it.
func TestFactorsAnswerForTheirActiveAuthenticators(t *testing.T) {
	list := []auth0.Authenticator{
		{ID: "push|dev_old", AuthenticatorType: "oob", OOBChannel: "auth0", Active: true},
		{ID: "totp|dev_old", AuthenticatorType: "otp", Active: true},
		{ID: "recovery-code|dev_r", AuthenticatorType: "recovery-code", Active: true},
		{ID: "push|dev_pending", AuthenticatorType: "oob", OOBChannel: "auth0", Active: false},
		{ID: "sms|dev_s", AuthenticatorType: "oob", OOBChannel: "sms", Active: true},
		{ID: "push|dev_new", AuthenticatorType: "oob", OOBChannel: "auth0", Active: true},
	}
	if got := Push.Answering(list); len(got) != 2 || got[0].ID != "push|dev_old" || got[1].ID != "push|dev_new" {
		t.Errorf("active pushes %v", got)
	}
	want := map[string]*Factor{"push|dev_old": Push, "totp|dev_old": OTP, "recovery-code|dev_r": RecoveryCode, "push|dev_pending": Push, "push|dev_new": Push}
	for _, a := range list {
		f, ok := FactorOf(a)
		if want[a.ID] != f || ok != (want[a.ID] != nil) {
			t.Errorf("FactorOf(%s) = %v, %v", a.ID, f, ok)
		}
		if verify := ok && a.Active; CanVerify(a) != verify {
			t.Errorf("CanVerify(%s) = %v", a.ID, CanVerify(a))
		}
	}
	for _, f := range Factors {
		if f.Typed() != (f.Code.MaxLen > 0) {
			t.Errorf("%s: typed %v but a field of %d characters", f.ID, f.Typed(), f.Code.MaxLen)
		}
	}
}
