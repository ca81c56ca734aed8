package plain

import (
	"fmt"
	"text/tabwriter"

	"github.com/mfapush/mfapush/flow"
)

// authenticators signs in for the MFA API and lists the user's
// authenticators, one a line: kind, id, name, state.
func (r *run) authenticators() Outcome {
	if _, o := r.signIn(true); o != "" {
		return o
	}
	list, o := r.list()
	if o != "" {
		return o
	}
	r.say(r.t.Plain.ListTitle, r.user())
	if len(list) == 0 {
		r.say(indent + r.t.List.Empty)
		return OutcomeListed
	}
	tw := tabwriter.NewWriter(r.out, 0, 8, 2, ' ', 0)
	for _, a := range list {
		state := r.t.List.Active
		if !a.Active {
			state = r.t.List.Pending
		}
		fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\n", indent, flow.KindName(r.t, a.Kind()), a.ID, a.Name, state)
	}
	tw.Flush()
	return OutcomeListed
}
