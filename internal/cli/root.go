// Package cli is mfapush's command line: cobra commands that read the
// configuration, start the sandbox when needed, and hand over to the TUI or
// the plain-text flows.
package cli

import (
	"context"
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/ui"
)

// Main runs the command line with args and returns the process exit status
// (package exitcode has the table). SIGHUP, SIGINT and SIGTERM end the
// context every command runs in: each then stops what it does, restores
// the terminal, and Main exits with the signal's status.
func Main(args []string) int {
	ctx, stop := exitcode.NotifyContext(context.Background())
	defer stop()
	t := earlyCatalog(args, os.Getenv)
	root := newRootCommand(t)
	root.SetArgs(args)
	if wantsHelp(args) {
		root.SetOut(helpWords(os.Stdout, t))
	}
	err := execute(ctx, root, t)
	if _, bySignal := exitcode.BySignal(ctx); !bySignal || !errors.Is(err, context.Canceled) {
		reportError(root.ErrOrStderr(), err, t) // a command a signal ended has nothing to explain
	}
	return exitStatus(ctx, err)
}

// newRootCommand builds the commands, their help written in t.
func newRootCommand(t *i18n.Catalog) *cobra.Command {
	root := &cobra.Command{
		Use:     "mfapush",
		Short:   t.Help.Root,
		Long:    t.Help.RootLong + "\n\n" + t.Help.ExitStatus,
		Example: t.Help.Examples.Root,
		Args:    noArgs(t),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runHome(cmd)
		},
	}
	addLangFlag(root.PersistentFlags(), t)
	addTenantFlags(root.Flags(), t)
	addRecordFlag(root, t)
	root.AddCommand(
		newJourneyCommand("enroll", t.Help.Enroll, t.Help.Examples.Enroll, ui.JourneyEnroll, t),
		newJourneyCommand("challenge", t.Help.Challenge, t.Help.Examples.Challenge, ui.JourneyChallenge, t),
		newJourneyCommand("authenticators", t.Help.Authenticators, t.Help.Examples.Authenticators, ui.JourneyManage, t),
		newSandboxCommand(t), newConfigCommand(t), newDecodeCommand(t), newVersionCommand(t),
		newDemoCommand(t),
	)
	root.AddCommand(helpdeskCommands(t)...)
	localizeCobra(root, t)
	return root
}
