package cli

import (
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
)

// sandboxFor starts a sandbox that never makes a test wait on polling
// limits; autoApprove, when set, lets the simulated phone answer pushes.
// It lives in an untagged file because tests for every platform use it.
func sandboxFor(t *testing.T, autoApprove time.Duration) *sandboxtest.Server {
	return sandboxtest.StartReal(t, sandbox.Options{MinPollInterval: 0, PollsPerMinute: 100000, AutoApprove: autoApprove})
}
