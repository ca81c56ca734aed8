package flow

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/audit"
	"github.com/mfapush/mfapush/internal/i18n"
)

// helpdeskWorld is a world whose client is the helpdesk application (the
// limited, read-only one when asked), with an audit log in a temporary
// folder.
func helpdeskWorld(t *testing.T, limited bool) (*world, Helpdesk, string) {
	t.Helper()
	w := newWorld(t, sandbox.DefaultOptions(), 0) // Auth0's spacing: a poll too soon gets slow_down
	log := filepath.Join(t.TempDir(), audit.FileName)
	env := w.env
	env.Client = w.srv.HelpdeskClient(t, auth0.Config{}, limited)
	return w, NewHelpdesk(env, audit.At(log, w.clock)), log
}

func userOf(t *testing.T, h Helpdesk, email string) string {
	t.Helper()
	found, err := FindUsers(context.Background(), h, email)
	if err != nil || len(found.Users) == 0 {
		t.Fatalf("find %s: %+v %v", email, found, err)
	}
	return found.Users[0].UserID
}

func auditEntries(t *testing.T, path string) []audit.Entry {
	t.Helper()
	entries, skipped, err := audit.Read(path)
	if err != nil || skipped != 0 {
		t.Fatalf("audit log: %v (%d skipped)", err, skipped)
	}
	return entries
}

func TestHelpdeskCardShowsBobsFactors(t *testing.T) {
	_, h, log := helpdeskWorld(t, false)
	ctx := context.Background()
	carols, err := FindUsers(ctx, h, "carol@example.com")
	if err != nil || len(carols.Users) != 2 {
		t.Fatalf("carol: %+v %v", carols, err)
	}
	bob := userOf(t, h, "bob@example.com")
	card, err := Card(ctx, h, bob)
	if err != nil || card.User.Email != "bob@example.com" || len(card.Methods) != 3 || len(card.Enrollments) != 1 || card.Unaudited != nil || len(card.Missing) != 0 {
		t.Fatalf("card %+v %v", card, err)
	}
	entries := auditEntries(t, log)
	if len(entries) != 3 || entries[2].Action != audit.ActionViewUser || entries[2].UserID != bob || entries[2].Outcome != audit.OutcomeDone {
		t.Errorf("audit %+v", entries)
	}
}

// The card says who a push can verify, as the sandbox's CIBA endpoint
// decides it: bob, who has push; not alice, who has none, whose
// verification the tenant refuses.
func TestCardCanVerifyOnlyAUserWithPush(t *testing.T) {
	_, h, _ := helpdeskWorld(t, false)
	ctx := context.Background()
	for email, can := range map[string]bool{"bob@example.com": true, "alice@example.com": false} {
		id := userOf(t, h, email)
		card, err := Card(ctx, h, id)
		if err != nil || card.CanVerify() != can {
			t.Errorf("%s: CanVerify %v, want %v (%v)", email, card.CanVerify(), can, err)
		}
		_, err = StartVerify(ctx, h, id, "Helpdesk-4821")
		if refused := err != nil && DiagnoseHelpdesk(err).Kind == ProblemNoPushToVerify; refused == can {
			t.Errorf("%s: the tenant refused the push %v, CanVerify %v (%v)", email, refused, can, err)
		}
	}
}

// verifyBob sends bob a CIBA push and returns the wait for it.
func verifyBob(t *testing.T, w *world, h Helpdesk) (*Approval, string) {
	t.Helper()
	bob := userOf(t, h, "bob@example.com")
	v, err := StartVerify(context.Background(), h, bob, "Helpdesk-4821")
	if err != nil {
		t.Fatal(err)
	}
	if v.Interval != auth0.DefaultBackchannelInterval || v.ExpiresIn != auth0.DefaultBackchannelExpiry {
		t.Errorf("interval %v, expires in %v", v.Interval, v.ExpiresIn)
	}
	a := NewVerification(h, v)
	if a.Kind() != ApprovalVerification || !a.Deadline().Equal(v.At.Add(v.ExpiresIn)) || a.Interval() != v.Interval {
		t.Errorf("wait: kind %v, deadline %v, interval %v", a.Kind(), a.Deadline(), a.Interval())
	}
	return a, bob
}

func TestVerifyApprovedOnThePhoneShowsItsMessage(t *testing.T) {
	w, h, log := helpdeskWorld(t, false)
	a, bob := verifyBob(t, w, h)
	notes := w.srv.Phone.Notifications()
	if len(notes) != 1 || notes[0].BindingMessage != "Helpdesk-4821" {
		t.Fatalf("phone %+v", notes)
	}
	w.drive(a, func(polls int) {
		if polls == 2 {
			if err := w.srv.Phone.Approve(context.Background(), notes[0].ID); err != nil {
				t.Error(err)
			}
		}
	})
	if a.State() != ApprovalApproved || a.Polls() != 3 {
		t.Fatalf("state %v after %d polls", a.State(), a.Polls())
	}
	v := RecordVerification(h, bob, a)
	entries := auditEntries(t, log)
	last := entries[len(entries)-1]
	if v.Unaudited != nil || last.Action != audit.ActionVerify || last.Outcome != audit.OutcomeDone || last.UserID != bob {
		t.Errorf("audit %+v %v", last, v.Unaudited)
	}
	data, _ := os.ReadFile(log)
	if tokens := a.Tokens(); tokens == nil || strings.Contains(string(data), tokens.AccessToken) {
		t.Errorf("tokens %+v, or the log holds one", tokens)
	}
}

func TestVerifyRejectedStopsAtOnce(t *testing.T) {
	w, h, log := helpdeskWorld(t, false)
	a, bob := verifyBob(t, w, h)
	notes := w.srv.Phone.Notifications()
	if err := w.srv.Phone.Reject(context.Background(), notes[0].ID, ""); err != nil {
		t.Fatal(err)
	}
	w.drive(a, nil)
	if a.State() != ApprovalRejected || a.Polls() != 1 {
		t.Fatalf("state %v after %d polls", a.State(), a.Polls())
	}
	RecordVerification(h, bob, a)
	if last := auditEntries(t, log); last[len(last)-1].Outcome != audit.OutcomeRejected {
		t.Errorf("audit %+v", last)
	}
}

// An unanswered push ends with the request's expires_in, without a poll
// past it.
func TestVerifyUnansweredEndsAtExpiry(t *testing.T) {
	w, h, _ := helpdeskWorld(t, false)
	a, _ := verifyBob(t, w, h)
	w.drive(a, nil)
	if s := a.State(); s != ApprovalTimedOut && s != ApprovalExpired {
		t.Fatalf("state %v", s)
	}
	if w.clock.Now().After(a.Deadline()) {
		t.Errorf("polled past the deadline: now %v, deadline %v", w.clock.Now(), a.Deadline())
	}
}

func TestVerifyCancelSendsNothingMore(t *testing.T) {
	w, h, _ := helpdeskWorld(t, false)
	a, _ := verifyBob(t, w, h)
	cmd := a.Start()
	a.Cancel()
	if msg := w.run(cmd); msg != nil {
		t.Fatalf("a cancelled wait answered %T", msg)
	}
	if a.State() != ApprovalCancelled || a.Polls() != 0 {
		t.Errorf("state %v, %d polls", a.State(), a.Polls())
	}
}

func TestBindingMessageIsCheckedBeforeSending(t *testing.T) {
	w, h, log := helpdeskWorld(t, false)
	bob := userOf(t, h, "bob@example.com")
	before := len(w.srv.Requests("/bc-authorize"))
	_, err := StartVerify(context.Background(), h, bob, "Helpdesk call 4821")
	if p := DiagnoseHelpdesk(err); p.Kind != ProblemBindingMessage {
		t.Fatalf("problem %+v", p)
	}
	if len(w.srv.Requests("/bc-authorize")) != before {
		t.Error("the message was sent")
	}
	if entries := auditEntries(t, log); len(entries) != 1 { // the look-up only
		t.Errorf("audit %+v", entries)
	}
}

func TestResetTicketAndRecoveryCodeAreAudited(t *testing.T) {
	_, h, log := helpdeskWorld(t, false)
	ctx := context.Background()
	bob := userOf(t, h, "bob@example.com")
	card, _ := Card(ctx, h, bob)
	if _, err := ResetMethod(ctx, h, bob, card.Methods[0].ID); err != nil {
		t.Fatal(err)
	}
	ticket, err := CreateTicket(ctx, h, bob, TicketOptions{})
	if err != nil || ticket.URL == "" || ticket.ID == "" {
		t.Fatalf("ticket %+v %v", ticket, err)
	}
	code, err := RegenerateRecoveryCode(ctx, h, bob)
	if err != nil || code.Code == "" {
		t.Fatalf("code %+v %v", code, err)
	}
	if _, err := ResetAll(ctx, h, bob, []string{card.Methods[2].ID}); err != nil {
		t.Fatal(err)
	}
	entries := auditEntries(t, log)
	var actions []string
	for _, e := range entries {
		actions = append(actions, string(e.Action)+":"+string(e.Outcome))
	}
	if got := strings.Join(actions, " "); got != "find_user:done view_user:done reset_method:done create_ticket:done recovery_code:done reset_all:done" {
		t.Errorf("actions %s", got)
	}
	if entries[2].MethodIDs[0] != card.Methods[0].ID || entries[3].TicketID != ticket.ID {
		t.Errorf("ids %+v", entries)
	}
	data, _ := os.ReadFile(log)
	if strings.Contains(string(data), code.Code) {
		t.Error("the recovery code is in the audit log")
	}
}

// The read-only application's 403 names the scope it lacks and where the
// dashboard grants it, in both languages.
func TestMissingScopeIsNamed(t *testing.T) {
	_, h, log := helpdeskWorld(t, true)
	ctx := context.Background()
	bob := userOf(t, h, "bob@example.com")
	card, err := Card(ctx, h, bob)
	if err != nil || strings.Join(card.Missing, " ") != "delete:authentication_methods create:guardian_enrollment_tickets update:users" {
		t.Fatalf("the card's missing scopes: %v %v", card.Missing, err)
	}
	_, err = ResetAll(ctx, h, bob, nil)
	p := DiagnoseHelpdesk(err)
	if p.Kind != ProblemHelpdeskScope || strings.Join(p.Scopes, " ") != "delete:authentication_methods" {
		t.Fatalf("problem %+v", p)
	}
	for _, l := range i18n.Supported {
		text := HelpdeskProblemText(i18n.For(l), p, true)
		if !strings.Contains(text.Fix, "delete:authentication_methods") || !strings.Contains(text.Fix, management.DashboardPlace) {
			t.Errorf("%s: %+v", l, text)
		}
	}
	entries := auditEntries(t, log)
	if last := entries[len(entries)-1]; last.Outcome != audit.OutcomeFailed || last.ErrorCode != "insufficient_scope" {
		t.Errorf("audit %+v", last)
	}
}

func TestUnknownUserIsNotFound(t *testing.T) {
	_, h, _ := helpdeskWorld(t, false)
	_, err := Card(context.Background(), h, "auth0|000000000000000000000000")
	if p := DiagnoseHelpdesk(err); p.Kind != ProblemUserNotFound {
		t.Errorf("problem %+v", p)
	}
	_, err = StartVerify(context.Background(), h, "auth0|000000000000000000000000", "Helpdesk-1")
	if p := DiagnoseHelpdesk(err); p.Kind != ProblemUserNotFound {
		t.Errorf("CIBA problem %+v", p)
	}
}

func TestVerifyWithoutPushSaysSo(t *testing.T) {
	_, h, _ := helpdeskWorld(t, false)
	alice := userOf(t, h, "alice@example.com") // not enrolled
	_, err := StartVerify(context.Background(), h, alice, "Helpdesk-1")
	if p := DiagnoseHelpdesk(err); p.Kind != ProblemNoPushToVerify {
		t.Errorf("problem %+v", p)
	}
}

func TestHelpdeskCommandsAnswerTheirMessages(t *testing.T) {
	_, h, _ := helpdeskWorld(t, false)
	found, ok := FindUsersCmd(h, "carol@example.com")().(FoundMsg)
	if !ok || found.Err != nil || len(found.Users) != 2 {
		t.Fatalf("found %+v", found)
	}
	card, ok := CardCmd(h, found.Users[0].UserID)().(CardMsg)
	if !ok || card.Err != nil || card.User.UserID != found.Users[0].UserID {
		t.Fatalf("card %+v", card)
	}
	ticket, ok := CreateTicketCmd(h, card.User.UserID, TicketOptions{})().(TicketMsg)
	if !ok || ticket.Err != nil || ticket.URL == "" {
		t.Fatalf("ticket %+v", ticket)
	}
	code, ok := RegenerateRecoveryCodeCmd(h, card.User.UserID)().(RecoveryCodeMsg)
	if !ok || code.Err != nil || code.Code == "" {
		t.Fatalf("code %+v", code)
	}
	reset, ok := ResetCmd(h, card.User.UserID, "", nil)().(ResetMsg)
	if !ok || reset.Err != nil || !reset.All {
		t.Fatalf("reset %+v", reset)
	}
	bob := userOf(t, h, "bob@example.com")
	started, ok := StartVerifyCmd(h, bob, "Helpdesk-1")().(VerifyStartedMsg)
	if !ok || started.Err != nil || started.AuthReqID == "" {
		t.Fatalf("verify %+v", started)
	}
}

// A poll too soon gets slow_down: the verification's interval grows by
// 5 s for good, as a challenge's does.
func TestVerifySlowDownWidensTheInterval(t *testing.T) {
	w, h, _ := helpdeskWorld(t, false)
	bob := userOf(t, h, "bob@example.com")
	v, err := StartVerify(context.Background(), h, bob, "Helpdesk-4821")
	if err != nil {
		t.Fatal(err)
	}
	a := NewVerification(h, v)
	due := make(chan tea.Msg, 1)
	before := w.clock.Waiters()
	go func() { due <- a.Start()() }()
	if err := w.clock.BlockUntilWaiters(context.Background(), before+1); err != nil {
		t.Fatal(err)
	}
	// Another client polls the same request just before the wait does.
	w.clock.Advance(5500 * time.Millisecond)
	if _, err := h.Client.PollBackchannel(context.Background(), v.AuthReqID); auth0.OutcomeOf(err) != auth0.OutcomePending {
		t.Fatalf("the early poll: %v", err)
	}
	w.clock.Advance(time.Second)
	cmd, _ := a.Update(<-due)
	a.Update(w.run(cmd))
	if a.LastError() == nil || a.LastError().Code != "slow_down" || a.Interval() != v.Interval+SlowDownStep {
		t.Fatalf("after a poll too soon: %v, interval %v", a.LastError(), a.Interval())
	}
}
