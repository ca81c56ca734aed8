package cli

import (
	"fmt"
	"os"

	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// addSettingFlags puts a flag for every setting on fs, the root command's
// persistent flags, so that every subcommand takes them; t words the help.
func addSettingFlags(fs *pflag.FlagSet, t *i18n.Catalog) {
	for _, o := range config.Options() {
		usage := o.Usage(t)
		if o.Env != "" {
			usage = fmt.Sprintf(t.Flags.Env, usage, o.Env)
		}
		if o.Bool {
			fs.Bool(o.Flag(), false, usage)
		} else {
			fs.String(o.Flag(), "", usage)
		}
	}
}

// givenSettingFlags returns the setting flags that were given on the command line.
func givenSettingFlags(fs *pflag.FlagSet) config.Flags {
	given := config.Flags{}
	for _, o := range config.Options() {
		if f := fs.Lookup(o.Flag()); f != nil && f.Changed {
			given[o.Key] = f.Value.String()
		}
	}
	return given
}

// loadSettings is how a command reads its settings: flags, then the
// environment, then the config file.
func loadSettings(cmd *cobra.Command) (config.Settings, []config.Warning, error) {
	return config.Load(givenSettingFlags(cmd.Flags()), os.Getenv)
}
