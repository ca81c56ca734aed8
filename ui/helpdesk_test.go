package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/audit"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/i18n/i18ntest"
)

// The helpdesk console's fixtures: bob's card as the sandbox shows it.
var (
	fixtureBob = management.User{UserID: "auth0|65f0b0b0b0b0b0b0b0b0b0b0", Email: "bob@example.com", Name: "Bob",
		Identities: []management.Identity{{Connection: "Username-Password-Authentication", Provider: "auth0"}},
		LastLogin:  management.Time{Time: fixtureTime.Add(-26 * time.Hour)}}
	fixtureCarols = []management.User{
		{UserID: "auth0|65f0c0c0c0c0c0c0c0c0c0c0", Email: "carol@example.com", Name: "Carol",
			Identities: []management.Identity{{Connection: "Username-Password-Authentication"}}},
		{UserID: "google-oauth2|108086462999920978250", Email: "carol@example.com", Name: "Carol",
			Identities: []management.Identity{{Connection: "google-oauth2"}}},
	}
	fixtureCard = flow.UserCard{User: fixtureBob,
		Methods: []management.AuthenticationMethod{
			{ID: "push|dev_BBTKYpxKHOXVBnql", Type: "push", Name: "Bob's phone", Confirmed: true, LinkID: "totp|dev_Rb9hk2jVYq1nMVQv",
				CreatedAt: management.Time{Time: fixtureTime.Add(-72 * time.Hour)}, LastAuthAt: management.Time{Time: fixtureTime.Add(-26 * time.Hour)}},
			{ID: "totp|dev_Rb9hk2jVYq1nMVQv", Type: "totp", Confirmed: true, CreatedAt: management.Time{Time: fixtureTime.Add(-72 * time.Hour)}},
			{ID: "recovery-code|dev_x3kPQ2rT9vLmN8sA", Type: "recovery-code", Confirmed: true, CreatedAt: management.Time{Time: fixtureTime.Add(-72 * time.Hour)}},
		},
		Enrollments: []management.Enrollment{{ID: "dev_BBTKYpxKHOXVBnql", Status: "confirmed", Type: "pn", Name: "Bob's phone", AuthMethod: "guardian"}},
	}
)

// helpdeskOpen opens the console on the fixture's model.
func helpdeskOpen(f *fixture) {
	h := flow.Helpdesk{Env: f.m.env, Audit: audit.At("/home/agent/.local/share/mfapush/helpdesk-audit.jsonl", f.clock)}
	f.m.opts.Helpdesk = &h
	f.key("4")
}

// helpdeskCard shows bob's card.
func helpdeskCard(f *fixture) {
	helpdeskOpen(f)
	f.typeText("bob@example.com")
	f.key("enter")
	f.result(flow.FoundMsg{Found: flow.Found{Email: "bob@example.com", Users: []management.User{fixtureBob}}})
	f.result(flow.CardMsg{UserCard: fixtureCard})
}

// helpdeskCardNoPush shows carol's card: no method, so no push to verify
// her with.
func helpdeskCardNoPush(f *fixture) {
	helpdeskOpen(f)
	f.typeText("carol@example.com")
	f.key("enter")
	f.result(flow.FoundMsg{Found: flow.Found{Email: "carol@example.com", Users: fixtureCarols[:1]}})
	f.result(flow.CardMsg{UserCard: flow.UserCard{User: fixtureCarols[0]}})
}

// A user without a confirmed push cannot be verified: the card does not
// offer v, says why and what to do instead, and v does nothing; with
// one, v is offered and opens the verification.
func TestCardOffersVerifyOnlyWithAPush(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		words := i18n.For(lang).Helpdesk
		verify := "v " + words.UI.KeyVerify
		why := fmt.Sprintf(words.Card.NoPush, "e")
		why = why[:strings.IndexRune(why, ':')] // the rest wraps

		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: lang})
		helpdeskCardNoPush(f)
		screen := f.screen()
		if strings.Contains(screen, verify) || !strings.Contains(screen, why) {
			t.Errorf("%s: a user without push is offered %q, or not told %q:\n%s", lang, verify, why, screen)
		}
		if f.key("v"); f.m.current.ID() != screenHelpdeskCard {
			t.Errorf("%s: v left the card of a user without push for %v", lang, f.m.current.ID())
		}

		f = newFixture(t, fixtureOptions{width: 100, height: 34, lang: lang})
		helpdeskCard(f)
		screen = f.screen()
		if !strings.Contains(screen, verify) || strings.Contains(screen, why) {
			t.Errorf("%s: bob, who has push, is not offered %q, or is told %q:\n%s", lang, verify, why, screen)
		}
	}
}

// helpdeskVerifying shows the wait for bob's answer to a verify push.
func helpdeskVerifying(f *fixture) *flow.Approval {
	helpdeskCard(f)
	f.key("v")
	f.m.j.hd.verify.message.SetValue("Helpdesk-4821")
	f.key("enter")
	f.phone.notifications = []flow.PhoneNotification{{ID: "n1", DeviceID: "dev_BBTKYpxKHOXVBnql", App: "mfapush", OS: "Linux", BindingMessage: "Helpdesk-4821"}}
	f.send(flow.PhoneChangedMsg{})
	f.result(flow.VerifyStartedMsg{VerifyStarted: flow.VerifyStarted{UserID: fixtureBob.UserID, BindingMessage: "Helpdesk-4821",
		BackchannelAuthorization: auth0.BackchannelAuthorization{AuthReqID: "req", ExpiresIn: 300 * time.Second, Interval: 5 * time.Second}, At: fixtureTime}})
	f.clock.Advance(3 * time.Second)
	return f.m.j.hd.verify.approval
}

// helpdeskScenarios are the console's golden screens.
var helpdeskScenarios = []struct {
	name  string
	setup func(f *fixture)
}{
	{"helpdesk_find", func(f *fixture) {
		helpdeskOpen(f)
		f.typeText("carol@example.com")
	}},
	{"helpdesk_users", func(f *fixture) {
		helpdeskOpen(f)
		f.typeText("carol@example.com")
		f.key("enter")
		f.result(flow.FoundMsg{Found: flow.Found{Email: "carol@example.com", Users: fixtureCarols}})
	}},
	{"helpdesk_card", helpdeskCard},
	{"helpdesk_card_no_push", helpdeskCardNoPush},
	{"helpdesk_card_limited", func(f *fixture) { // the read-only application
		helpdeskCard(f)
		limited := fixtureCard
		limited.Missing = []string{"delete:authentication_methods", "create:guardian_enrollment_tickets", "update:users"}
		f.key("ctrl+r")
		f.result(flow.CardMsg{UserCard: limited})
	}},
	{"helpdesk_verify_message", func(f *fixture) {
		helpdeskCard(f)
		f.key("v")
		f.m.j.hd.verify.message.SetValue("Helpdesk-4821")
	}},
	{"helpdesk_verify_waiting", func(f *fixture) { helpdeskVerifying(f) }},
	{"helpdesk_verified", func(f *fixture) {
		a := helpdeskVerifying(f)
		f.phone.notifications = nil
		f.send(flow.PhoneChangedMsg{})
		f.send(flow.ApprovalDueMsg{ID: a.ID()})
		f.send(flow.ApprovalAnswerMsg{ID: a.ID(), Tokens: &auth0.Tokens{AccessToken: "at"}, At: f.clock.Now()})
	}},
	{"helpdesk_confirm_all", func(f *fixture) {
		helpdeskCard(f)
		f.key("D")
		f.typeText("bob@exa")
	}},
	{"helpdesk_ticket", func(f *fixture) {
		helpdeskCard(f)
		f.key("e")
		f.result(flow.TicketMsg{IssuedTicket: flow.IssuedTicket{UserID: fixtureBob.UserID, At: fixtureTime,
			Ticket: management.Ticket{ID: "Gi5zxPXhRzCywo4TUQHbvxsfZf4jHVCs", URL: "http://127.0.0.1:8484/mfa/enrollment?ticket=Gi5zxPXhRzCywo4TUQHbvxsfZf4jHVCs"}}})
	}},
	{"helpdesk_recovery", func(f *fixture) {
		helpdeskCard(f)
		f.key("r")
		f.result(flow.RecoveryCodeMsg{RecoveryCodeIssued: flow.RecoveryCodeIssued{UserID: fixtureBob.UserID, Code: "V6KX9QJ2M4TZ8RNB3WYH7CDF", At: fixtureTime}})
	}},
	{"helpdesk_missing_scope", func(f *fixture) {
		helpdeskCard(f)
		f.key("D")
		f.typeText("bob@example.com")
		f.key("enter")
		f.result(flow.ResetMsg{Err: &management.Error{Kind: management.KindInsufficientScope, Action: management.DeleteAllMethods,
			Scopes: []string{"delete:authentication_methods"},
			Err: &auth0.Error{Op: management.DeleteAllMethods.Op, StatusCode: 403, Code: "insufficient_scope",
				Description: "Insufficient scope, expected any of: delete:authentication_methods"}}})
	}},
}

func TestGoldenHelpdesk(t *testing.T) { runGoldens(t, helpdeskScenarios) }

// Every console screen speaks French in French.
func TestHelpdeskScreensInFrench(t *testing.T) {
	for _, sc := range helpdeskScenarios {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: i18n.French})
		sc.setup(f)
		screen := f.screen()
		for _, english := range []string{"Verify the caller", "Authentication methods", "Enrollment ticket", "Type the user's email", "Several users", "Helpdesk: find", "· confirmed ·"} {
			if strings.Contains(screen, english) {
				t.Errorf("%s shows %q in French:\n%s", sc.name, english, screen)
			}
		}
		if english := i18ntest.NewFinder(i18n.French).EnglishOn(screen, append(fixtureData, "Insufficient scope, expected any of: delete:authentication_methods", "delete:authentication_methods")...); len(english) > 0 {
			t.Errorf("%s: English on the French screen: %q\n%s", sc.name, english, screen)
		}
	}
}

// The console on the sandbox: carol's two accounts, bob's card, a verify
// push with its message on the phone panel, approved; a ticket the phone
// scans; every factor reset after typing the email.
func TestE2EHelpdeskConsole(t *testing.T) {
	e := startE2EWith(t, 100, 34, JourneyHelpdesk, e2eOptions{helpdesk: true})
	e.waitFor("Helpdesk: find a user")
	e.typeText("carol@example.com")
	e.press("enter")
	e.waitFor("Several users have the email carol@example.com")
	e.press("down", "enter")
	e.waitFor("No authentication methods.") // carol's google-oauth2 account
	e.press("esc")
	e.waitFor("Helpdesk: find a user")
	for range len("carol@example.com") {
		e.press("backspace")
	}
	e.typeText("bob@example.com")
	e.press("enter")
	e.waitFor("Bob <bob@example.com>")
	e.press("v")
	e.waitFor("Message shown on the phone")
	e.press("enter")
	screen := e.waitFor("Waiting for the approval")
	msg := strings.TrimSpace(strings.SplitN(lineAfter(screen, "Read this to the caller: "), " ", 2)[0])
	if !strings.HasPrefix(msg, "Helpdesk-") {
		t.Fatalf("message %q:\n%s", msg, screen)
	}
	e.waitUntil("the message on the phone panel", func(s string) bool { return strings.Count(s, msg) >= 2 })
	e.press("a")
	e.waitFor("Verified: Bob <bob@example.com> approved the push")
	e.waitFor("POST /oauth/token → 200: the caller approved the push") // the line under the header
	e.press("esc")
	e.waitFor("Authentication methods")
	e.press("e")
	e.waitFor("Enrollment ticket for Bob")
	e.waitFor("/enrollments/ticket → 200: an enrollment ticket")
	before := map[string]bool{}
	for _, d := range e.srv.Phone.Devices() {
		before[d.ID] = true
	}
	e.press("s")
	var enrolled string
	e.waitUntil("the phone enrolled from the ticket", func(string) bool {
		for _, d := range e.srv.Phone.Devices() {
			if !before[d.ID] {
				enrolled = d.ID
				return true
			}
		}
		return false
	})
	e.press("esc")
	e.waitFor(enrolled) // the card, read again, shows the new enrollment
	e.press("D")
	e.waitFor("Type the user's email")
	e.typeText("bob@example.com")
	e.press("enter")
	e.waitFor("No authentication methods.")
	e.stop()
	entries, _, err := audit.Read(e.auditPath)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, en := range entries {
		actions = append(actions, string(en.Action)+":"+string(en.Outcome))
	}
	for _, want := range []string{"verify:done", "create_ticket:done", "reset_all:done"} {
		if !strings.Contains(strings.Join(actions, " "), want) {
			t.Errorf("the audit log lacks %s: %v", want, actions)
		}
	}
}

// The read-only application: the delete's 403 names the scope and where
// the dashboard grants it.
func TestE2EHelpdeskMissingScope(t *testing.T) {
	e := startE2EWith(t, 100, 34, JourneyHelpdesk, e2eOptions{helpdesk: true, limited: true})
	e.waitFor("Helpdesk: find a user")
	e.typeText("bob@example.com")
	e.press("enter")
	e.waitFor("Authentication methods")
	e.waitFor("The helpdesk application lacks delete:authentication_methods") // said on the card already
	e.press("D")
	e.typeText("bob@example.com")
	e.press("enter")
	screen := e.waitFor("lacks a permission")
	for _, want := range []string{"delete:authentication_methods", "Machine to Machine"} {
		if !strings.Contains(strings.ReplaceAll(screen, "\n", " "), want) {
			t.Errorf("the problem lacks %q:\n%s", want, screen)
		}
	}
}

// Esc during the verify wait cancels it at once: no poll leaves after.
func TestE2EHelpdeskVerifyEscCancels(t *testing.T) {
	e := startE2EWith(t, 100, 34, JourneyHelpdesk, e2eOptions{helpdesk: true})
	e.waitFor("Helpdesk: find a user")
	e.typeText("bob@example.com")
	e.press("enter")
	e.waitFor("Authentication methods")
	e.press("v")
	e.waitFor("Message shown on the phone")
	e.press("enter")
	e.waitFor("Waiting for the approval")
	e.press("esc")
	e.waitFor("Authentication methods")
	polls := len(e.srv.Requests("/oauth/token"))
	if a := e.model.j.hd.verify.approval; a == nil || a.State() != flow.ApprovalCancelled {
		t.Fatalf("the wait is not cancelled")
	}
	e.stop()
	if n := len(e.srv.Requests("/oauth/token")); n != polls {
		t.Errorf("%d polls after esc", n-polls)
	}
}

func lineAfter(screen, prefix string) string {
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, prefix); i >= 0 {
			return l[i+len(prefix):]
		}
	}
	return ""
}

// Without a helpdesk application, the console says what to configure.
func TestHelpdeskWithoutItsApplication(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	f.key("4")
	screen := f.screen()
	if f.m.current.ID() != screenProblem || !strings.Contains(screen, "No helpdesk application is configured") || !strings.Contains(screen, "AUTH0_HELPDESK_CLIENT_ID") {
		t.Fatalf("screen %v:\n%s", f.m.current.ID(), screen)
	}
	f.key("enter") // trying again goes back home
	if f.m.current.ID() != screenHome {
		t.Errorf("enter led to %v", f.m.current.ID())
	}
}

// An action on a user that fails (here a reset refused for a missing
// scope) offers esc back to the user's card, where the agent was, rather
// than starting over at the search.
func TestHelpdeskProblemEscGoesBackToTheUser(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 80, height: 24})
	for _, sc := range helpdeskScenarios {
		if sc.name == "helpdesk_missing_scope" {
			sc.setup(f)
		}
	}
	if f.m.current.ID() != screenProblem || !strings.Contains(f.screen(), "esc back") {
		t.Fatalf("not a problem offering esc back:\n%s", f.screen())
	}
	f.key("esc")
	f.result(flow.CardMsg{UserCard: flow.UserCard{User: fixtureBob}})
	if f.m.current.ID() != screenHelpdeskCard {
		t.Errorf("esc went to %v:\n%s", f.m.current.ID(), f.screen())
	}
}

// French elides "de" before a name that starts with a vowel: the console
// asks "Supprimer toutes les méthodes d’authentification d’Alice …".
func TestHelpdeskFrenchElidesBeforeAName(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: i18n.French})
	helpdeskOpen(f)
	alice := fixtureBob
	alice.Email, alice.Name = "alice@example.com", "Alice"
	card := fixtureCard
	card.User = alice
	f.typeText("alice@example.com")
	f.key("enter")
	f.result(flow.FoundMsg{Found: flow.Found{Email: "alice@example.com", Users: []management.User{alice}}})
	f.result(flow.CardMsg{UserCard: card})
	f.key("D")
	if screen := f.screen(); !strings.Contains(screen, "d’authentification d’Alice") {
		t.Errorf("no elision before Alice:\n%s", screen)
	}
}
