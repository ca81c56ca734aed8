package ui

import (
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/trace"
)

// Journey is what the user came to do: each is a path through the
// screens, which journey.go lays out. (Package flow holds the steps they
// take; the plain mode's Command is the same journey as lines of text.)
type Journey uint8

const (
	JourneyHome      Journey = iota // choose on the home screen
	JourneyEnroll                   // enroll Guardian push
	JourneyChallenge                // sign in with a push (or a code)
	JourneyManage                   // list, challenge and delete authenticators
	JourneyHelpdesk                 // the helpdesk console
)

// Theme picks light or dark styles.
type Theme uint8

const (
	ThemeAuto Theme = iota // ask the terminal; dark until it answers
	ThemeDark
	ThemeLight
)

// DemoUser is a sandbox user shown on the home and sign-in screens.
type DemoUser struct {
	Email, Password, Note string
}

// Options configure the interface.
type Options struct {
	Env flow.Env
	// Phone is the sandbox's simulated phone; nil against a real tenant.
	Phone flow.Phone
	// Sandbox says the tenant is the built-in sandbox.
	Sandbox bool
	// DemoUsers lists the sandbox's demo users as they are now (bob's
	// recovery code changes when used).
	DemoUsers func() []DemoUser
	// SandboxEmails lists the email of every user of the sandbox, the
	// helpdesk's own (carol) too, each once: the helpdesk's search offers
	// them.
	SandboxEmails func() []string
	Start         Journey
	// Username, when set, is filled in: only the password is asked.
	Username string
	Realm    string
	// Audience is the API audience for the sign-in flow (AUTH0_AUDIENCE).
	Audience string
	Theme    Theme
	Catalog  *i18n.Catalog
	InvertQR bool
	// SaveDir is where recovery codes are saved; empty means mfapush's
	// private folder under the user's data folder (internal/datadir).
	SaveDir string
	// Trace holds the session's HTTP exchanges for the trace screen; nil
	// turns the trace off.
	Trace *trace.Log
	// Present is presenter mode (present.go): sized for a projector, a
	// caption for each screen, secrets masked whatever else is set, the
	// line that explains the last call off until the trace is opened.
	Present bool
	// Helpdesk is the helpdesk application, for the console; nil when none
	// is configured.
	Helpdesk *flow.Helpdesk
	// NoMFAApp says only the helpdesk's application is configured: Env has
	// no Client, and the journeys that sign a user in say what to set
	// instead of starting.
	NoMFAApp bool
}
