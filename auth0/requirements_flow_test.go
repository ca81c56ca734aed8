package auth0_test

import (
	"slices"
	"testing"

	"github.com/mfapush/mfapush/auth0"
)

// Against the sandbox, as against Auth0: a user with factors is told
// which to challenge, one without which to enroll.
func TestLoginReadsTheMFARequirements(t *testing.T) {
	s := newSession(t)
	for _, c := range []struct {
		email, password   string
		challenge, enroll []string
	}{
		{"bob@example.com", "bob-password", []string{auth0.FactorPushNotification, auth0.FactorOTP, auth0.FactorRecoveryCode}, nil},
		{"alice@example.com", "alice-password", nil, []string{auth0.FactorPushNotification, auth0.FactorOTP, auth0.FactorPhone, auth0.FactorEmail}},
	} {
		res, err := s.client.LoginWithPassword(ctx, auth0.PasswordLogin{Username: c.email, Password: c.password})
		if err != nil || res.MFARequired == nil || res.MFARequired.Requirements == nil {
			t.Fatalf("%s: %+v, %v", c.email, res, err)
		}
		r := res.MFARequired.Requirements
		if !slices.Equal(r.ChallengeTypes(), c.challenge) || !slices.Equal(r.EnrollTypes(), c.enroll) {
			t.Errorf("%s: challenge %q enroll %q", c.email, r.ChallengeTypes(), r.EnrollTypes())
		}
	}
}
