//go:build unix

package cli

import (
	"strings"
	"testing"
)

// The README's helpdesk commands.
func init() {
	readmeCases = append(readmeCases,
		readmeCase{name: "the helpdesk console", match: is("mfapush helpdesk"),
			reason: "the console needs a person at a terminal (TestE2EHelpdeskConsole drives it in a virtual terminal)"},
		readmeCase{name: "the helpdesk's log", match: is("mfapush helpdesk log"), run: func(t *testing.T, r *readmeRunner, command string) {
			r.ok(command, nil) // an empty log is no error
		}},
		readmeCase{name: "the helpdesk's commands", match: startsWith("mfapush user show carol@example.com"),
			run: func(t *testing.T, r *readmeRunner, command string) {
				out := r.ok(command, nil)
				for _, want := range []string{`"connection": "google-oauth2"`, "Verified: Bob <bob@example.com> approved the push",
					"Link: http", "Deleted every authentication method", "  Recovery code: ",
					"verify", "create_ticket", "reset_all", "recovery_code"} {
					if !strings.Contains(out, want) {
						t.Errorf("the output lacks %q:\n%s", want, out)
					}
				}
			}},
	)
}
