package plain_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/audit"
	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/internal/sandboxphone"
)

// helpdeskConfig is a helpdesk command on a sandbox whose CIBA interval is
// its shortest (1 s), through the helpdesk application (the read-only one
// when limited), with an audit log in a temporary folder.
func helpdeskConfig(t *testing.T, c plain.Command, email string, limited bool) (*world, plain.Config, string) {
	t.Helper()
	w := newWorld(t, func(o *sandbox.Options) { o.MinPollInterval = time.Millisecond })
	log := filepath.Join(t.TempDir(), audit.FileName)
	client := w.srv.HelpdeskClient(t, auth0.Config{}, limited)
	cfg := w.config(c, "", "")
	cfg.Env.Client = client
	cfg.Helpdesk = &plain.HelpdeskRequest{Helpdesk: flow.NewHelpdesk(cfg.Env, audit.At(log, nil)), Email: email}
	return w, cfg, log
}

// again is cfg with fresh outputs, to run it once more.
func again(cfg plain.Config) plain.Config {
	cfg.Stdout, cfg.Stderr = &output{}, &output{}
	return cfg
}

func auditLines(t *testing.T, path string) []audit.Entry {
	t.Helper()
	entries, _, err := audit.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestUserShowPrintsTheCard(t *testing.T) {
	_, cfg, log := helpdeskConfig(t, plain.CommandUserShow, "bob@example.com", false)
	rep, _, human, status := runJSON(t, cfg)
	if status != plain.ExitOK || rep.Outcome != plain.OutcomeListed || rep.Command != "user_show" {
		t.Fatalf("exit %d %+v\n%s", status, rep, human)
	}
	h := rep.Helpdesk
	if h == nil || h.User == nil || h.User.Connection != "Username-Password-Authentication" || len(h.Methods) != 3 || len(h.Enrollments) != 1 {
		t.Fatalf("report %+v", h)
	}
	for _, want := range []string{"User bob@example.com:", "Connection: Username-Password-Authentication", "Last login: never", "State: not blocked", "push  ", "Guardian enrollments:"} {
		if !strings.Contains(human, want) {
			t.Errorf("the card lacks %q:\n%s", want, human)
		}
	}
	if entries := auditLines(t, log); len(entries) != 2 || entries[1].Action != audit.ActionViewUser {
		t.Errorf("audit %+v", entries)
	}
}

// Carol has two accounts with one email: the command lists them and asks
// for one; --connection picks it.
func TestSeveralUsersAskForOne(t *testing.T) {
	_, cfg, _ := helpdeskConfig(t, plain.CommandUserShow, "carol@example.com", false)
	rep, _, human, status := runJSON(t, cfg)
	if status != plain.ExitError || rep.Error == nil || rep.Error.Kind != "several_users" || len(rep.Helpdesk.Users) != 2 {
		t.Fatalf("exit %d %+v", status, rep)
	}
	if !strings.Contains(human, "google-oauth2") || !strings.Contains(human, "--user-id") {
		t.Errorf("human:\n%s", human)
	}
	cfg.Helpdesk.Connection = "google-oauth2"
	rep, _, human, status = runJSON(t, again(cfg))
	if status != plain.ExitOK || rep.Helpdesk.User.Connection != "google-oauth2" {
		t.Fatalf("exit %d %+v\n%s", status, rep, human)
	}
	cfg.Helpdesk.Connection, cfg.Helpdesk.UserID = "", "auth0|nobody"
	if rep, _, _, status = runJSON(t, again(cfg)); status != plain.ExitError || rep.Error.Kind != "input" {
		t.Errorf("unknown --user-id: exit %d %+v", status, rep.Error)
	}
}

func TestUnknownEmailIsAnError(t *testing.T) {
	_, cfg, _ := helpdeskConfig(t, plain.CommandUserShow, "nobody@example.com", false)
	rep, _, human, status := runJSON(t, cfg)
	if status != plain.ExitError || rep.Error.Kind != "user_not_found" || !strings.Contains(human, "What to do: Check the email") {
		t.Errorf("exit %d %+v\n%s", status, rep.Error, human)
	}
}

// On the sandbox the simulated phone approves the push, as for challenge.
func TestVerifyOnTheSandboxIsApproved(t *testing.T) {
	w, cfg, log := helpdeskConfig(t, plain.CommandVerify, "bob@example.com", false)
	cfg.Helpdesk.Message = "Helpdesk-4821"
	cfg.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone)}
	rep, _, human, status := runJSON(t, cfg)
	if status != plain.ExitOK || rep.Outcome != plain.OutcomeApproved {
		t.Fatalf("exit %d %+v\n%s", status, rep, human)
	}
	v := rep.Helpdesk.Verification
	if v == nil || v.BindingMessage != "Helpdesk-4821" || v.Polls < 1 || v.ApprovedAt.IsZero() {
		t.Errorf("verification %+v", v)
	}
	if !strings.Contains(human, "Read this to the caller: Helpdesk-4821") || !strings.Contains(human, "Verified: Bob") {
		t.Errorf("human:\n%s", human)
	}
	entries := auditLines(t, log)
	if last := entries[len(entries)-1]; last.Action != audit.ActionVerify || last.Outcome != audit.OutcomeDone {
		t.Errorf("audit %+v", last)
	}
}

// A caller who refuses the push ends the command with status 2.
func TestVerifyRejectedExitsTwo(t *testing.T) {
	w, cfg, log := helpdeskConfig(t, plain.CommandVerify, "bob@example.com", false)
	cfg.Helpdesk.Message = "Helpdesk-1"
	cfg.JSON = true
	r := start(cfg)
	note := awaitPush(t, w.srv.Phone)
	if note.BindingMessage != "Helpdesk-1" {
		t.Errorf("phone %+v", note)
	}
	if err := w.srv.Phone.Reject(context.Background(), note.ID, ""); err != nil {
		t.Fatal(err)
	}
	if status := r.wait(t); status != plain.ExitCancelled {
		t.Fatalf("exit %d\n%s", status, r.stderr)
	}
	if !strings.Contains(r.stderr.String(), "refused the push") {
		t.Errorf("human:\n%s", r.stderr)
	}
	entries := auditLines(t, log)
	if last := entries[len(entries)-1]; last.Outcome != audit.OutcomeRejected {
		t.Errorf("audit %+v", last)
	}
}

func TestVerifyRefusesABadMessageBeforeAnyRequest(t *testing.T) {
	w, cfg, _ := helpdeskConfig(t, plain.CommandVerify, "bob@example.com", false)
	cfg.Helpdesk.Message = "Helpdesk call 4821"
	rep, _, _, status := runJSON(t, cfg)
	if status != plain.ExitError || rep.Error.Kind != "bad_binding_message" {
		t.Fatalf("exit %d %+v", status, rep.Error)
	}
	if got := append(w.srv.Requests("/api/v2/"), append(w.srv.Requests("/bc-authorize"), w.srv.Requests("/oauth/token")...)...); len(got) != 0 {
		t.Errorf("requests sent: %+v", got)
	}
}

func TestTicketPrintsItsLinkAndCode(t *testing.T) {
	w, cfg, log := helpdeskConfig(t, plain.CommandTicket, "alice@example.com", false)
	rep, stdout, human, status := runJSON(t, cfg)
	if status != plain.ExitOK || rep.Outcome != plain.OutcomeDone || rep.Helpdesk.Ticket == nil {
		t.Fatalf("exit %d %+v\n%s", status, rep, human)
	}
	tk := rep.Helpdesk.Ticket
	if !strings.Contains(human, "Link: "+tk.URL) || !strings.Contains(human, "▀") || !strings.Contains(stdout, tk.URL) {
		t.Errorf("human:\n%s", human)
	}
	if _, _, err := w.srv.Tenant.TicketBarcode(tk.URL); err != nil {
		t.Errorf("the ticket's page: %v", err)
	}
	if last := auditLines(t, log); last[len(last)-1].TicketID != tk.ID {
		t.Errorf("audit %+v", last)
	}
}

func TestRecoveryCodeIsPrintedOnceAndNeverInJSON(t *testing.T) {
	_, cfg, log := helpdeskConfig(t, plain.CommandRecoveryCode, "bob@example.com", false)
	rep, stdout, human, status := runJSON(t, cfg)
	if status != plain.ExitOK || rep.Helpdesk.RecoveryCodes != 1 {
		t.Fatalf("exit %d %+v\n%s", status, rep, human)
	}
	if strings.Contains(human, "Your new recovery code") {
		t.Errorf("the agent is told the user's code is theirs:\n%s", human)
	}
	code := strings.TrimSpace(strings.SplitN(lineWith(human, "  Recovery code:"), ":", 2)[1])
	if len(code) != 24 || strings.Contains(stdout, code) {
		t.Errorf("code %q; JSON:\n%s", code, stdout)
	}
	data, _ := os.ReadFile(log)
	if strings.Contains(string(data), code) {
		t.Error("the audit log holds the code")
	}
}

func TestResetNeedsAConfirmation(t *testing.T) {
	w, cfg, _ := helpdeskConfig(t, plain.CommandReset, "bob@example.com", false)
	// No --method nor --all: the methods are listed.
	rep, _, human, status := runJSON(t, cfg)
	if status != plain.ExitError || rep.Error.Kind != "input" || !strings.Contains(human, "push|") {
		t.Fatalf("exit %d %+v\n%s", status, rep.Error, human)
	}
	// A script without --yes.
	cfg.Helpdesk.All = true
	if rep, _, _, status = runJSON(t, again(cfg)); status != plain.ExitError || !strings.Contains(rep.Error.Title, "--yes") {
		t.Fatalf("no --yes: exit %d %+v", status, rep.Error)
	}
	// On a terminal, the wrong email cancels.
	term := &fakeTerminal{answers: []string{"alice@example.com"}}
	cfg.Terminal = term
	if rep, _, _, status = runJSON(t, again(cfg)); status != plain.ExitCancelled || rep.Outcome != plain.OutcomeCancelled {
		t.Fatalf("wrong email: exit %d %+v", status, rep)
	}
	if len(term.prompts) != 1 || !strings.Contains(term.prompts[0], "bob@example.com") {
		t.Errorf("prompts %q", term.prompts)
	}
	if n := len(w.srv.Requests("/api/v2/users/")); n == 0 {
		t.Fatal("no card read")
	}
	for _, r := range w.srv.Requests("/api/v2/users/") {
		if r.Method == "DELETE" {
			t.Fatalf("deleted before the confirmation: %+v", r)
		}
	}
	// The right email deletes them all.
	term.answers = []string{" Bob@Example.com "}
	rep, _, human, status = runJSON(t, again(cfg))
	if status != plain.ExitOK || rep.Helpdesk.Reset == nil || !rep.Helpdesk.Reset.All || len(rep.Helpdesk.Reset.MethodIDs) != 3 {
		t.Fatalf("exit %d %+v\n%s", status, rep, human)
	}
}

func TestResetOneMethodWithYes(t *testing.T) {
	w, cfg, log := helpdeskConfig(t, plain.CommandReset, "bob@example.com", false)
	var push string
	for _, a := range w.srv.Phone.Devices() {
		push = "push|" + a.ID
	}
	cfg.Helpdesk.MethodID, cfg.Helpdesk.Yes = push, true
	rep, _, human, status := runJSON(t, cfg)
	if status != plain.ExitOK || rep.Helpdesk.Reset == nil || rep.Helpdesk.Reset.All {
		t.Fatalf("exit %d %+v\n%s", status, rep, human)
	}
	entries := auditLines(t, log)
	if last := entries[len(entries)-1]; last.Action != audit.ActionResetMethod || last.MethodIDs[0] != push {
		t.Errorf("audit %+v", last)
	}
	cfg.Helpdesk.MethodID = "push|dev_nothing"
	if rep, _, _, status = runJSON(t, again(cfg)); status != plain.ExitError || rep.Error.Kind != "input" {
		t.Errorf("unknown method: exit %d %+v", status, rep.Error)
	}
}

// The read-only application may read but not delete: the 403 names the
// scope and where the dashboard grants it.
func TestLimitedApplicationNamesTheMissingScope(t *testing.T) {
	_, show, _ := helpdeskConfig(t, plain.CommandUserShow, "bob@example.com", true)
	rep, _, human, status := runJSON(t, show)
	if status != plain.ExitOK || len(rep.Helpdesk.MissingScopes) != 3 || !strings.Contains(human, "The helpdesk application lacks delete:authentication_methods create:guardian_enrollment_tickets update:users") {
		t.Fatalf("user show: exit %d %+v\n%s", status, rep.Helpdesk, human)
	}
	_, cfg, log := helpdeskConfig(t, plain.CommandReset, "bob@example.com", true)
	cfg.Helpdesk.All, cfg.Helpdesk.Yes = true, true
	rep, _, human, status = runJSON(t, cfg)
	if status != plain.ExitError || rep.Error.Kind != "missing_scope" || strings.Join(rep.Error.Scopes, " ") != "delete:authentication_methods" || rep.Error.Status != 403 {
		t.Fatalf("exit %d %+v", status, rep.Error)
	}
	if !strings.Contains(rep.Error.Fix, management.DashboardPlace) || !strings.Contains(human, "delete:authentication_methods") {
		t.Errorf("fix %q\n%s", rep.Error.Fix, human)
	}
	entries := auditLines(t, log)
	if last := entries[len(entries)-1]; last.Outcome != audit.OutcomeFailed || last.ErrorCode != "insufficient_scope" {
		t.Errorf("audit %+v", last)
	}
}
