package plain_test

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/plain"
)

// A forced error at each call of the plain flows, with --json: the run
// says what failed (the report's error kind) and no output holds a secret
// of the run (as it is, URL-encoded or JSON-escaped: see check). Failing polls are
// retried and the run still ends well.
func TestForcedErrorsKeepSecretsOut(t *testing.T) {
	for _, tc := range []struct {
		name     string
		flow     plain.Command
		user     string
		path     string
		count    int
		wantKind string // "" when the run recovers
	}{
		{"sign-in", plain.CommandChallenge, "bob@example.com", "/oauth/token", 1, "server"},
		{"list", plain.CommandChallenge, "bob@example.com", "/mfa/authenticators", 1, "server"},
		{"challenge", plain.CommandChallenge, "bob@example.com", "/mfa/challenge", 1, "server"},
		{"associate", plain.CommandEnroll, "alice@example.com", "/mfa/associate", 1, "server"},
		{"approval polls", plain.CommandChallenge, "bob@example.com", "", 3, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, func(o *sandbox.Options) { o.AutoApprove = 1 })
			if tc.path != "" {
				if err := w.srv.Tenant.AddFault(sandbox.Fault{Path: tc.path, Kind: "503", Count: tc.count}); err != nil {
					t.Fatal(err)
				}
			} else { // the faults wait for the first poll
				f := func() { w.srv.Tenant.AddFault(sandbox.Fault{Path: "/oauth/token", Kind: "503", Count: tc.count}) }
				w.beforePoll.Store(&f)
			}
			password := strings.TrimSuffix(tc.user, "@example.com") + "-password\n"
			report, out, errOut, status := runJSON(t, w.config(tc.flow, tc.user, password))
			switch {
			case tc.wantKind == "" && status != plain.ExitOK:
				t.Fatalf("exit %d after failing polls, want 0\n%s", status, errOut)
			case tc.wantKind != "" && (status != plain.ExitError || report.Error == nil || report.Error.Kind != tc.wantKind):
				t.Fatalf("exit %d, error %+v; want 1 and kind %q\n%s", status, report.Error, tc.wantKind, errOut)
			}
			faulted := 0
			for _, r := range w.srv.Requests("") {
				if r.Fault != "" {
					faulted++
				}
			}
			if faulted != tc.count {
				t.Fatalf("%d requests faulted, want %d", faulted, tc.count)
			}
			w.secrets.check(t, "the output", out+errOut)
		})
	}
}
