package plain

import "github.com/mfapush/mfapush/flow"

// wait drives an approval to its end (flow.Approval.Run), with a status
// line when it starts and after every answer while it waits. status is a catalog format
// taking the next check and the time left.
func (r *run) wait(a *flow.Approval, status string) {
	warnedClock := false
	a.Run(func() {
		if a.State() != flow.ApprovalWaiting {
			return
		}
		if n := a.Retrying(); n > 0 {
			r.say(r.t.Plain.Retrying, n)
		}
		if a.ClockSuspect() && !warnedClock {
			r.say(r.t.Enroll.ClockFast)
			warnedClock = true
		}
		r.sayWaiting(a, status)
	})
}

func (r *run) sayWaiting(a *flow.Approval, status string) {
	if a.State() != flow.ApprovalWaiting {
		return
	}
	now := r.now()
	r.say(status, r.t.FormatWait(a.NextPoll().Sub(now)), r.countdown(a.Deadline().Sub(now)))
}
