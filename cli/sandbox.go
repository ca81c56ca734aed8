package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

type sandboxFlags struct {
	addr            string
	tls             bool
	minPollInterval time.Duration
	autoApprove     time.Duration
	autoScan        time.Duration
}

func newSandboxCommand() *cobra.Command {
	f := sandboxFlags{}
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Serve the sandbox tenant and its simulated Guardian phone on loopback",
		Long: "Serve an in-memory Auth0 tenant that speaks the MFA API and the Guardian device\n" +
			"endpoints, with a simulated phone you play through /sandbox/ (see README.md,\n" +
			"\"Explore the MFA API with curl\"). It prints AUTH0_DOMAIN, AUTH0_CLIENT_ID and\n" +
			"AUTH0_CLIENT_SECRET lines to paste into a shell, then the demo users.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSandbox(cmd.Context(), cmd.OutOrStdout(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8484", "loopback address to listen on (127.0.0.1:0 picks a free port)")
	fl.BoolVar(&f.tls, "tls", false, "serve https with a certificate made at start (prints SSL_CERT_FILE)")
	fl.DurationVar(&f.minPollInterval, "min-poll-interval", 5*time.Second, "polls of one oob_code closer than this get slow_down (0 turns it off)")
	fl.DurationVar(&f.autoApprove, "auto-approve", 0, "the phone approves every push after this delay (0: never)")
	fl.DurationVar(&f.autoScan, "auto-scan", 0, "the phone scans every push enrollment QR after this delay (0: never)")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err) })
	return cmd
}

// flagError turns a flag parsing error into one line that says what to
// type, with exit status 2. fang prints it under an ERROR header, title-
// casing the first word, adding a period and wrapping at the terminal's
// width less four: so messages start with a plain word, end without a
// period and stay under 75 characters to fit one line of 80 columns.
func flagError(err error) error {
	var bad *pflag.InvalidValueError
	if errors.As(err, &bad) {
		if bad.GetFlag().Value.Type() == "duration" {
			err = fmt.Errorf("invalid --%s %q: use a duration such as 5s or 2m", bad.GetFlag().Name, bad.GetValue())
		}
	}
	return &ExitError{Code: 2, Err: err}
}

func runSandbox(ctx context.Context, out io.Writer, f sandboxFlags) error {
	for name, d := range map[string]time.Duration{"min-poll-interval": f.minPollInterval, "auto-approve": f.autoApprove, "auto-scan": f.autoScan} {
		if d < 0 {
			return &ExitError{Code: 2, Err: fmt.Errorf("invalid --%s %s: use 0 (off) or a positive duration", name, d)}
		}
	}
	opts := sandbox.DefaultOptions()
	opts.MinPollInterval, opts.AutoApprove, opts.AutoScan, opts.TLS = f.minPollInterval, f.autoApprove, f.autoScan, f.tls
	s, err := sandbox.Start(f.addr, opts)
	if err != nil {
		return startError(f.addr, err)
	}
	defer s.Close()
	printSandbox(out, s)
	<-ctx.Done()
	return nil
}

func startError(addr string, err error) error {
	var addrErr *sandbox.AddrError
	switch {
	case errors.As(err, &addrErr) && addrErr.NotLoopback:
		return &ExitError{Code: 2, Err: fmt.Errorf("refusing --addr %s: listen on loopback, such as 127.0.0.1:8484", addr)}
	case errors.As(err, &addrErr):
		return &ExitError{Code: 2, Err: fmt.Errorf("invalid --addr %q: use host:port, such as 127.0.0.1:8484", addr)}
	case errors.Is(err, syscall.EADDRINUSE):
		return &ExitError{Code: 2, Err: fmt.Errorf("port %s is busy: free it, or use --addr 127.0.0.1:0", addr)}
	}
	return err
}

func printSandbox(out io.Writer, s *sandbox.Server) {
	fmt.Fprintf(out, "AUTH0_DOMAIN=%s\nAUTH0_CLIENT_ID=sandbox-client\nAUTH0_CLIENT_SECRET=sandbox-secret\n", s.URL)
	curl := "curl"
	if s.CAFile != "" {
		fmt.Fprintf(out, "SSL_CERT_FILE=%s\n", s.CAFile)
		curl = `curl --cacert "$SSL_CERT_FILE"`
	}
	fmt.Fprintf(out, "\nThe mfapush sandbox tenant is serving (Ctrl+C stops it). Every login needs MFA.\n\n")
	tw := tabwriter.NewWriter(out, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "  user\tpassword\tstate")
	for _, u := range s.Tenant.Users() {
		state := "no authenticators: enroll push"
		if u.Enrolled {
			state = "push device \"Bob's phone\" + TOTP, recovery code " + u.RecoveryCode
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", u.Email, u.Password, state)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nPlay the phone with curl (after pasting the lines above into your shell):\n"+
		"  %[1]s -s $AUTH0_DOMAIN/sandbox/notifications\n"+
		"  %[1]s -s -X POST $AUTH0_DOMAIN/sandbox/notifications/NOTIFICATION_ID/approve   (or /reject)\n"+
		"  %[1]s -s $AUTH0_DOMAIN/sandbox/devices -H 'Content-Type: application/json' -d '{\"barcode_uri\":\"otpauth://...\",\"name\":\"Pixel 9\"}'\n"+
		"  %[1]s -s $AUTH0_DOMAIN/sandbox/devices/DEVICE_ID/otp\n"+
		"The whole walk-through is in README.md, \"Explore the MFA API with curl\".\n", curl)
}
