package trace_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/trace"
)

// The helpdesk's calls in the trace and as curl commands: the Management
// API token, the ticket, the recovery code, the CIBA request and the
// helpdesk's client secret never show; each command names them by the
// variables of the README's helpdesk walk-through.
func TestHelpdeskCallsAreTracedWithoutSecrets(t *testing.T) {
	srv := sandboxtest.Start(t, sandbox.DefaultOptions())
	log := trace.NewLog()
	client := srv.HelpdeskClient(t, auth0.Config{Observer: log.Observe}, false)
	mgmt := management.New(client, srv.Clock)
	ctx := context.Background()
	secrets := []string{sandbox.HelpdeskClientSecret}

	users, err := mgmt.UsersByEmail(ctx, "bob@example.com")
	if err != nil {
		t.Fatal(err)
	}
	bob := users[0].UserID
	if _, err := mgmt.AuthenticationMethods(ctx, bob); err != nil {
		t.Fatal(err)
	}
	ticket, err := mgmt.CreateEnrollmentTicket(ctx, management.TicketRequest{UserID: bob, Factor: management.FactorPush})
	if err != nil {
		t.Fatal(err)
	}
	code, err := mgmt.RegenerateRecoveryCode(ctx, bob)
	if err != nil {
		t.Fatal(err)
	}
	bc, err := client.BackchannelAuthorize(ctx, auth0.BackchannelRequest{UserID: bob, BindingMessage: "Helpdesk-4821"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.PollBackchannel(ctx, bc.AuthReqID); auth0.OutcomeOf(err) != auth0.OutcomePending {
		t.Fatalf("poll: %v", err)
	}
	secrets = append(secrets, ticket.ID, code, bc.AuthReqID)

	entries := log.Entries()
	var ops []string
	for _, ex := range entries {
		ops = append(ops, ex.Op)
		curl := trace.Curl(ex)
		line := trace.Summarize(ex, i18n.For(i18n.English)).String()
		for _, s := range secrets {
			if strings.Contains(curl, s) || strings.Contains(line, s) || strings.Contains(string(ex.ResponseBody), s) || strings.Contains(string(ex.RequestBody), s) {
				t.Errorf("%s shows the secret %q:\n%s", ex.Op, s, curl)
			}
		}
		if strings.Contains(ex.URL, "/api/v2/") && !strings.Contains(curl, "Bearer $ACCESS_TOKEN") {
			t.Errorf("%s: the bearer is not a variable:\n%s", ex.Op, curl)
		}
		if ex.Grant != "" && !strings.Contains(curl, "client_secret=$AUTH0_CLIENT_SECRET") && !strings.Contains(curl, "$AUTH0_CLIENT_SECRET") {
			t.Errorf("%s: the client secret is not a variable:\n%s", ex.Op, curl)
		}
	}
	for _, want := range []string{"client-credentials", management.CreateTicket.Op, management.RegenerateRecoveryCode.Op, "POST /bc-authorize", "ciba"} {
		if !strings.Contains(strings.Join(ops, "\n"), want) {
			t.Errorf("no %s in the trace: %q", want, ops)
		}
	}
}
