package plain_test

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/internal/sandboxphone"
)

// TestTheBuiltInSandboxAnswersForItsPhone: in plain mode no one can play
// the built-in sandbox's phone, so the run does, and says so.
func TestTheBuiltInSandboxAnswersForItsPhone(t *testing.T) {
	for _, c := range []struct {
		flow       plain.Command
		user, want string
	}{
		{plain.CommandChallenge, "bob@example.com", "Signed in with MFA"},
		{plain.CommandEnroll, "alice@example.com", "(Alice's phone) for alice@example.com"},
	} {
		w := newWorld(t, nil)
		cfg := w.config(c.flow, c.user, strings.TrimSuffix(c.user, "@example.com")+"-password\n")
		cfg.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(w.srv.Phone), Delay: 0}
		out, errOut, status := runToEnd(t, cfg)
		if status != plain.ExitOK || !strings.Contains(out, c.want) {
			t.Errorf("%s: exit %d\n%s\n%s", c.flow, status, out, errOut)
		}
		if !strings.Contains(out, "Tenant: the built-in sandbox at "+w.srv.URL) || !strings.Contains(out, "answers by itself after now") {
			t.Errorf("%s: the output does not say the sandbox answers:\n%s", c.flow, out)
		}
	}
}
