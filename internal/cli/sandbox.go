package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/i18n"
)

type sandboxFlags struct {
	addr            string
	tls             bool
	minPollInterval time.Duration
	autoApprove     time.Duration
	autoScan        time.Duration
}

func newSandboxCommand(t *i18n.Catalog) *cobra.Command {
	f := sandboxFlags{}
	cmd := &cobra.Command{
		Use:     "sandbox",
		Short:   t.Help.Sandbox,
		Long:    t.Help.SandboxLong,
		Example: t.Help.Examples.Sandbox,
		Args:    noArgs(t),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSandbox(cmd.Context(), cmd.OutOrStdout(), f, t)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8484", t.Flags.Addr)
	fl.BoolVar(&f.tls, "tls", false, t.Flags.TLS)
	fl.DurationVar(&f.minPollInterval, "min-poll-interval", 5*time.Second, t.Flags.MinPollInterval)
	fl.DurationVar(&f.autoApprove, "auto-approve", 0, t.Flags.AutoApprove)
	fl.DurationVar(&f.autoScan, "auto-scan", 0, t.Flags.AutoScan)
	return cmd
}

func runSandbox(ctx context.Context, out io.Writer, f sandboxFlags, t *i18n.Catalog) error {
	for name, d := range map[string]time.Duration{"min-poll-interval": f.minPollInterval, "auto-approve": f.autoApprove, "auto-scan": f.autoScan} {
		if d < 0 {
			return fmt.Errorf(t.CLI.NegativeDuration, "--"+name, d)
		}
	}
	opts := sandbox.DefaultOptions()
	opts.MinPollInterval, opts.AutoApprove, opts.AutoScan, opts.TLS = f.minPollInterval, f.autoApprove, f.autoScan, f.tls
	opts.DemoDeviceName = fmt.Sprintf(t.Phone.DeviceName, "Bob")
	s, err := sandbox.Start(f.addr, opts)
	if err != nil {
		return startError(f.addr, err, t)
	}
	defer s.Close()
	printSandbox(out, s, opts.DemoDeviceName, t)
	<-ctx.Done()
	return nil
}

func startError(addr string, err error, t *i18n.Catalog) error {
	var addrErr *sandbox.AddrError
	switch {
	case errors.As(err, &addrErr) && addrErr.NotLoopback:
		return fmt.Errorf(t.CLI.NotLoopback, addr)
	case errors.As(err, &addrErr):
		return fmt.Errorf(t.CLI.BadAddr, addr)
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf(t.CLI.PortBusy, addr)
	}
	return err
}

// printSandbox prints export lines to paste into a shell, then the demo
// users and how to play the phone.
func printSandbox(out io.Writer, s *sandbox.Server, device string, t *i18n.Catalog) {
	exports := [][2]string{{"AUTH0_DOMAIN", s.URL}, {"AUTH0_CLIENT_ID", sandboxClientID}, {"AUTH0_CLIENT_SECRET", sandboxClientSecret},
		{"AUTH0_HELPDESK_CLIENT_ID", sandbox.HelpdeskClientID}, {"AUTH0_HELPDESK_CLIENT_SECRET", sandbox.HelpdeskClientSecret}}
	curl := "curl"
	if s.CAFile != "" {
		exports = append(exports, [2]string{"SSL_CERT_FILE", s.CAFile})
		curl = `curl --cacert "$SSL_CERT_FILE"`
	}
	for _, e := range exports {
		fmt.Fprintf(out, "export %s=%s\n", e[0], shellWord(e[1]))
	}
	fmt.Fprintf(out, "\n%s\n\n", t.Sandbox.Serving)
	tw := tabwriter.NewWriter(out, 2, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\t%s\t%s\n", t.Sandbox.User, t.Sandbox.Password, t.Sandbox.State)
	for _, u := range s.Tenant.Directory() {
		state := t.Sandbox.NotEnrolled
		if u.Enrolled {
			state = fmt.Sprintf(t.Sandbox.Enrolled, device, u.RecoveryCode)
		}
		password := u.Password
		if password == "" { // a social connection's user signs in elsewhere
			password = "(" + u.Connection + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", u.Email, password, state)
	}
	tw.Flush()
	printLimitedHelpdesk(out, t)
	fmt.Fprintf(out, "\n%[2]s\n"+
		"  %[1]s -s $AUTH0_DOMAIN/sandbox/notifications\n"+
		"  %[1]s -s -X POST $AUTH0_DOMAIN/sandbox/notifications/NOTIFICATION_ID/approve   %[3]s\n"+
		"  %[1]s -s $AUTH0_DOMAIN/sandbox/devices -H 'Content-Type: application/json' -d '{\"barcode_uri\":\"otpauth://...\",\"name\":\"Pixel 9\"}'\n"+
		"  %[1]s -s $AUTH0_DOMAIN/sandbox/devices/DEVICE_ID/otp\n"+
		"%[4]s\n", curl, t.Sandbox.PlayPhone, t.Sandbox.OrReject, t.Sandbox.WalkThrough)
}

// printLimitedHelpdesk offers the export lines of the read-only helpdesk
// application, which the 403 answers need.
func printLimitedHelpdesk(out io.Writer, t *i18n.Catalog) {
	var full, limited []string
	for _, a := range sandbox.Applications() {
		switch a.ClientID {
		case sandbox.HelpdeskClientID:
			full = a.Scopes
		case sandbox.LimitedHelpdeskClientID:
			limited = a.Scopes
		}
	}
	var lacks []string
	for _, scope := range full {
		if !slices.Contains(limited, scope) {
			lacks = append(lacks, scope)
		}
	}
	fmt.Fprintf(out, "\n%s\n", fmt.Sprintf(t.Sandbox.LimitedHelpdesk, strings.Join(lacks, ", ")))
	fmt.Fprintf(out, "  export AUTH0_HELPDESK_CLIENT_ID=%s\n  export AUTH0_HELPDESK_CLIENT_SECRET=%s\n",
		shellWord(sandbox.LimitedHelpdeskClientID), shellWord(sandbox.LimitedHelpdeskClientSecret))
}

// shellWord is v as one word of a POSIX shell: as it is when nothing in it
// is special (a URL, a plain path), else in single quotes.
func shellWord(v string) string {
	if v != "" && strings.Trim(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,:/@%+=") == "" {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}
