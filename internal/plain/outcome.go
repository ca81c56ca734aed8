package plain

import (
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/exitcode"
)

// Outcome is how a run ended; its value is the JSON "outcome".
type Outcome string

const (
	OutcomeEnrolled        Outcome = "enrolled"
	OutcomeApproved        Outcome = "approved"
	OutcomeListed          Outcome = "listed"
	OutcomeDone            Outcome = "done" // a helpdesk action done
	OutcomeAlreadyEnrolled Outcome = "already_enrolled"
	OutcomeRejected        Outcome = "rejected"
	OutcomeExpired         Outcome = "expired"
	OutcomeTimedOut        Outcome = "timed_out"
	OutcomeRateLimited     Outcome = "rate_limited"
	OutcomeError           Outcome = "error"
	// OutcomeCancelled: the input ended at a prompt (Ctrl+D).
	OutcomeCancelled Outcome = "cancelled"
	// OutcomeInterrupted: the context ended (Ctrl+C, SIGTERM or SIGHUP).
	OutcomeInterrupted Outcome = "interrupted"
)

// Exit statuses, from the one table of package exitcode.
const (
	ExitOK          = exitcode.OK
	ExitError       = exitcode.Error
	ExitCancelled   = exitcode.Cancelled // rejected on the device, or cancelled by the user
	ExitInterrupted = exitcode.Interrupted
)

// ExitCode is the process exit status for an outcome. An interrupted run
// exits with the status of the signal that ended it (see Run).
func (o Outcome) ExitCode() int {
	switch o {
	case OutcomeEnrolled, OutcomeApproved, OutcomeListed, OutcomeDone:
		return ExitOK
	case OutcomeRejected, OutcomeCancelled:
		return ExitCancelled
	case OutcomeInterrupted:
		return ExitInterrupted
	}
	return ExitError
}

// outcomeOf is how an approval wait that did not succeed ended.
func outcomeOf(s flow.ApprovalState) Outcome {
	switch s {
	case flow.ApprovalRejected:
		return OutcomeRejected
	case flow.ApprovalExpired:
		return OutcomeExpired
	case flow.ApprovalTimedOut:
		return OutcomeTimedOut
	case flow.ApprovalRateLimited:
		return OutcomeRateLimited
	case flow.ApprovalCancelled:
		return OutcomeInterrupted
	}
	return OutcomeError
}
