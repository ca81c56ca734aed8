package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/flow"
)

// A DELETE refused with 401 names the token it sent, the access token, not
// the mfa_token; "try again" verifies again for a fresh access token and
// sends the DELETE again. The 401 comes from time that passed at the tenant
// only (a laptop's sleep): the access token expired there while the
// program still counted it fresh. When the mfa_token expired there too,
// the password the user typed signs in again on the way.
func TestE2EDeleteRefusedWith401VerifiesAgainAndRetries(t *testing.T) {
	for _, mfaToken := range []time.Duration{time.Hour, 5 * time.Minute} {
		t.Run("mfa_token lives "+mfaToken.String(), func(t *testing.T) {
			deleteRefusedWith401(t, mfaToken)
		})
	}
}

func deleteRefusedWith401(t *testing.T, mfaToken time.Duration) {
	e := startE2EWith(t, 100, 34, JourneyManage, e2eOptions{tenantTime: true, tenant: func(o *sandbox.Options) { o.MFATokenLifetime = mfaToken }})
	e.verifyToDelete()
	push := "/mfa/authenticators/push|" + e.srv.Phone.Devices()[0].ID
	e.fault(push, 1)
	e.press("a")
	e.waitFor(en.Problem.Server.Title)
	e.srv.Clock.Advance(11 * time.Minute) // past the access token's 600 s, at the tenant
	e.press("enter")                      // the same DELETE, with the same token
	screen := e.waitFor(en.Problem.AccessExpired.Title)
	if strings.Contains(screen, "mfa_token") {
		t.Errorf("the refused access token is called an mfa_token:\n%s", screen)
	}
	deletes := len(e.srv.Requests(push))
	e.press("enter")
	e.waitFor("Verify with an existing factor")
	e.press("enter")
	e.waitFor("Sign-in request")
	e.press("a")
	screen = e.waitFor("1 authenticator")
	if strings.Contains(screen, "Guardian push") || strings.Contains(screen, "Signed in with MFA") {
		t.Fatalf("the push authenticator was not deleted:\n%s", screen)
	}
	if got := len(e.srv.Requests(push)) - deletes; got != 1 {
		t.Fatalf("%d DELETEs after trying again, want 1", got)
	}
	signIns, want := 0, 1
	for _, r := range e.srv.TokenPolls() {
		if slices.Contains(r.Fields, "password") {
			signIns++
		}
	}
	if mfaToken < 11*time.Minute {
		want = 2 // the expired mfa_token was replaced
	}
	if signIns != want {
		t.Fatalf("%d password sign-ins, want %d", signIns, want)
	}
}

// A list fetched with the access token and refused with 401 names the
// access token; trying again lists with the mfa_token, the refused token
// dropped.
func TestListRefusedWith401NamesTheAccessToken(t *testing.T) {
	f := newTestFixture(t)
	f.signedIn(JourneyManage, "bob@example.com")
	tokens := fixtureTokens()
	tokens.Scope = "read:authenticators remove:authenticators"
	f.m.j.session.Earn(tokens, fixtureTime)
	f.m.j.fetchAuthenticators()
	if !f.m.j.listViaAccess {
		t.Fatal("the list was not fetched with the access token")
	}
	f.result(flow.AuthenticatorsMsg{Err: &auth0.Error{Op: "GET /mfa/authenticators", StatusCode: 401, Code: "invalid_token", Description: "The access token is expired"}})
	if screen := f.screen(); !strings.Contains(screen, en.Problem.AccessExpired.Title) || strings.Contains(screen, "mfa_token") {
		t.Fatalf("the problem does not name the access token:\n%s", screen)
	}
	f.key("enter")
	if f.m.j.session.Tokens != nil || f.m.j.listViaAccess || f.m.current.ID() != screenWorking {
		t.Fatalf("try again: tokens kept %v, via the access token %v, screen %v", f.m.j.session.Tokens != nil, f.m.j.listViaAccess, f.m.current.ID())
	}
}
