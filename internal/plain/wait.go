package plain

import (
	"fmt"
	"time"

	"github.com/mfapush/mfapush/flow"
)

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
	r.say(status, r.nextCheck(a.NextPoll().Sub(now)), r.countdown(a.Deadline().Sub(now)))
}

// nextCheck says how far off the next poll is, rounded to the nearest
// tenth of a second under 10 s ("1.2s", never "2s" for 1.2 s), to the
// nearest second above.
func (r *run) nextCheck(d time.Duration) string {
	if d <= 0 {
		return r.t.Duration.Now
	}
	tenths := max(int((d+50*time.Millisecond)/(100*time.Millisecond)), 1)
	if tenths >= 100 || tenths%10 == 0 {
		return fmt.Sprintf(r.t.Duration.Seconds, (tenths+5)/10)
	}
	return fmt.Sprintf(r.t.Duration.Tenths, tenths/10, tenths%10)
}
