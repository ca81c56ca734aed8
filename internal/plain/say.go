package plain

import (
	"fmt"
	"strings"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// say prints one line of the human output. Catalog texts are formats;
// values from the user or the server are only ever arguments.
func (r *run) say(format string, args ...any) {
	fmt.Fprint(r.out, r.t.Sprintf(format+"\n", args...)) // French elides "de" before a name
}

// sayLabeled prints "label: value" after a margin, in the catalog's
// punctuation.
func (r *run) sayLabeled(margin, label, value string) {
	r.say(margin+r.t.Plain.Labeled, label, value)
}

func (r *run) sayTenant() {
	if r.Sandbox != nil {
		r.say(r.t.Plain.SandboxTenant, r.report.Tenant)
		if r.Command != CommandAuthenticators && (!r.Command.helpdesk() || r.Command == CommandVerify) { // the phone has nothing to do there
			r.say(r.t.Plain.SandboxPhone, r.seconds(r.Sandbox.Delay))
		}
		return
	}
	r.say(r.t.Plain.Tenant, r.report.Tenant)
}

// explain prints a failure on the problem output: what, Auth0's answer or
// more about it, and what to do.
func (r *run) explain(title, fix string, details ...string) {
	fmt.Fprintf(r.problem, r.t.Plain.Error+"\n", title)
	for _, d := range details {
		if d != "" {
			fmt.Fprintln(r.problem, indent+d)
		}
	}
	if fix != "" {
		fmt.Fprintf(r.problem, indent+r.t.Plain.Labeled+"\n", r.t.Problem.WhatToDo, fix)
	}
}

// failWith explains a failure that has no Auth0 answer to show, and records
// it under kind.
func (r *run) failWith(o Outcome, kind, title, fix string, details ...string) Outcome {
	r.explain(title, fix, details...)
	r.report.Error = &Error{Kind: kind, Title: title, Fix: fix, Detail: strings.Join(details, " ")}
	return o
}

// failed explains err, or says the run was interrupted when the context
// ended it: a cancelled request is not an error of the tenant's.
func (r *run) failed(err error) Outcome {
	if r.ctx.Err() != nil {
		return r.interrupted()
	}
	return r.fail(flow.Diagnose(err))
}

// fail explains a problem in its own words.
func (r *run) fail(p flow.Problem) Outcome {
	return r.failAs(flow.ProblemTextOn(r.t, p.Kind, r.Sandbox != nil).Title, p)
}

// failAs explains a problem under another title, with Auth0's answer and
// the problem's fix.
func (r *run) failAs(title string, p flow.Problem) Outcome {
	return r.failExplained(title, flow.ProblemTextOn(r.t, p.Kind, r.Sandbox != nil).Fix, p)
}

// failExplained explains a problem under a title and a fix, with Auth0's
// answer, and records it.
func (r *run) failExplained(title, fix string, p flow.Problem) Outcome {
	detail := flow.ProblemDetail(r.t, p)
	r.explain(title, fix, detail)
	e := &Error{Kind: problemKinds[p.Kind], Title: title, Fix: fix, Detail: detail}
	if p.Err != nil {
		e.Status, e.Code, e.Description = p.Err.StatusCode, p.Err.Code, p.Err.Description
	}
	r.report.Error = e
	return OutcomeError
}

// failInput explains a problem with the flags or the input.
func (r *run) failInput(message string) Outcome {
	return r.failWith(OutcomeError, errorKindInput, message, "")
}

func (r *run) interrupted() Outcome {
	fmt.Fprintln(r.problem, r.t.Plain.Interrupted)
	return OutcomeInterrupted
}

// seconds is a short wait in whole seconds, rounded up so that "0s" never
// shows while something is still to come.
func (r *run) seconds(d time.Duration) string {
	if d <= 0 {
		return r.t.Duration.Now
	}
	return fmt.Sprintf(r.t.Duration.Seconds, int((d+time.Second-1)/time.Second))
}

// countdown is a longer time left, such as "4m 55s" ("4 min 55 s").
func (r *run) countdown(d time.Duration) string {
	if d <= 0 {
		return r.t.Duration.Now
	}
	return r.t.FormatDuration(d)
}

// clockTime is a moment as the local wall clock shows it.
func clockTime(t time.Time) string { return t.Local().Format("15:04:05") }

// user is the username fit for a line.
func (r *run) user() string { return auth0.CleanText(r.session.Credentials.Username) }

// deviceName names an authenticator for a sentence.
func (r *run) deviceName(a auth0.Authenticator) string {
	if a.Name != "" {
		return a.Name
	}
	return flow.KindName(r.t, a.Kind())
}

// indent is the margin of lines that belong to the line above.
const indent = "  "
