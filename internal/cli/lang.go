package cli

import (
	"io"

	"github.com/spf13/pflag"

	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/internal/i18n"
)

// catalogOf is the catalog of the settings' language.
func catalogOf(s config.Settings) *i18n.Catalog {
	lang, _ := i18n.Parse(s.Lang)
	return i18n.For(lang)
}

// earlyCatalog picks the language before the commands exist, since their
// help is written in it. The settings are worked out as every command works
// them out, from the setting flags in the raw arguments (--lang, and
// --config and --profile, whose profile may name a language), then
// MFAPUSH_LANG, the config file and LC_ALL, LC_MESSAGES or LANG. Other flags
// are skipped, and a bad setting is left for the command to report.
func earlyCatalog(args []string, env func(string) string) *i18n.Catalog {
	fs := pflag.NewFlagSet("mfapush", pflag.ContinueOnError)
	fs.ParseErrorsAllowlist.UnknownFlags = true
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.BoolP("help", "h", false, "") // else pflag stops at -h, before a --lang after it
	addSettingFlags(fs, i18n.For(i18n.English), nil)
	_ = fs.Parse(args)
	s, _, _ := config.Load(givenSettingFlags(fs), env)
	return catalogOf(s)
}
