package sandbox

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// requirementsOf signs email in and returns the types mfa_required lists
// under challenge and under enroll.
func (s *sandbox) requirementsOf(email string) (challenge, enroll []string) {
	s.t.Helper()
	a := s.form("/oauth/token", client(map[string]string{"grant_type": "password", "username": email, "password": strings.Split(email, "@")[0] + "-password"}))
	var body struct {
		Requirements struct {
			Challenge []struct{ Type string } `json:"challenge"`
			Enroll    []struct{ Type string } `json:"enroll"`
		} `json:"mfa_requirements"`
	}
	decodeInto(s.t, a.raw, &body)
	if a.status != 403 || len(a.body) != 4 {
		s.t.Fatalf("login %s: %d %s", email, a.status, a.raw)
	}
	for _, f := range body.Requirements.Challenge {
		challenge = append(challenge, f.Type)
	}
	for _, f := range body.Requirements.Enroll {
		enroll = append(enroll, f.Type)
	}
	return challenge, enroll
}

func TestMFARequiredListsTheFactorsToChallengeOrEnroll(t *testing.T) {
	s := startSandbox(t, Options{})
	check := func(when, email string, wantChallenge, wantEnroll []string) {
		t.Helper()
		challenge, enroll := s.requirementsOf(email)
		if !slices.Equal(challenge, wantChallenge) || !slices.Equal(enroll, wantEnroll) {
			t.Errorf("%s: challenge %q enroll %q, want challenge %q enroll %q", when, challenge, enroll, wantChallenge, wantEnroll)
		}
	}
	all := []string{"push-notification", "otp", "recovery-code"}
	offered := []string{"push-notification", "otp", "phone", "email"}
	check("bob", "bob@example.com", all, nil)
	check("alice, before enrolling", "alice@example.com", nil, offered)

	// A pending enrollment is no factor yet; a confirmed one is.
	uri := s.associatePush(s.login("alice@example.com")).str("barcode_uri")
	check("alice, QR code not scanned", "alice@example.com", nil, offered)
	if _, err := s.Phone.Scan(context.Background(), uri, "Alice's phone"); err != nil {
		t.Fatal(err)
	}
	check("alice, enrolled", "alice@example.com", all, nil)

	// Bob without his device keeps his recovery code, which alone is no
	// way in: he must enroll again.
	token := s.mfaAccessToken("remove:authenticators")
	if a := s.call("DELETE", "/mfa/authenticators/"+url.PathEscape("push|"+s.bobDevice().ID), token, nil); a.status != 204 {
		t.Fatalf("delete bob's push: %d %s", a.status, a.raw)
	}
	check("bob, device removed", "bob@example.com", nil, offered)
}
