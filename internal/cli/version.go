package cli

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/mfapush/mfapush/internal/i18n"
)

// version is stamped at release time with -ldflags "-X github.com/mfapush/mfapush/internal/cli.version=v1.2.3".
var version = ""

// Version is mfapush's version: the stamped one, else the module version
// from the build information, else "dev".
func Version() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

func newVersionCommand(t *i18n.Catalog) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: t.Help.Version,
		Args:  noArgs(t),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(cmd.OutOrStdout(), versionLine())
			return err
		},
	}
}

// versionLine is what both the version command and --version print.
func versionLine() string { return fmt.Sprintf("mfapush %s\n", Version()) }
