package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/internal/sandboxphone"
	"github.com/mfapush/mfapush/ui"
)

// sandboxPhoneDelay is how long the built-in sandbox's phone takes to
// answer in plain mode, where no one can play it: long enough to read the
// code on screen, short enough for a demo.
const sandboxPhoneDelay = 3 * time.Second

// plainFlags are the flags only the plain mode understands.
type plainFlags struct {
	passwordStdin, otpStdin, recoveryCodeStdin, json, showTokens bool
	authenticator                                                string
	// The factors beside push (factors.go): --factor, --phone-number,
	// --email, --code-stdin.
	factor, phoneNumber, email string
	codeStdin                  bool
}

func addPlainFlags(cmd *cobra.Command, start ui.Journey, t *i18n.Catalog) *plainFlags {
	f := &plainFlags{}
	fl := cmd.Flags()
	fl.BoolVar(&f.passwordStdin, "password-stdin", false, t.Flags.PasswordStdin)
	fl.BoolVar(&f.json, "json", false, t.Flags.JSON)
	if start != ui.JourneyManage {
		fl.BoolVar(&f.showTokens, "show-tokens", false, t.Flags.ShowTokens)
	}
	if start == ui.JourneyChallenge {
		fl.StringVar(&f.authenticator, "authenticator", "", t.Flags.Authenticator)
		fl.BoolVar(&f.otpStdin, "otp-stdin", false, t.Flags.OTPStdin)
		fl.BoolVar(&f.recoveryCodeStdin, "recovery-code-stdin", false, t.Flags.RecoveryCodeStdin)
	}
	f.addFactorFlags(cmd, start, t)
	return f
}

// runJourney runs a journey in the TUI, or as plain lines when asked to, when a
// plain-only flag is given, or when the TUI cannot run.
func runJourney(cmd *cobra.Command, start ui.Journey, f *plainFlags) error {
	if f.otpStdin && f.recoveryCodeStdin {
		s, _, _ := loadSettings(cmd)
		return usageError{fmt.Errorf(catalogOf(s).CLI.FlagsExclusive, "--otp-stdin", "--recovery-code-stdin")}
	}
	if err := f.checkFactorFlags(cmd); err != nil {
		return err
	}
	if err := checkRecordable(cmd); err != nil {
		return err
	}
	if !plainWanted(cmd) {
		return runInteractive(cmd, start)
	}
	s, err := settingsFor(cmd)
	if err != nil {
		return f.setupFailed(cmd, start, err)
	}
	return runPlain(cmd, s, start, f)
}

// plainWanted reports whether a journey runs as plain lines: a plain-only flag,
// no terminal for the TUI, or the plain setting (flag, environment or config
// file). The settings are read quietly here: whichever mode runs reports
// their problems.
func plainWanted(cmd *cobra.Command) bool {
	if plainOnlyFlagGiven(cmd) || !hasTerminal(cmd) {
		return true
	}
	s, _, _ := loadSettings(cmd)
	return s.Plain
}

// plainOnlyFlagGiven reports whether a flag of addPlainFlags was given:
// the TUI would ignore it.
func plainOnlyFlagGiven(cmd *cobra.Command) bool {
	for _, name := range append([]string{"password-stdin", "json", "show-tokens", "authenticator", "otp-stdin", "recovery-code-stdin"}, factorFlags...) {
		if cmd.Flags().Changed(name) {
			return true
		}
	}
	return false
}

// runHome opens the TUI's home screen, which has no plain form: without a
// terminal, or with --plain, it says which commands have one.
func runHome(cmd *cobra.Command) error {
	if !plainWanted(cmd) {
		return runInteractive(cmd, ui.JourneyHome)
	}
	s, _, _ := loadSettings(cmd)
	// Printed as it is: fang would recapitalize and rewrap the sentence.
	fmt.Fprintln(cmd.ErrOrStderr(), catalogOf(s).Plain.NeedsTerminal)
	return errReported
}

// hasTerminal reports whether the TUI can run: stdin and stdout are both
// terminals.
func hasTerminal(cmd *cobra.Command) bool {
	return isTerminal(cmd.OutOrStdout()) && isTerminal(cmd.InOrStdin())
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

var plainCommands = map[ui.Journey]plain.Command{
	ui.JourneyEnroll: plain.CommandEnroll, ui.JourneyChallenge: plain.CommandChallenge, ui.JourneyManage: plain.CommandAuthenticators,
}

func runPlain(cmd *cobra.Command, s config.Settings, start ui.Journey, f *plainFlags) error {
	if err := refuseWithoutMFAApp(s); err != nil {
		return f.setupFailed(cmd, start, err)
	}
	t, err := openTenant(s, nil)
	if err != nil {
		return f.setupFailed(cmd, start, err)
	}
	defer t.Close()
	catalog := catalogOf(s)
	if err := confirmReveal(cmd.Context(), s.RevealSecrets, t.sandbox != nil, t.domain, catalog, cmd.InOrStdin(), cmd.ErrOrStderr()); err != nil {
		return f.setupFailed(cmd, start, err)
	}
	human := cmd.OutOrStdout()
	if f.json {
		human = cmd.ErrOrStderr()
	}
	cfg := plain.Config{
		Command:  plainCommands[start],
		Env:      flow.Env{Client: t.client, Ctx: cmd.Context(), PollInterval: s.PollInterval},
		Catalog:  catalog,
		Username: s.Username, Realm: s.Realm, Audience: s.Audience, AuthenticatorID: f.authenticator,
		Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(), Stdin: cmd.InOrStdin(),
		// A terminal on stdin would echo the line: ask without echo instead.
		PasswordStdin: f.passwordStdin && !isTerminal(cmd.InOrStdin()), OTPStdin: f.otpStdin,
		RecoveryCodeStdin: f.recoveryCodeStdin,
		JSON:              f.json, ShowTokens: f.showTokens, Color: useColor(human), InvertQR: s.InvertQR,
	}
	f.configureFactors(&cfg)
	return runPlainConfig(cmd, t, cfg)
}

// runPlainConfig runs a plain command with the terminal to ask on and the
// sandbox's phone, when there are.
func runPlainConfig(cmd *cobra.Command, t *tenant, cfg plain.Config) error {
	if stdin, ok := cmd.InOrStdin().(*os.File); ok { // a test's reader has no terminal behind it
		var closeTTY func() error
		cfg.Terminal, closeTTY = plain.OpenTerminal(stdin, cmd.ErrOrStderr())
		defer closeTTY()
	}
	if t.sandbox != nil {
		cfg.Sandbox = &plain.SandboxPhone{Phone: sandboxphone.New(t.sandbox.Phone), Delay: sandboxPhoneDelay}
	}
	if status := plain.Run(cfg); status != plain.ExitOK {
		return &ExitError{Code: status, Err: errReported}
	}
	return nil
}

// setupFailed keeps the promise of --json, one document on stdout, when
// the run cannot even start.
func (f *plainFlags) setupFailed(cmd *cobra.Command, start ui.Journey, err error) error {
	if f.json {
		_ = plain.SetupFailed(plainCommands[start], err.Error()).Write(cmd.OutOrStdout())
	}
	return err
}
