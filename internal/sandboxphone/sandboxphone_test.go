package sandboxphone_test

import (
	"context"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/sandboxphone"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// Leaving a push wait swipes its request off the phone, as the person
// holding it would: the phone no longer offers a sign-in nobody waits for,
// and answering it says it was dismissed.
func TestDismissOnPhone(t *testing.T) {
	srv := sandboxtest.Start(t, sandbox.Options{})
	client := srv.Client(t, auth0.Config{})
	ctx := context.Background()
	login, err := client.LoginWithPassword(ctx, auth0.PasswordLogin{Username: "bob@example.com", Password: "bob-password", Scope: "openid"})
	if err != nil || login.MFARequired == nil {
		t.Fatalf("sign-in: %+v %v", login, err)
	}
	if _, err := client.Challenge(ctx, auth0.ChallengeRequest{MFAToken: login.MFARequired.MFAToken, ChallengeType: "oob"}); err != nil {
		t.Fatal(err)
	}
	env := flow.Env{Client: client, Clock: srv.Clock, Ctx: ctx}
	phone := sandboxphone.New(srv.Phone)
	notes := phone.Notifications()
	if len(notes) != 1 {
		t.Fatalf("%d notifications", len(notes))
	}
	if msg := flow.DismissOnPhone(env, phone, "push|dev_other")(); msg != nil || len(phone.Notifications()) != 1 {
		t.Fatalf("another device's request went: %v", msg)
	}
	if msg := flow.DismissOnPhone(env, phone, "push|"+notes[0].DeviceID)(); msg != nil {
		t.Errorf("message %v", msg)
	}
	if left := phone.Notifications(); len(left) != 0 {
		t.Errorf("left %+v", left)
	}
	if err := phone.Approve(ctx, notes[0].ID); err != sandbox.ErrNotificationDismissed {
		t.Errorf("approve after dismissal: %v", err)
	}
}

// A helpdesk's CIBA push reaches the phone panel with its binding message.
func TestBindingMessageReachesThePanel(t *testing.T) {
	srv := sandboxtest.Start(t, sandbox.Options{})
	helpdesk := srv.HelpdeskClient(t, auth0.Config{}, false)
	ctx := context.Background()
	var bob string
	for _, u := range srv.Tenant.Users() {
		if u.Email == "bob@example.com" {
			bob = u.UserID
		}
	}
	if _, err := helpdesk.BackchannelAuthorize(ctx, auth0.BackchannelRequest{UserID: bob, BindingMessage: "Helpdesk-4821"}); err != nil {
		t.Fatal(err)
	}
	notes := sandboxphone.New(srv.Phone).Notifications()
	if len(notes) != 1 || notes[0].BindingMessage != "Helpdesk-4821" {
		t.Errorf("notifications %+v", notes)
	}
}

// The phone scans the code on a helpdesk ticket's page, given its link.
func TestPhoneScansATicketLink(t *testing.T) {
	srv := sandboxtest.Start(t, sandbox.Options{})
	mgmt := management.New(srv.HelpdeskClient(t, auth0.Config{}, false), srv.Clock)
	ctx := context.Background()
	users, err := mgmt.UsersByEmail(ctx, "alice@example.com")
	if err != nil || len(users) != 1 {
		t.Fatalf("alice: %+v %v", users, err)
	}
	ticket, err := mgmt.CreateEnrollmentTicket(ctx, management.TicketRequest{UserID: users[0].UserID, Factor: management.FactorPush})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sandboxphone.New(srv.Phone).Scan(ctx, ticket.URL, "Alice's phone"); err == nil {
		t.Fatal("the bare phone read a link as a QR code")
	}
	dev, err := sandboxphone.NewForServer(srv.Server).Scan(ctx, ticket.URL, "Alice's phone")
	if err != nil || dev.UserID != users[0].UserID {
		t.Fatalf("scan: %+v %v", dev, err)
	}
}

// The inbox reaches the interface and the plain mode: an SMS enrollment's
// code shows in Messages, and an authenticator app scanned from an OTP
// enrollment's QR code is a device marked as an app.
func TestMessagesAndAppAccounts(t *testing.T) {
	srv := sandboxtest.Start(t, sandbox.Options{})
	client := srv.Client(t, auth0.Config{})
	ctx := context.Background()
	login, err := client.LoginWithPassword(ctx, auth0.PasswordLogin{Username: "alice@example.com", Password: "alice-password",
		Scope: "openid enroll", Audience: client.MFAAudience()})
	if err != nil || login.MFARequired == nil {
		t.Fatalf("sign-in: %+v %v", login, err)
	}
	phone := sandboxphone.New(srv.Phone)
	if _, err := client.Associate(ctx, login.MFARequired.MFAToken, auth0.SMSEnrollment("+15555550100")); err != nil {
		t.Fatal(err)
	}
	msgs := phone.Messages()
	if len(msgs) != 1 || msgs[0].Channel != "sms" || msgs[0].To != "+15555550100" || len(msgs[0].Code) != 6 ||
		!strings.Contains(msgs[0].Text, msgs[0].Code) {
		t.Fatalf("inbox %+v", msgs)
	}
	as, err := client.Associate(ctx, login.MFARequired.MFAToken, auth0.OTPEnrollment())
	if err != nil {
		t.Fatal(err)
	}
	dev, err := phone.Scan(ctx, as.BarcodeURI, "")
	if err != nil {
		t.Fatal(err)
	}
	if !dev.App || dev.Account != "alice@example.com" {
		t.Errorf("app account %+v", dev)
	}
	if code, _, err := phone.OTP(dev.ID); err != nil || len(code) != 6 {
		t.Errorf("app code %q %v", code, err)
	}
}
