package plain_test

import (
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
)

func TestExitCodes(t *testing.T) {
	for o, want := range map[plain.Outcome]int{
		plain.OutcomeEnrolled: 0, plain.OutcomeApproved: 0, plain.OutcomeListed: 0,
		plain.OutcomeRejected: 2, plain.OutcomeCancelled: 2,
		plain.OutcomeInterrupted:     130,
		plain.OutcomeAlreadyEnrolled: 1, plain.OutcomeExpired: 1, plain.OutcomeTimedOut: 1,
		plain.OutcomeRateLimited: 1, plain.OutcomeError: 1, "": 1,
	} {
		if got := o.ExitCode(); got != want {
			t.Errorf("%q exits %d, want %d", o, got, want)
		}
	}
}
