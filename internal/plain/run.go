package plain

import (
	"bufio"
	"context"
	"io"
	"time"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/clock"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Command names a plain command; its value is the JSON "flow".
type Command string

const (
	CommandEnroll         Command = "enroll"
	CommandChallenge      Command = "challenge"
	CommandAuthenticators Command = "authenticators"
)

// Config is one plain run.
type Config struct {
	Command Command
	// Env carries the client (required), the clock, the poll interval and
	// the context: when the context ends (Ctrl+C) the run stops with
	// OutcomeInterrupted.
	Env     flow.Env
	Catalog *i18n.Catalog

	Username string // "" asks the Terminal
	Realm    string
	Audience string // for the challenge's sign-in; enroll and authenticators use the MFA API's
	// AuthenticatorID picks the authenticator to challenge, of any kind;
	// "" takes the first active Guardian push.
	AuthenticatorID string
	// Factor is the factor to enroll (--factor); nil enrolls push.
	// PhoneNumber and Email are what SMS, voice and email need; "" asks
	// the Terminal.
	Factor             *flow.Factor
	PhoneNumber, Email string
	// CodeStdin: the next line of Stdin is the code sent by SMS, voice or
	// email, or the app's code, once it is asked for.
	CodeStdin bool

	Stdout, Stderr io.Writer
	Stdin          io.Reader
	PasswordStdin  bool // the first line of Stdin is the password
	OTPStdin       bool // the next line of Stdin is a code to use instead of a push
	// RecoveryCodeStdin: the next line of Stdin is a recovery code to use
	// instead of a push.
	RecoveryCodeStdin bool
	// Terminal asks for what the flags did not give; nil when there is no
	// terminal to ask on.
	Terminal Terminal

	JSON       bool // one JSON document on Stdout; the human lines go to Stderr
	ShowTokens bool // token values in the output
	// Color allows escape sequences on the human output (a terminal, and no
	// NO_COLOR): the QR code is then drawn in explicit colours.
	Color    bool
	InvertQR bool

	// Sandbox, when set, is the built-in sandbox's phone, which no one can
	// reach in plain mode: the run answers for it (see sandboxphone.go).
	Sandbox *SandboxPhone

	// Helpdesk is a helpdesk command's input (helpdesk.go).
	Helpdesk *HelpdeskRequest
}

// run is one Run in progress.
type run struct {
	Config
	t       *i18n.Catalog
	ctx     context.Context
	clock   clock.Clock
	out     io.Writer // the human lines
	problem io.Writer // errors and what to do about them
	stdin   *bufio.Reader
	session flow.Session
	plan    flow.MFAPlan // what the sign-in's mfa_requirements allow
	// enrollInput is the phone number or address the factor enrolled needs.
	enrollInput flow.EnrollInput
	report      Report
}

// Run runs a command to its end and returns the process exit status.
func Run(cfg Config) int {
	r := &run{Config: cfg, t: cfg.Catalog, ctx: cfg.Env.Ctx, clock: cfg.Env.Clock, out: cfg.Stdout, problem: cfg.Stderr}
	if r.t == nil {
		r.t = i18n.For(i18n.English)
	}
	if r.ctx == nil {
		r.ctx = context.Background()
	}
	r.Env.Ctx = r.ctx
	if r.clock == nil {
		r.clock = clock.Real
	}
	if cfg.JSON {
		r.out = cfg.Stderr
	}
	if cfg.Stdin != nil {
		r.stdin = bufio.NewReader(cfg.Stdin)
	}
	r.report = Report{Command: string(cfg.Command), Tenant: cfg.Env.Client.BaseURL()}
	return r.finish(r.command())
}

func (r *run) command() Outcome {
	r.sayTenant()
	if r.Command.helpdesk() {
		return r.helpdesk()
	}
	switch r.Command {
	case CommandEnroll:
		return r.enroll()
	case CommandChallenge:
		return r.challenge()
	}
	return r.authenticators()
}

// finish fills in the outcome everywhere it is still missing and prints
// the JSON document.
func (r *run) finish(o Outcome) int {
	r.report.Outcome, r.report.ExitCode = o, o.ExitCode()
	if status, ended := exitcode.OfContext(r.ctx); o == OutcomeInterrupted && ended {
		r.report.ExitCode = status // 129, 130 or 143: the signal that ended it
	}
	if e := r.report.Enrollment; e != nil && e.Outcome == "" {
		e.Outcome = o
	}
	if c := r.report.Challenge; c != nil && c.Outcome == "" {
		c.Outcome = o
	}
	if r.JSON {
		_ = r.report.Write(r.Stdout) // nowhere left to say that stdout failed
	}
	return r.report.ExitCode
}

func (r *run) now() time.Time { return r.clock.Now() }
