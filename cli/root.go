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

	"github.com/mfapush/mfapush/i18n"
	"github.com/mfapush/mfapush/ui"
)

// Main runs the command line with args and returns the process exit status.
func Main(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	t := earlyCatalog(args, os.Getenv)
	root := newRootCommand(t)
	root.SetArgs(args)
	if wantsHelp(args) {
		root.SetOut(helpWords(os.Stdout, t))
	}
	err := fang.Execute(ctx, root, fang.WithVersion(Version()), fang.WithErrorHandler(errorHandler(t)))
	return exitStatus(err)
}

// newRootCommand builds the commands, their help written in t.
func newRootCommand(t *i18n.Catalog) *cobra.Command {
	root := &cobra.Command{
		Use:     "mfapush",
		Short:   t.Help.Root,
		Long:    t.Help.RootLong,
		Example: t.Help.Examples.Root,
		Args:    noArgs(t),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runHome(cmd)
		},
	}
	addSettingFlags(root.PersistentFlags(), t)
	root.AddCommand(
		newFlowCommand("enroll", t.Help.Enroll, t.Help.Examples.Enroll, ui.FlowEnroll, t),
		newFlowCommand("challenge", t.Help.Challenge, t.Help.Examples.Challenge, ui.FlowChallenge, t),
		newFlowCommand("authenticators", t.Help.Authenticators, t.Help.Examples.Authenticators, ui.FlowManage, t),
		newSandboxCommand(t), newConfigCommand(t), newDecodeCommand(t), newVersionCommand(t),
	)
	localizeCobra(root, t)
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
