package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
)

// The fault matrix: every fault kind of the sandbox's control API at every
// phase of the flows, through the whole program in a virtual terminal,
// against the sandbox over loopback, on a manual clock shared by both.
//
// A one-shot call (sign-in, associate, list, challenge, delete) that fails
// must say on screen what happened and what to do; once the fault clears,
// enter (try again) must carry the flow through. A poll (the enrollment's
// confirmation, the push's approval) must retry with the policy's spacing,
// say so on screen, and succeed once the phone answers.

const (
	matrixTimeout   = time.Second           // the client's per-request timeout: "hang" costs this; roomy for a loaded CI
	matrixSlowFault = 30 * time.Millisecond // the sandbox's "slow": well inside the timeout
	oneShotFaults   = 2                     // so that a transport's own replay is faulted too
	pollFaults      = 3                     // the rules: the flow survives 3 failures in a row
)

var en = i18n.For(i18n.English)

// faultPhase is a step of the flows where a fault can land.
type faultPhase struct {
	name  string
	start Journey
	// reach drives the program to just before the phase's request and
	// returns the path to fault.
	reach func(e *e2e) string
	// send makes the program send the request (one-shot phases).
	send func(e *e2e)
	// answer plays the phone's part once the faults are spent (polls).
	answer func(e *e2e)
	// done is on screen once the flow went through the phase.
	done string
	// helpdesk runs the phase in the helpdesk console.
	helpdesk bool
	// method, when set, is the one request method counted at the path (the
	// reset's DELETE, not the card's GET that follows it).
	method string
}

func (p faultPhase) poll() bool { return p.answer != nil }

var faultPhases = []faultPhase{
	atSignIn("login", JourneyChallenge, "bob@example.com", "/oauth/token", "3 authenticators"),
	{name: "associate", start: JourneyEnroll, done: "Waiting for the phone",
		reach: func(e *e2e) string {
			e.signIn("alice@example.com", "alice-password")
			e.waitFor(en.Factors.ChooseTitle)
			return "/mfa/associate"
		},
		send: func(e *e2e) { e.press("enter") }}, // push
	{name: "confirmation poll", start: JourneyEnroll, done: "✓ Enrolled",
		reach: func(e *e2e) string {
			e.signIn("alice@example.com", "alice-password")
			e.choosePush()
			e.waitFor("Waiting for the phone")
			return "/oauth/token"
		},
		answer: func(e *e2e) {
			e.press("s") // the phone panel scans the code on screen
			e.waitUntil("alice's device", func(string) bool { return len(e.srv.Phone.Devices()) == 2 })
		}},
	atSignIn("list", JourneyChallenge, "bob@example.com", "/mfa/authenticators", "3 authenticators"),
	{name: "challenge", start: JourneyChallenge, done: "Waiting for the approval",
		reach: func(e *e2e) string {
			e.signIn("bob@example.com", "bob-password")
			e.waitFor("3 authenticators")
			return "/mfa/challenge"
		},
		send: func(e *e2e) { e.press("enter") }},
	{name: "approval poll", start: JourneyChallenge, done: "Signed in with MFA",
		reach: func(e *e2e) string {
			e.challenge()
			return "/oauth/token"
		},
		answer: func(e *e2e) { e.answerPush(true) }},
	{name: "delete", start: JourneyManage, done: "1 authenticator",
		reach: func(e *e2e) string {
			e.verifyToDelete()
			e.answerPush(true)
			return "/mfa/authenticators/push|" + e.srv.Phone.Devices()[0].ID
		},
		send: func(e *e2e) { e.advance() }}, // the approving poll, then the delete
	{name: "associate SMS", start: JourneyEnroll, done: "A code was sent by SMS",
		reach: func(e *e2e) string {
			e.signIn("alice@example.com", "alice-password")
			e.waitFor(en.Factors.ChooseTitle)
			e.press("3")
			e.waitFor(en.Factors.PhoneLabel)
			e.typeText("+1 555 555 0100")
			return "/mfa/associate"
		},
		send: func(e *e2e) { e.press("enter") }},
	{name: "challenge SMS", start: JourneyChallenge, done: "A code was sent by SMS",
		reach: func(e *e2e) string {
			e.enrollByAPI(flow.SMS, flow.EnrollInput{PhoneNumber: "+15555550100"})
			e.signIn("alice@example.com", "alice-password")
			e.waitFor("3 authenticators")
			return "/mfa/challenge"
		},
		send: func(e *e2e) { e.press("enter") }},
}

// atSignIn is a phase whose request follows the sign-in form's last enter:
// the sign-in itself, or the call its answer leads to.
func atSignIn(name string, start Journey, email, path, done string) faultPhase {
	password := strings.TrimSuffix(email, "@example.com") + "-password"
	return faultPhase{name: name, start: start, done: done,
		reach: func(e *e2e) string { e.typeCredentials(email, password); return path },
		send:  func(e *e2e) { e.press("enter") }}
}

// typeCredentials fills the sign-in form but does not send it.
func (e *e2e) typeCredentials(email, password string) {
	e.waitFor("Email")
	e.typeText(email)
	e.press("enter")
	e.typeText(password)
}

// oneShotWant is what a failed one-shot call must show: the problem's
// title, and words of the detail line.
var oneShotWant = map[string]struct {
	title  string
	detail string
}{
	"429":          {en.Problem.RateLimited.Title, "too_many_requests"},
	"500":          {en.Problem.Server.Title, "(HTTP 500)"},
	"502":          {en.Problem.Server.Title, "(HTTP 502)"},
	"503":          {en.Problem.Server.Title, "(HTTP 503)"},
	"hang":         {en.Problem.Unreachable.Title, "No answer: timed out after 1s."},
	"reset":        {en.Problem.Unreachable.Title, "No answer:"},
	"html":         {en.Problem.Server.Title, "an HTML page, not JSON"},
	"invalid_json": {en.Problem.Server.Title, "a body that is not JSON"},
	"huge":         {en.Problem.Server.Title, "a body over 1 MiB"},
}

// matrixCell is one phase under one fault kind, and what it came to.
type matrixCell struct {
	phase, kind string
	outcome     string // what the person saw and did
	figures     string // retries, spacing, time to recover
}

func TestFaultMatrix(t *testing.T) {
	var cells []*matrixCell
	for _, p := range faultPhases {
		for _, kind := range sandbox.FaultKinds {
			c := &matrixCell{phase: p.name, kind: kind}
			cells = append(cells, c)
			t.Run(strings.ReplaceAll(p.name, " ", "_")+"/"+kind, func(t *testing.T) {
				t.Parallel()
				e := startE2EWith(t, 80, 40, p.start, e2eOptions{manual: true, timeout: matrixTimeout, slowFault: matrixSlowFault, helpdesk: p.helpdesk})
				if p.poll() {
					runPollCell(e, p, c)
				} else {
					runOneShotCell(e, p, c)
				}
			})
		}
	}
	t.Cleanup(func() {
		if !t.Failed() {
			checkMatrixDoc(t, cells)
		}
	})
}

// runOneShotCell: the call fails, the screen says what happened; the fault
// clears and enter tries again.
func runOneShotCell(e *e2e, p faultPhase, c *matrixCell) {
	e.t.Helper()
	path := p.reach(e)
	from := len(e.srv.Requests(""))
	if err := e.srv.Tenant.AddFault(sandbox.Fault{Path: path, Kind: c.kind, Count: oneShotFaults}); err != nil {
		e.t.Fatal(err)
	}
	p.send(e)
	if c.kind == "slow" {
		e.waitFor(p.done)
		e.waitUntilFaulted(from, 1)
		c.outcome = "no problem: the answer came late, the flow went on"
		c.figures = fmt.Sprintf("answered after %v, inside the %v timeout", matrixSlowFault, matrixTimeout)
		return
	}
	want := oneShotWant[c.kind]
	screen := e.waitFor(want.title)
	detail := problemDetailOn(screen, want.title)
	if !strings.Contains(detail, want.detail) {
		e.t.Errorf("the problem's detail %q lacks %q:\n%s", detail, want.detail, screen)
	}
	if !strings.Contains(screen, en.Problem.WhatToDo) || !strings.Contains(screen, "enter "+en.Keys.Retry) {
		e.t.Errorf("the problem screen does not say what to do:\n%s", screen)
	}
	e.srv.Tenant.ClearFaults()
	cleared := len(e.srv.Requests(""))
	e.press("enter")
	e.waitFor(p.done)
	if n := countSince(e, p.method, path, cleared); n != 1 {
		e.t.Errorf("enter sent %d requests to %s, want 1", n, path)
	}
	c.outcome = fmt.Sprintf("“%s”; enter sent the call once more and the flow went on", want.title)
	if c.kind == "reset" {
		detail = "No answer: (the socket's error: a reset or EOF)."
	}
	c.figures = detail
}

// countSince counts the requests to exactly path, without a fault, from
// index from of the log on. (A request is logged when its handler ends, so
// a hung one may be logged after the fault was cleared.)
func countSince(e *e2e, method, path string, from int) int {
	n := 0
	for _, r := range e.srv.Requests("")[from:] {
		if r.Path == path && r.Fault == "" && (method == "" || r.Method == method) {
			n++
		}
	}
	return n
}

// problemDetailOn is the problem screen's detail paragraph: the text
// between the title and "What to do", as one line.
func problemDetailOn(screen, title string) string {
	_, after, _ := strings.Cut(screen, title)
	before, _, _ := strings.Cut(after, en.Problem.WhatToDo)
	return strings.Join(strings.Fields(before), " ")
}

// runPollCell: three polls in a row fail; the wait retries with the
// policy's spacing and says so, and succeeds once the phone answers.
func runPollCell(e *e2e, p faultPhase, c *matrixCell) {
	e.t.Helper()
	path := p.reach(e)
	started, from := e.srv.Clock.Now(), len(e.srv.Requests(""))
	if err := e.srv.Tenant.AddFault(sandbox.Fault{Path: path, Kind: c.kind, Count: pollFaults}); err != nil {
		e.t.Fatal(err)
	}
	transient := c.kind != "429" && c.kind != "slow"
	for i := 1; i <= pollFaults; i++ {
		e.advance()
		e.waitUntilFaulted(from, i)
		e.waitForWaiter() // the answer was handled: the next wait is set
		if transient {
			e.waitFor(fmt.Sprintf(en.Challenge.Retrying, i))
		}
	}
	p.answer(e)
	e.advance()
	e.waitFor(p.done)

	polls := e.polls(from)
	if len(polls) != pollFaults+1 {
		e.t.Fatalf("%d polls, want %d faulted and 1 that got the tokens: %+v", len(polls), pollFaults, polls)
	}
	if first := polls[0].Time.Sub(started); first != 6*time.Second {
		e.t.Errorf("the first poll went out %v after the wait began, want one stretched interval (6s)", first)
	}
	gaps := gapsOf(polls)
	for i, g := range gaps {
		if want := wantGap(c.kind, i+1); g != want {
			e.t.Errorf("gap after fault %d: %v, want %v (all: %v)", i+1, g, want, gaps)
		}
	}
	var shown []string
	for _, g := range gaps {
		shown = append(shown, seconds(g))
	}
	recovered := polls[len(polls)-1].Time.Sub(polls[0].Time)
	switch c.kind {
	case "429":
		c.outcome = "waited as the 429 asked; no message needed"
	case "slow":
		c.outcome = "no problem: each answer came late, the wait went on"
	default:
		c.outcome = fmt.Sprintf("“%s”, then done", fmt.Sprintf(en.Challenge.Retrying, pollFaults))
	}
	c.figures = fmt.Sprintf("%d faulted polls; gaps %s; tokens %s after the first fault",
		pollFaults, strings.Join(shown, ", "), seconds(recovered))
}

// wantGap is the policy's wait after the n-th faulted poll (5 s interval):
// a transient failure backs off doubling from 6 s (x1.1 with the fixed
// jitter); a 429 waits max(interval, reset - now) x 1.25 = 6.25 s; a slow
// answer is still an answer: 6 s.
func wantGap(kind string, n int) time.Duration {
	switch kind {
	case "429":
		return 6250 * time.Millisecond
	case "slow":
		return 6 * time.Second
	}
	base := 6 * time.Second << (n - 1)
	return base + time.Duration(float64(base)*0.2*fixedJitter)
}

// seconds prints a duration of the manual clock as the doc shows it.
func seconds(d time.Duration) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", d.Seconds()), "0"), ".") + " s"
}
