package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// scenarios put the model on each screen, for golden files and the size sweep.
var scenarios = []struct {
	name  string
	setup func(f *fixture)
}{
	{"home", func(f *fixture) {}},
	{"signin", func(f *fixture) {
		f.key("enter")
		f.typeText("alice@example.com")
		f.key("enter")
		f.typeText("secret")
	}},
	{"signin_paste", func(f *fixture) {
		f.key("2")
		f.key("ctrl+t")
	}},
	{"signin_missing_password", func(f *fixture) {
		f.key("3")
		f.typeText("bob@example.com")
		f.key("tab")
		f.key("tab")
		f.key("enter")
	}},
	{"working", func(f *fixture) {
		f.signedIn(JourneyEnroll, "alice@example.com")
		f.m.run(f.m.t.Working.Associating, func(flow.Env) tea.Cmd { return func() tea.Msg { return nil } })
	}},
	{"problem_wrong_password", func(f *fixture) {
		f.m.j.openSignIn(JourneyChallenge)
		f.result(flow.SignedInMsg{Err: &auth0.Error{Op: "POST /oauth/token (password)", StatusCode: 403, Code: "invalid_grant", Description: "Wrong email or password."}})
	}},
	{"problem_grant_not_allowed", func(f *fixture) {
		f.m.j.openSignIn(JourneyEnroll)
		f.result(flow.SignedInMsg{Err: &auth0.Error{Op: "POST /oauth/token (password)", StatusCode: 403, Code: "unauthorized_client",
			Description: "Grant type 'password' not allowed for the client."}})
	}},
	{"problem_mfa_not_required", func(f *fixture) {
		f.m.j.openSignIn(JourneyEnroll)
		f.result(flow.SignedInMsg{Err: flow.ErrMFANotRequired})
	}},
	{"enroll", func(f *fixture) { enrollOn(f, fixtureBarcode) }},
	{"enroll_expired", enrollExpired},
	{"enrolled", func(f *fixture) {
		f.signedIn(JourneyEnroll, "alice@example.com")
		f.m.j.enrolledCodes = []string{"MZCRK3YX5V3AKNNYY6JEBQCL"}
		f.m.j.listFor = listForEnrolled
		f.result(flow.AuthenticatorsMsg{Authenticators: []auth0.Authenticator{
			{ID: "push|dev_ZUla9SQ6tAIHSz6y", AuthenticatorType: "oob", OOBChannel: "auth0", Name: "Alice's phone", Active: true}}})
	}},
	{"already_enrolled", func(f *fixture) {
		f.signedIn(JourneyEnroll, "bob@example.com")
		f.result(flow.AssociatedMsg{Err: &auth0.Error{StatusCode: 403, Code: "access_denied", Description: "User is already enrolled."}})
	}},
	{"list", func(f *fixture) {
		f.signedIn(JourneyManage, "bob@example.com")
		f.result(flow.AuthenticatorsMsg{Authenticators: fixtureAuthenticators})
	}},
	{"confirm_delete", func(f *fixture) {
		f.signedIn(JourneyManage, "bob@example.com")
		f.result(flow.AuthenticatorsMsg{Authenticators: fixtureAuthenticators})
		f.key("d")
	}},
	{"challenge", func(f *fixture) {
		challengeFixture(f)
		f.clock.Advance(12 * time.Second)
	}},
	{"challenge_rejected", func(f *fixture) {
		a := challengeFixture(f)
		f.send(flow.ApprovalAnswerMsg{ID: a.ID(), At: fixtureTime.Add(6 * time.Second),
			Err: &auth0.Error{StatusCode: 400, Code: "access_denied", Description: auth0.DescriptionRejected, Outcome: auth0.OutcomeRejected}})
	}},
	{"challenge_otp", func(f *fixture) {
		challengeFixture(f)
		f.key("o")
		f.typeText("123")
	}},
	{"new_recovery_code", func(f *fixture) {
		challengeFixture(f)
		f.key("r")
		tokens := fixtureTokens()
		tokens.RecoveryCode = "17EQHNZC2SZDYG7X4QXVX9SW"
		f.result(flow.VerifiedMsg{Factor: flow.RecoveryCode, Verified: flow.Verified{Tokens: tokens, At: fixtureTime}})
	}},
	{"trace", func(f *fixture) {
		challengeFixture(f)
		f.traceFixture()
		f.key("t")
	}},
	{"trace_detail", func(f *fixture) {
		challengeFixture(f)
		f.traceFixture()
		f.key("t")
		f.key("enter")
	}},
	{"result", func(f *fixture) {
		f.signedIn(JourneyChallenge, "bob@example.com")
		f.m.j.session.Earn(fixtureTokens(), fixtureTime)
		f.m.j.showResult()
		f.clock.Advance(90 * time.Second)
	}},
	{"factor_choice", factorChoiceFixture},
	{"enroll_address_phone", func(f *fixture) {
		factorChoiceFixture(f)
		f.key("3") // SMS
		f.typeText("555 0100")
		f.key("enter")
	}},
	{"enroll_address_email", func(f *fixture) {
		factorChoiceFixture(f)
		f.key("5")
		f.typeText("alice@example.com")
	}},
	{"enroll_code_sms", func(f *fixture) {
		enrollCodeFixture(f, flow.SMS, &auth0.Association{AuthenticatorType: "oob", OOBChannel: "sms", OOBCode: "oob",
			BindingMethod: auth0.BindingPrompt, RecoveryCodes: []string{"MZCRK3YX5V3AKNNYY6JEBQCL"}})
		f.phone.messages = []flow.PhoneMessage{{ID: "msg_1", Channel: "sms", To: "+15555550100", Code: "482913",
			Text:   "482913 is your verification code for mfapush sandbox. Please enter this code to verify your enrollment.",
			SentAt: fixtureTime, ExpiresAt: fixtureTime.Add(5 * time.Minute)}}
		f.send(flow.PhoneChangedMsg{})
		f.typeText("48")
	}},
	{"enroll_code_app", func(f *fixture) {
		enrollCodeFixture(f, flow.OTP, &auth0.Association{AuthenticatorType: "otp", Secret: fixtureSecret,
			BarcodeURI:    "otpauth://totp/mfapush%20sandbox:alice%40example.com?secret=" + fixtureSecret + "&issuer=mfapush%20sandbox",
			RecoveryCodes: []string{"MZCRK3YX5V3AKNNYY6JEBQCL"}})
		f.typeText("12")
	}},
	{"challenge_sms", func(f *fixture) {
		f.signedIn(JourneyChallenge, "bob@example.com")
		f.result(flow.AuthenticatorsMsg{Authenticators: fixtureAuthenticators[4:]})
		f.key("enter")
		f.result(flow.ChallengedMsg{AuthenticatorID: fixtureAuthenticators[4].ID,
			Challenged: flow.Challenged{OOBCode: "oob", BindingMethod: auth0.BindingPrompt, At: fixtureTime}})
	}},
}

const fixtureSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

// factorChoiceFixture shows alice the factors her tenant offers.
func factorChoiceFixture(f *fixture) {
	f.signedIn(JourneyEnroll, "alice@example.com")
	f.m.j.plan = flow.MFAPlan{Path: flow.PathEnroll, Enroll: []string{"push-notification", "otp", "phone", "email"}}
	f.m.j.startEnrollment(f.m.j.enrollBearer())
}

// enrollCodeFixture shows the code that confirms alice's enrollment of f.
func enrollCodeFixture(f *fixture, fac *flow.Factor, as *auth0.Association) {
	f.signedIn(JourneyEnroll, "alice@example.com")
	f.m.j.enrolling, f.m.j.enrollInput = fac, flow.EnrollInput{PhoneNumber: "+15555550100"}
	f.result(flow.AssociatedMsg{Enrollment: flow.Enrollment{Association: as, At: fixtureTime}})
}

// challengeFixture shows bob's push challenge, waiting.
func challengeFixture(f *fixture) *flow.Approval {
	f.signedIn(JourneyChallenge, "bob@example.com")
	f.result(flow.AuthenticatorsMsg{Authenticators: fixtureAuthenticators})
	f.phone.notifications = []flow.PhoneNotification{{ID: "n1", DeviceID: "dev_BBTKYpxKHOXVBnql", App: "mfapush", OS: "Linux"}}
	f.send(flow.PhoneChangedMsg{})
	f.key("enter") // the push authenticator, first in the list
	f.result(flow.ChallengedMsg{AuthenticatorID: fixtureAuthenticators[0].ID, Challenged: flow.Challenged{OOBCode: "oob", At: fixtureTime}})
	return f.m.j.challenge.approval
}

var goldenSizes = [][2]int{{80, 24}, {100, 34}, {120, 40}}

func TestGolden(t *testing.T) { runGoldens(t, scenarios) }

// runGoldens draws each scenario at every golden size in both themes.
func runGoldens(t *testing.T, scenarios []struct {
	name  string
	setup func(f *fixture)
}) {
	for _, sc := range scenarios {
		for _, size := range goldenSizes {
			for _, light := range []bool{false, true} {
				theme := "dark"
				if light {
					theme = "light"
				}
				t.Run(fmt.Sprintf("%s/%dx%d_%s", sc.name, size[0], size[1], theme), func(t *testing.T) {
					f := newFixture(t, fixtureOptions{width: size[0], height: size[1], light: light})
					sc.setup(f)
					golden.RequireEqual(t, f.screen())
				})
			}
		}
	}
}

func TestGoldenRealTenant(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34, realTenant: true})
	golden.RequireEqual(t, f.screen())
}
