package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/sandboxphone"
	"github.com/mfapush/mfapush/internal/trace"
	"github.com/mfapush/mfapush/ui"
)

// newJourneyCommand is a command that opens the TUI directly in one journey, or
// runs it as a plain command (see runJourney).
func newJourneyCommand(use, short, example string, start ui.Journey, t *i18n.Catalog) *cobra.Command {
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Example: example,
		Args:    noArgs(t),
	}
	addTenantFlags(cmd.Flags(), t)
	addRecordFlag(cmd, t)
	f := addPlainFlags(cmd, start, t)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error { return runJourney(cmd, start, f) }
	return cmd
}

// runInteractive runs a journey in the TUI.
func runInteractive(cmd *cobra.Command, start ui.Journey) error {
	warmCellWidths()
	s, err := settingsFor(cmd)
	if err != nil {
		return err
	}
	catalog := catalogOf(s)
	if start != ui.JourneyHome && start != ui.JourneyHelpdesk {
		if err := refuseWithoutMFAApp(s); err != nil {
			return err
		}
	}
	if !term.IsTerminal(os.Stdout.Fd()) || !term.IsTerminal(os.Stdin.Fd()) {
		return errors.New(catalog.CLI.NeedsTerminal)
	}
	if s.Present {
		s.RevealSecrets = false // presenter mode masks them, whatever else says
	}
	log := trace.NewLog()
	t, err := openTenant(s, log.Observe)
	if err != nil {
		return err
	}
	defer t.Close()

	if err := confirmReveal(cmd.Context(), s.RevealSecrets, t.sandbox != nil, t.domain, catalog, cmd.InOrStdin(), cmd.ErrOrStderr()); err != nil {
		return err
	}
	env := flow.Env{Client: t.client, Ctx: cmd.Context(), PollInterval: s.PollInterval}
	opts := ui.Options{
		Env: env, Start: start, Username: s.Username, Realm: s.Realm, Audience: s.Audience,
		Theme: themeOf(s.Theme), Catalog: catalog, InvertQR: s.InvertQR, Trace: log, Present: s.Present,
		NoMFAApp: !s.HasMFAApp(),
	}
	if t.sandbox != nil {
		opts.Sandbox = true
		opts.Phone = sandboxphone.NewForServer(t.sandbox)
		opts.DemoUsers = func() []ui.DemoUser { return demoUsers(t, catalog, s.Present) }
		opts.SandboxEmails = func() []string { return sandboxEmails(t) }
	}
	if start == ui.JourneyHelpdesk || start == ui.JourneyHome {
		if h, err := openHelpdesk(cmd, s, t, log.Observe); err == nil {
			opts.Helpdesk = &h
		} else if start == ui.JourneyHelpdesk {
			return err
		}
	}
	// The recording starts once nothing before the program can fail: a
	// file opened earlier would be left unclosed by an early return.
	recording, err := startRecording(cmd, catalog)
	if err != nil {
		return err
	}
	recording.watch(t) // once the helpdesk's client is open too
	model := ui.New(decorateOptions(opts))
	// Signals end the context, and with it the program, which restores the
	// terminal: Bubble Tea's own handler would race with it, and knows no
	// SIGHUP.
	programOptions := append([]tea.ProgramOption{tea.WithContext(cmd.Context()), tea.WithoutSignalHandler()}, recording.programOptions()...)
	_, err = tea.NewProgram(model, programOptions...).Run()
	if recordErr := recording.close(catalog); recordErr != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), catalog.CLI.Warning+"\n", recordErr)
	}
	if err := programFailure(err); err != nil {
		return err
	}
	if summary := model.Summary(); summary != "" {
		fmt.Fprintln(cmd.OutOrStdout(), summary)
	}
	if status, ok := exitcode.BySignal(cmd.Context()); ok {
		return &ExitError{Code: status, Err: errReported}
	}
	if code := model.ExitCode(); code != exitcode.OK {
		return &ExitError{Code: code, Err: errReported}
	}
	return nil
}

// refuseWithoutMFAApp stops a sign-in, enroll or challenge before it
// starts when only the helpdesk's application is configured, saying what
// to set.
func refuseWithoutMFAApp(s config.Settings) error {
	if p := s.MissingMFAApp(); p != nil {
		return errors.New(p.Message.In(catalogOf(s)))
	}
	return nil
}

// programFailure is the error a program's run ends the command with: none
// when it ended as asked, a context ending it included.
func programFailure(err error) error {
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea restored the terminal and printed the panic; a crash
		// is no success, whatever was done before it.
		return errors.New("mfapush stopped on an internal error (shown above); the terminal was restored")
	case err != nil && !errors.Is(err, tea.ErrProgramKilled):
		return err
	}
	return nil
}

// decorateOptions lets this package's tests change the interface's
// options (to inject a fault in a child process); it changes nothing
// otherwise.
var decorateOptions = func(o ui.Options) ui.Options { return o }

// settingsFor loads and validates the settings, printing every problem.
func settingsFor(cmd *cobra.Command) (config.Settings, error) {
	s, warnings, err := loadSettings(cmd)
	t := catalogOf(s)
	for _, w := range warnings {
		fmt.Fprintf(cmd.ErrOrStderr(), t.CLI.Warning+"\n", w.Text(t))
	}
	if err != nil {
		problems := config.Problems(err)
		for _, p := range problems {
			fmt.Fprintln(cmd.ErrOrStderr(), "✗", p.Text(t))
		}
		return s, fmt.Errorf(t.Plural(len(problems), t.CLI.ProblemsOne, t.CLI.Problems), len(problems))
	}
	return s, nil
}

func themeOf(s string) ui.Theme {
	switch s {
	case config.ThemeLight:
		return ui.ThemeLight
	case config.ThemeDark:
		return ui.ThemeDark
	}
	return ui.ThemeAuto
}

// demoUsers are the sandbox's users for its home screen, each with the
// factors confirmed now: read at each drawing from the sandbox in this
// process (a copy under its lock, no I/O). Presenter mode masks their
// recovery codes.
func demoUsers(t *tenant, catalog *i18n.Catalog, masked bool) []ui.DemoUser {
	users := t.sandbox.Tenant.Users()
	out := make([]ui.DemoUser, 0, len(users))
	for _, u := range users {
		out = append(out, ui.DemoUser{Email: u.Email, Password: u.Password, Note: demoNote(u, catalog, masked)})
	}
	return out
}

// sandboxEmails are the emails of every user of the sandbox, each once
// (carol has two accounts), in the sandbox's order.
func sandboxEmails(t *tenant) []string {
	var emails []string
	for _, u := range t.sandbox.Tenant.Directory() {
		if !slices.Contains(emails, u.Email) {
			emails = append(emails, u.Email)
		}
	}
	return emails
}

// demoNote lists a demo user's confirmed factors, the recovery code
// after its name: "enrolled: push, OTP and recovery code 17EQ…".
func demoNote(u sandbox.DemoUser, catalog *i18n.Catalog, masked bool) string {
	h := catalog.Home
	if len(u.Factors) == 0 {
		return h.DemoNotEnrolled
	}
	names := make([]string, len(u.Factors))
	for i, kind := range u.Factors {
		names[i] = h.DemoKinds.Of(kind)
		if kind == string(auth0.KindRecoveryCode) && u.RecoveryCode != "" {
			code := u.RecoveryCode
			if masked {
				code = strings.Repeat("•", len(code))
			}
			names[i] += " " + code
		}
	}
	last := len(names) - 1
	if last == 0 {
		return fmt.Sprintf(h.DemoEnrolled, names[0])
	}
	return fmt.Sprintf(h.DemoEnrolled, fmt.Sprintf(catalog.Config.And, strings.Join(names[:last], ", "), names[last]))
}
