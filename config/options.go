package config

import (
	"slices"
	"strings"

	"github.com/mfapush/mfapush/internal/i18n"
)

// Option is one setting that can be given on the command line.
type Option struct {
	Key   string    // key in the config file, in Flags and for Settings.SourceOf
	Env   string    // environment variable, "" when there is none
	Bool  bool      // a switch rather than a value
	Usage i18n.Text // one line for --help, in the language of the help
}

// Flag is the option's command-line flag, without its dashes.
func (o Option) Flag() string { return strings.ReplaceAll(o.Key, "_", "-") }

// Flags holds what was given on the command line, by Option.Key. A key is
// present only when its flag was given; switches hold "true" or "false".
type Flags map[string]string

// Keys of the settings, as the config file spells them.
const (
	keyDomain        = "domain"
	keyClientID      = "client_id"
	keyClientSecret  = "client_secret"
	keyAudience      = "audience"
	keyRealm         = "realm"
	keyUsername      = "username"
	keyPollInterval  = "poll_interval"
	keyTheme         = "theme"
	keyLang          = "lang"
	keyRevealSecrets = "reveal_secrets"
	keyPlain         = "plain"
	keyInvertQR      = "invert_qr"
	keyPresent       = "present"
	keyProfile       = "profile"
	keyConfig        = "config"

	// Only in a profile: where to read the client secret from.
	keySecretFile = "client_secret_file"
	keySecretEnv  = "client_secret_env"

	// The helpdesk's machine-to-machine application, which a profile holds
	// beside the MFA application: its client ID and secret, with the same
	// ways in for the secret.
	keyHelpdeskClientID   = "helpdesk_client_id"
	keyHelpdeskSecret     = "helpdesk_client_secret"
	keyHelpdeskSecretFile = "helpdesk_client_secret_file"
	keyHelpdeskSecretEnv  = "helpdesk_client_secret_env"

	// Only at the top of the file.
	keyDefaultProfile = "default_profile"
	keyProfiles       = "profiles"
)

var options = []Option{
	{Key: keyDomain, Env: "AUTH0_DOMAIN", Usage: func(c *i18n.Catalog) string { return c.Flags.Domain }},
	{Key: keyClientID, Env: "AUTH0_CLIENT_ID", Usage: func(c *i18n.Catalog) string { return c.Flags.ClientID }},
	{Key: keyClientSecret, Env: "AUTH0_CLIENT_SECRET", Usage: func(c *i18n.Catalog) string { return c.Flags.ClientSecret }},
	{Key: keyAudience, Env: "AUTH0_AUDIENCE", Usage: func(c *i18n.Catalog) string { return c.Flags.Audience }},
	{Key: keyRealm, Env: "AUTH0_REALM", Usage: func(c *i18n.Catalog) string { return c.Flags.Realm }},
	{Key: keyUsername, Usage: func(c *i18n.Catalog) string { return c.Flags.Username }},
	{Key: keyPollInterval, Env: "MFAPUSH_POLL_INTERVAL", Usage: func(c *i18n.Catalog) string { return c.Flags.PollInterval }},
	{Key: keyTheme, Env: "MFAPUSH_THEME", Usage: func(c *i18n.Catalog) string { return c.Flags.Theme }},
	{Key: keyLang, Env: "MFAPUSH_LANG", Usage: func(c *i18n.Catalog) string { return c.Flags.Lang }},
	{Key: keyRevealSecrets, Bool: true, Usage: func(c *i18n.Catalog) string { return c.Flags.RevealSecrets }},
	{Key: keyPlain, Bool: true, Usage: func(c *i18n.Catalog) string { return c.Flags.Plain }},
	{Key: keyInvertQR, Bool: true, Usage: func(c *i18n.Catalog) string { return c.Flags.InvertQR }},
	{Key: keyProfile, Env: "MFAPUSH_PROFILE", Usage: func(c *i18n.Catalog) string { return c.Flags.Profile }},
	{Key: keyConfig, Usage: func(c *i18n.Catalog) string { return c.Flags.Config }},
	{Key: keyHelpdeskClientID, Env: "AUTH0_HELPDESK_CLIENT_ID", Usage: func(c *i18n.Catalog) string { return c.Flags.HelpdeskClientID }},
	{Key: keyHelpdeskSecret, Env: "AUTH0_HELPDESK_CLIENT_SECRET", Usage: func(c *i18n.Catalog) string { return c.Flags.HelpdeskClientSecret }},
	{Key: keyPresent, Bool: true, Usage: func(c *i18n.Catalog) string { return c.Demo.Help.PresentSetting }},
}

// Options lists every setting that has a command-line flag.
func Options() []Option { return slices.Clone(options) }

func optionFor(key string) (Option, bool) {
	i := slices.IndexFunc(options, func(o Option) bool { return o.Key == key })
	if i < 0 {
		return Option{}, false
	}
	return options[i], true
}

// profileKeys are the keys a profile may hold.
var profileKeys = []string{
	keyDomain, keyClientID, keyClientSecret, keySecretFile, keySecretEnv, keyAudience, keyRealm,
	keyUsername, keyPollInterval, keyTheme, keyLang, keyRevealSecrets, keyPlain, keyInvertQR,
	keyHelpdeskClientID, keyHelpdeskSecret, keyHelpdeskSecretFile, keyHelpdeskSecretEnv,
	keyPresent,
}

// secretKeys are the two secrets a profile holds, each with its file and
// variable keys.
var secretKeys = [][3]string{
	{keyClientSecret, keySecretFile, keySecretEnv},
	{keyHelpdeskSecret, keyHelpdeskSecretFile, keyHelpdeskSecretEnv},
}

func isSecretKey(key string) bool { return key == keyClientSecret || key == keyHelpdeskSecret }

func isBoolKey(key string) bool {
	o, ok := optionFor(key)
	return ok && o.Bool
}
