// Package cli is mfapush's command line: cobra commands that read the
// configuration, start the sandbox when needed, and hand over to the TUI or
// the plain-text flows.
package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/ui"
)

// Main runs the command line with args and returns the process exit status.
func Main(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCommand()
	root.SetArgs(args)
	err := fang.Execute(ctx, root, fang.WithVersion(Version()), fang.WithErrorHandler(reportError))
	return exitStatus(err)
}

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "mfapush",
		Short: "Enroll and challenge Auth0 Guardian push authenticators from a terminal",
		Long: "mfapush walks you through Auth0's MFA API push flow: sign in, enroll Guardian push\n" +
			"with an on-screen QR code, list authenticators, and answer a push challenge.\n" +
			"With no tenant configured it runs against a built-in sandbox tenant with a\n" +
			"simulated Guardian phone.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runHome(cmd)
		},
	}
	addSettingFlags(root.PersistentFlags())
	root.AddCommand(
		newFlowCommand("enroll", "Enroll Guardian push for a user, with the QR code on screen", ui.FlowEnroll),
		newFlowCommand("challenge", "Sign a user in with a push approval (or an OTP or recovery code)", ui.FlowChallenge),
		newFlowCommand("authenticators", "List, challenge and delete a user's authenticators", ui.FlowManage),
		newSandboxCommand(), newConfigCommand(), newDecodeCommand(), newVersionCommand(),
	)
	return root
}

// ExitError carries a specific exit status for an error that has already
// been explained to the user.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

func exitStatus(err error) int {
	if err == nil {
		return 0
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		return exit.Code
	}
	return 1
}
