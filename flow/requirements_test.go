package flow

import (
	"slices"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

func factors(types ...string) []auth0.FactorType {
	out := make([]auth0.FactorType, len(types))
	for i, t := range types {
		out[i] = auth0.FactorType{Type: t}
	}
	return out
}

func TestPlanMFA(t *testing.T) {
	push, otp, rc := auth0.FactorPushNotification, auth0.FactorOTP, auth0.FactorRecoveryCode
	for _, c := range []struct {
		name      string
		req       *auth0.MFARequirements
		path      MFAPath
		challenge map[string]bool
		enroll    map[string]bool
		allowed   []string
	}{
		{"none (older tenants)", nil, PathUnknown,
			map[string]bool{push: true, otp: true, rc: true}, map[string]bool{push: true, otp: true}, nil},
		{"an enrolled user", &auth0.MFARequirements{Challenge: factors(push, otp, rc)}, PathChallenge,
			map[string]bool{push: true, otp: true, rc: true, "phone": false}, map[string]bool{push: true}, []string{push, otp, rc}},
		{"the recorded answer: otp alone", &auth0.MFARequirements{Challenge: factors(otp)}, PathChallenge,
			map[string]bool{push: false, otp: true, rc: true}, map[string]bool{push: true}, []string{otp}},
		{"a user who must enroll", &auth0.MFARequirements{Enroll: factors(otp, "sms", push)}, PathEnroll,
			map[string]bool{push: false, otp: false, rc: false}, map[string]bool{push: true, otp: true, "email": false}, []string{otp, "sms", push}},
		{"enroll without push", &auth0.MFARequirements{Enroll: factors(otp)}, PathEnroll,
			map[string]bool{push: false}, map[string]bool{push: false, otp: true}, []string{otp}},
		{"both lists: challenge first", &auth0.MFARequirements{Challenge: factors("webauthn-roaming"), Enroll: factors(push)}, PathChallenge,
			map[string]bool{"webauthn-roaming": true, push: false}, map[string]bool{push: true, otp: false}, []string{"webauthn-roaming"}},
		{"empty lists", &auth0.MFARequirements{}, PathUnknown, map[string]bool{push: true}, map[string]bool{push: true}, nil},
	} {
		p := PlanMFA(c.req)
		if p.Path != c.path {
			t.Errorf("%s: path %d, want %d", c.name, p.Path, c.path)
		}
		for f, want := range c.challenge {
			if p.CanChallenge(f) != want {
				t.Errorf("%s: CanChallenge(%s) = %v", c.name, f, !want)
			}
		}
		for f, want := range c.enroll {
			if p.CanEnroll(f) != want {
				t.Errorf("%s: CanEnroll(%s) = %v", c.name, f, !want)
			}
		}
		if !slices.Equal(p.Allowed(), c.allowed) {
			t.Errorf("%s: Allowed %q, want %q", c.name, p.Allowed(), c.allowed)
		}
	}
}

func TestRequirementsText(t *testing.T) {
	en := i18n.For(i18n.English)
	enroll := PlanMFA(&auth0.MFARequirements{Enroll: factors(auth0.FactorPushNotification, auth0.FactorOTP)})
	for _, c := range []struct{ got, want string }{
		{RequirementsText(en, PlanMFA(nil)), ""},
		{RequirementsText(en, PlanMFA(&auth0.MFARequirements{Challenge: factors(auth0.FactorOTP)})), "Auth0's mfa_requirements: challenge with otp."},
		{RequirementsText(en, enroll), "Auth0's mfa_requirements: enroll push-notification, otp first."},
		{FactorNotAllowedText(en, enroll, "email"), "Auth0's mfa_requirements do not allow email for this user, only: push-notification, otp."},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if fr := RequirementsText(i18n.For(i18n.French), enroll); fr == "" || fr == RequirementsText(en, enroll) {
		t.Errorf("French: %q", fr)
	}
}
