package config

import (
	"slices"
	"strings"
)

// Option is one setting that can be given on the command line.
type Option struct {
	Key   string // key in the config file, in Flags and for Settings.SourceOf
	Env   string // environment variable, "" when there is none
	Bool  bool   // a switch rather than a value
	Usage string // one line for --help
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
	keyProfile       = "profile"
	keyConfig        = "config"

	// Only in a profile: where to read the client secret from.
	keySecretFile = "client_secret_file"
	keySecretEnv  = "client_secret_env"

	// Only at the top of the file.
	keyDefaultProfile = "default_profile"
	keyProfiles       = "profiles"
)

var options = []Option{
	{Key: keyDomain, Env: "AUTH0_DOMAIN", Usage: "Auth0 tenant domain, such as acme.eu.auth0.com"},
	{Key: keyClientID, Env: "AUTH0_CLIENT_ID", Usage: "Client ID of the Auth0 application"},
	{Key: keyClientSecret, Env: "AUTH0_CLIENT_SECRET", Usage: "Client secret of the Auth0 application (a flag stays in your shell history: prefer the environment or client_secret_file)"},
	{Key: keyAudience, Env: "AUTH0_AUDIENCE", Usage: "audience (API identifier) to request tokens for"},
	{Key: keyRealm, Env: "AUTH0_REALM", Usage: "database connection to sign in with, such as Username-Password-Authentication"},
	{Key: keyUsername, Usage: "user to sign in as"},
	{Key: keyPollInterval, Env: "MFAPUSH_POLL_INTERVAL", Usage: "time between polls while waiting for approval, such as 5s (at most 60s)"},
	{Key: keyTheme, Env: "MFAPUSH_THEME", Usage: "colour theme: auto, light or dark"},
	{Key: keyLang, Env: "MFAPUSH_LANG", Usage: "language: en or fr (default: from LC_ALL, LC_MESSAGES or LANG)"},
	{Key: keyRevealSecrets, Bool: true, Usage: "show secrets (client secret, tokens, recovery codes) instead of masking them"},
	{Key: keyPlain, Bool: true, Usage: "plain text output, no full-screen interface"},
	{Key: keyInvertQR, Bool: true, Usage: "invert the QR code's colours, for terminals it does not scan on"},
	{Key: keyProfile, Env: "MFAPUSH_PROFILE", Usage: "profile of the config file to use"},
	{Key: keyConfig, Usage: "config file (default: $XDG_CONFIG_HOME/mfapush/config.toml)"},
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
}

func isBoolKey(key string) bool {
	o, ok := optionFor(key)
	return ok && o.Bool
}
