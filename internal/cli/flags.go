package cli

import (
	"fmt"
	"os"

	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Flags of the settings. --lang applies everywhere: it is a persistent flag
// of the root command. The others choose and talk to a tenant: the commands
// that do (the interface's home, enroll, challenge, authenticators) and
// config, which shows them, take them as their own flags; sandbox, decode
// and version, which would ignore them, do not. The root command has them
// too, so that they may come before a command's name
// ("mfapush --profile helpdesk-eu enroll").

// langFlag is the flag of the setting every command takes.
const langFlag = "lang"

// addTenantFlags puts a flag for every setting but the language on fs; t
// words the help.
func addTenantFlags(fs *pflag.FlagSet, t *i18n.Catalog) {
	addSettingFlags(fs, t, func(flag string) bool { return flag != langFlag })
}

// addLangFlag puts the language's flag on fs.
func addLangFlag(fs *pflag.FlagSet, t *i18n.Catalog) {
	addSettingFlags(fs, t, func(flag string) bool { return flag == langFlag })
}

// addSettingFlags puts a flag on fs for every setting that want keeps (nil:
// all).
func addSettingFlags(fs *pflag.FlagSet, t *i18n.Catalog, want func(flag string) bool) {
	for _, o := range config.Options() {
		if want != nil && !want(o.Flag()) {
			continue
		}
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
