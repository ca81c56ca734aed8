package auth0

import (
	"context"
	"slices"
	"testing"
)

// The mfa_required answer is read with and without mfa_requirements, and
// an odd one never costs the mfa_token: entries that are not {"type":
// "…"} are skipped, unknown types kept as they come.
func TestMFARequirementsAreReadLeniently(t *testing.T) {
	rs := newReplayServer(t)
	c := newTestClient(t, rs.URL, "s")
	const head = `{"error":"mfa_required","error_description":"Multifactor authentication required","mfa_token":"Fe26.2*abc*def"`
	for _, tc := range []struct {
		name              string
		body              string
		known             bool
		challenge, enroll []string
	}{
		{"absent", head + `}`, false, nil, nil},
		{"null", head + `,"mfa_requirements":null}`, false, nil, nil},
		{"recorded", head + `,"mfa_requirements":{"challenge":[{"type":"otp"}]}}`, true, []string{"otp"}, nil},
		{"enroll", head + `,"mfa_requirements":{"enroll":[{"type":"otp"},{"type":"sms"},{"type":"push-notification"}]}}`, true, nil, []string{"otp", "sms", "push-notification"}},
		{"unknown type kept", head + `,"mfa_requirements":{"challenge":[{"type":"webauthn-roaming"},{"type":"push-notification"}]}}`, true, []string{"webauthn-roaming", "push-notification"}, nil},
		{"odd entries skipped", head + `,"mfa_requirements":{"challenge":[{"type":5},"otp",{"type":""},{"type":"otp","x":1}]}}`, true, []string{"otp"}, nil},
		{"not a list", head + `,"mfa_requirements":{"challenge":"otp","enroll":[{"type":"otp"}]}}`, true, nil, []string{"otp"}},
		{"not an object", head + `,"mfa_requirements":"challenge"}`, false, nil, nil},
		{"escape sequences cleaned", head + `,"mfa_requirements":{"challenge":[{"type":"\u001b[31motp"}]}}`, true, []string{"otp"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs.answer(403, tc.body)
			res, err := c.LoginWithPassword(context.Background(), PasswordLogin{Username: "u", Password: "p"})
			if err != nil || res.MFARequired == nil || res.MFARequired.MFAToken != "Fe26.2*abc*def" {
				t.Fatalf("result %+v, %v", res, err)
			}
			r := res.MFARequired.Requirements
			if (r != nil) != tc.known {
				t.Fatalf("requirements %+v, want known %v", r, tc.known)
			}
			if got := r.ChallengeTypes(); !slices.Equal(got, tc.challenge) {
				t.Errorf("challenge %q, want %q", got, tc.challenge)
			}
			if got := r.EnrollTypes(); !slices.Equal(got, tc.enroll) {
				t.Errorf("enroll %q, want %q", got, tc.enroll)
			}
		})
	}
}

// Guardian's error shape, statusCode a number as Auth0 sends it or a
// string as the Guardian SDKs' stubs have it, gives its errorCode and
// message, never the HTTP reason in "error".
func TestGuardianErrorShapeIsRead(t *testing.T) {
	rs := newReplayServer(t)
	c := newTestClient(t, rs.URL, "s")
	for _, statusCode := range []string{`404`, `"404"`} {
		rs.answer(404, `{"statusCode":`+statusCode+`,"error":"Not Found","message":"The login transaction has expired","errorCode":"login_transaction_not_found"}`)
		_, err := c.ListAuthenticators(context.Background(), "token")
		e, ok := AsError(err)
		if !ok || e.StatusCode != 404 || e.Code != "login_transaction_not_found" || e.Description != "The login transaction has expired" {
			t.Errorf("statusCode %s: %+v", statusCode, err)
		}
	}
}
