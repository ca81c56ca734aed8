package flow

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
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
		{SMS, "482 913", "482913", true},
		{Voice, "48291", "48291", false},
		{Email, "4829134", "4829134", false},
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
	want := map[string]*Factor{"push|dev_old": Push, "totp|dev_old": OTP, "recovery-code|dev_r": RecoveryCode, "push|dev_pending": Push,
		"sms|dev_s": SMS, "push|dev_new": Push}
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

// Each factor mfapush enrolls sends the /mfa/associate request Auth0's
// MFA API documents for it, and those sent a code are answered with it.
func TestFactorsEnrollAndAnswerAsTheMFAAPISays(t *testing.T) {
	in := EnrollInput{PhoneNumber: "+15555550100", Email: "alice@example.com"}
	for _, tc := range []struct {
		f        *Factor
		types    string
		channels string
		phone    string
		email    string
		needs    EnrollNeeds
	}{
		{Push, "oob", "auth0", "", "", NeedsNothing},
		{OTP, "otp", "", "", "", NeedsNothing},
		{SMS, "oob", "sms", "+15555550100", "", NeedsPhone},
		{Voice, "oob", "voice", "+15555550100", "", NeedsPhone},
		{Email, "oob", "email", "", "alice@example.com", NeedsEmail},
	} {
		req := tc.f.Associate(in)
		if got := strings.Join(req.AuthenticatorTypes, " "); got != tc.types {
			t.Errorf("%s: authenticator_types %q, want %q", tc.f.ID, got, tc.types)
		}
		if got := strings.Join(req.OOBChannels, " "); got != tc.channels {
			t.Errorf("%s: oob_channels %q, want %q", tc.f.ID, got, tc.channels)
		}
		if req.PhoneNumber != tc.phone || req.Email != tc.email || tc.f.Needs != tc.needs {
			t.Errorf("%s: phone %q email %q needs %d", tc.f.ID, req.PhoneNumber, req.Email, tc.f.Needs)
		}
		if got, ok := FactorByID(tc.f.ID); !ok || got != tc.f {
			t.Errorf("FactorByID(%q) = %v, %v", tc.f.ID, got, ok)
		}
	}
	for _, f := range []*Factor{SMS, Voice, Email} {
		if f.ChallengeType != "oob" || f.VerifyBy != ByBindingCode || !f.SendsCode() || f.Code.Digits != 6 {
			t.Errorf("%s is not a code sent after an oob challenge: %+v", f.ID, f)
		}
	}
	if RecoveryCode.Associate != nil || Push.SendsCode() || OTP.SendsCode() {
		t.Error("the recovery code is enrolled on its own, or a push or app sends a code")
	}
}

// The factors offered to enroll follow mfa_requirements' enroll list,
// push first; with no list, every factor mfapush enrolls.
func TestEnrollableFollowsTheRequirements(t *testing.T) {
	ids := func(fs []*Factor) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		plan MFAPlan
		want string
	}{
		{MFAPlan{}, "push otp sms voice email"},
		{MFAPlan{Path: PathEnroll, Enroll: []string{"otp", "push-notification"}}, "push otp"},
		{MFAPlan{Path: PathEnroll, Enroll: []string{"phone"}}, "sms voice"},
		{MFAPlan{Path: PathEnroll, Enroll: []string{"email", "webauthn-roaming"}}, "email"},
	} {
		if got := ids(tc.plan.Enrollable()); got != tc.want {
			t.Errorf("%+v: enrollable %q, want %q", tc.plan, got, tc.want)
		}
	}
}

// A phone number or an address is read as the tenant wants it, and what
// is wrong with one is said in the user's language, never in the client's
// English.
func TestCheckEnrollInputSaysWhatIsWrong(t *testing.T) {
	en, fr := i18n.For(i18n.English), i18n.For(i18n.French)
	for _, tc := range []struct {
		f       *Factor
		in      EnrollInput
		out     EnrollInput
		problem string
	}{
		{SMS, EnrollInput{PhoneNumber: "+1 (555) 555-0100"}, EnrollInput{PhoneNumber: "+15555550100"}, ""},
		{Voice, EnrollInput{PhoneNumber: "0033 6 12 34 56 78"}, EnrollInput{PhoneNumber: "+33612345678"}, ""},
		{SMS, EnrollInput{PhoneNumber: "555 0100"}, EnrollInput{PhoneNumber: "555 0100"}, en.Factors.PhoneNoCountryCode},
		{SMS, EnrollInput{PhoneNumber: "+0 555 555"}, EnrollInput{PhoneNumber: "+0 555 555"}, en.Factors.PhoneCountryCodeZero},
		{SMS, EnrollInput{PhoneNumber: "+1 555"}, EnrollInput{PhoneNumber: "+1 555"}, en.Factors.PhoneTooShort},
		{SMS, EnrollInput{PhoneNumber: ""}, EnrollInput{}, en.Factors.PhoneEmpty},
		{Email, EnrollInput{Email: " alice@example.com "}, EnrollInput{Email: "alice@example.com"}, ""},
		{Email, EnrollInput{Email: "alice.example.com"}, EnrollInput{Email: "alice.example.com"}, en.Factors.EmailNoAt},
		{Email, EnrollInput{Email: "alice@example"}, EnrollInput{Email: "alice@example"}, en.Factors.EmailNoDomain},
		{Push, EnrollInput{PhoneNumber: "x"}, EnrollInput{}, ""},
	} {
		out, problem := CheckEnrollInput(en, tc.f, tc.in)
		if out != tc.out || problem != tc.problem {
			t.Errorf("%s %+v: %+v %q; want %+v %q", tc.f.ID, tc.in, out, problem, tc.out, tc.problem)
		}
	}
	if _, problem := CheckEnrollInput(fr, SMS, EnrollInput{PhoneNumber: "555"}); problem != fr.Factors.PhoneNoCountryCode {
		t.Errorf("French: %q", problem)
	}
}

func TestSecretGroups(t *testing.T) {
	for in, want := range map[string]string{"": "", "JBSW": "JBSW", "JBSWY3DPEHPK3PXP": "JBSW Y3DP EHPK 3PXP", "JBSWY3DPE": "JBSW Y3DP E"} {
		if got := SecretGroups(in); got != want {
			t.Errorf("SecretGroups(%q) = %q, want %q", in, got, want)
		}
	}
}
