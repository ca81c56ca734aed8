package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/audit"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/plain"
	"github.com/mfapush/mfapush/ui"
)

// The helpdesk's plain commands: user show, verify, ticket, reset and
// recovery-code, each on one user found by email, through the helpdesk's
// machine-to-machine application; and helpdesk log.

// helpdeskFlags are a helpdesk command's flags.
type helpdeskFlags struct {
	req  plain.HelpdeskRequest
	json bool
}

func newHelpdeskCommand(use, short, example string, c plain.Command, t *i18n.Catalog) *cobra.Command {
	f := &helpdeskFlags{}
	cmd := &cobra.Command{Use: use + " EMAIL", Short: short, Example: example, Args: oneEmail(t)}
	addTenantFlags(cmd.Flags(), t)
	fl, h := cmd.Flags(), t.Helpdesk.Help
	fl.BoolVar(&f.json, "json", false, t.Flags.JSON)
	fl.StringVar(&f.req.UserID, "user-id", "", h.FlagUserID)
	fl.StringVar(&f.req.Connection, "connection", "", h.FlagConnection)
	switch c {
	case plain.CommandVerify:
		fl.StringVar(&f.req.Message, "message", "", h.FlagMessage)
	case plain.CommandTicket:
		fl.BoolVar(&f.req.SendMail, "send-mail", false, h.FlagSendMail)
		fl.StringVar(&f.req.Locale, "locale", "", h.FlagLocale)
	case plain.CommandReset:
		fl.StringVar(&f.req.MethodID, "method", "", h.FlagMethod)
		fl.BoolVar(&f.req.All, "all", false, h.FlagAll)
		fl.BoolVar(&f.req.Yes, "yes", false, h.FlagYes)
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f.req.Email = strings.TrimSpace(args[0])
		return runHelpdesk(cmd, c, f)
	}
	return cmd
}

// newUserCommand is "mfapush user", whose one subcommand is show.
func newUserCommand(t *i18n.Catalog) *cobra.Command {
	user := &cobra.Command{Use: "user", Short: t.Helpdesk.Help.User, Args: noArgs(t)}
	user.AddCommand(newHelpdeskCommand("show", t.Helpdesk.Help.UserShow, t.Helpdesk.Help.ExUserShow, plain.CommandUserShow, t))
	return user
}

// helpdeskCommands are the helpdesk's commands beside user.
func helpdeskCommands(t *i18n.Catalog) []*cobra.Command {
	h := t.Helpdesk.Help
	return []*cobra.Command{
		newUserCommand(t),
		newHelpdeskCommand("verify", h.Verify, h.ExVerify, plain.CommandVerify, t),
		newHelpdeskCommand("ticket", h.Ticket, h.ExTicket, plain.CommandTicket, t),
		newHelpdeskCommand("reset", h.Reset, h.ExReset, plain.CommandReset, t),
		newHelpdeskCommand("recovery-code", h.RecoveryCode, h.ExRecoveryCode, plain.CommandRecoveryCode, t),
		newHelpdeskConsoleCommand(t),
	}
}

// oneEmail takes exactly one argument, the user's email.
func oneEmail(t *i18n.Catalog) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
			return usageError{fmt.Errorf(t.Helpdesk.Problem.NeedsEmail, cmd.CommandPath())}
		}
		return nil
	}
}

func runHelpdesk(cmd *cobra.Command, c plain.Command, f *helpdeskFlags) error {
	setupFailed := func(err error) error {
		if f.json {
			_ = plain.SetupFailed(c, err.Error()).Write(cmd.OutOrStdout())
		}
		return err
	}
	s, err := settingsFor(cmd)
	if err != nil {
		return setupFailed(err)
	}
	t, err := openTenant(s, nil)
	if err != nil {
		return setupFailed(err)
	}
	defer t.Close()
	catalog := catalogOf(s)
	h, err := openHelpdesk(cmd, s, t, nil)
	if err != nil {
		return setupFailed(err)
	}
	human := cmd.OutOrStdout()
	if f.json {
		human = cmd.ErrOrStderr()
	}
	f.req.Helpdesk = h
	return runPlainConfig(cmd, t, plain.Config{
		Command: c, Env: h.Env, Catalog: catalog,
		Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(), Stdin: cmd.InOrStdin(),
		JSON: f.json, Color: useColor(human), InvertQR: s.InvertQR, Helpdesk: &f.req,
	})
}

// openHelpdesk is the helpdesk application on the tenant t, with the audit
// log: the built-in sandbox's helpdesk, or the configured one.
func openHelpdesk(cmd *cobra.Command, s config.Settings, t *tenant, observer auth0.Observer) (flow.Helpdesk, error) {
	catalog := catalogOf(s)
	cfg := auth0.Config{Version: Version(), Observer: observer, RevealSecrets: s.RevealSecrets}
	switch {
	case t.sandbox != nil:
		cfg.Domain, cfg.ClientID, cfg.ClientSecret, cfg.HTTPClient = t.sandbox.URL, sandbox.HelpdeskClientID, sandbox.HelpdeskClientSecret, t.sandbox.Client()
	case s.HelpdeskClientID == "":
		return flow.Helpdesk{}, errors.New(catalog.Helpdesk.Problem.NoApplication)
	default:
		cfg.Domain, cfg.ClientID, cfg.ClientSecret = s.Domain, s.HelpdeskClientID, s.HelpdeskClientSecret
	}
	client, err := auth0.New(cfg)
	if err != nil {
		return flow.Helpdesk{}, err
	}
	t.helpdesk = append(t.helpdesk, client)
	log, err := audit.Open(nil)
	if err != nil {
		return flow.Helpdesk{}, err
	}
	env := flow.Env{Client: client, Ctx: cmd.Context(), PollInterval: s.PollInterval}
	return flow.NewHelpdesk(env, log), nil
}

// newHelpdeskLogCommand prints the audit log, a table or JSON lines.
func newHelpdeskLogCommand(t *i18n.Catalog) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{Use: "log", Short: t.Helpdesk.Help.Log, Example: t.Helpdesk.Help.ExLog, Args: noArgs(t)}
	cmd.Flags().BoolVar(&asJSON, "json", false, t.Flags.JSON)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		s, _, _ := loadSettings(cmd)
		log, err := audit.Open(nil)
		if err != nil {
			return err
		}
		entries, skipped, err := audit.Read(log.Path())
		if err != nil {
			return err
		}
		return printAudit(cmd.OutOrStdout(), cmd.ErrOrStderr(), catalogOf(s), log.Path(), entries, skipped, asJSON)
	}
	return cmd
}

func printAudit(out, errOut io.Writer, t *i18n.Catalog, path string, entries []audit.Entry, skipped int, asJSON bool) error {
	w := t.Helpdesk.Plain
	if skipped > 0 {
		fmt.Fprintf(errOut, t.Plural(skipped, w.LogSkippedOne, w.LogSkipped)+"\n", skipped)
	}
	if asJSON {
		enc := json.NewEncoder(out)
		for _, e := range entries {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	}
	if len(entries) == 0 {
		fmt.Fprintf(errOut, w.LogEmpty+"\n", path)
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, w.LogHeader)
	for _, e := range entries {
		detail := e.ErrorCode
		if e.TicketID != "" {
			detail = strings.TrimSpace(detail + " " + e.TicketID)
		}
		if len(e.MethodIDs) > 0 {
			detail = strings.TrimSpace(detail + " " + strings.Join(e.MethodIDs, ","))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Time.Local().Format("2006-01-02 15:04:05"), e.OSUser, e.Tenant,
			orDash(e.UserID), e.Action, e.Outcome, orDash(detail))
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// newHelpdeskConsoleCommand is "mfapush helpdesk": the console in the
// interface, and its log.
func newHelpdeskConsoleCommand(t *i18n.Catalog) *cobra.Command {
	cmd := &cobra.Command{Use: "helpdesk", Short: t.Helpdesk.Help.Helpdesk, Args: noArgs(t)}
	addTenantFlags(cmd.Flags(), t)
	addRecordFlag(cmd, t)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := checkRecordable(cmd); err != nil {
			return err
		}
		return runInteractive(cmd, ui.JourneyHelpdesk)
	}
	cmd.AddCommand(newHelpdeskLogCommand(t))
	return cmd
}
