package config

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/i18n"
)

// What each text setting should be set to, for messages.
var wanted = map[string]string{
	keyClientID:     "your application's Client ID (Dashboard > Applications > your application > Settings)",
	keyClientSecret: "your application's Client Secret (Dashboard > Applications > your application > Settings)",
	keyAudience:     "your API's Identifier (Dashboard > Applications > APIs), or leave it unset",
	keyRealm:        "the name of a database connection, such as Username-Password-Authentication (Dashboard > Authentication > Database), or leave it unset",
	keyUsername:     "the email or user name to sign in with, or leave it unset",
}

// apply checks each value that was given and puts it into the settings.
func (l *loader) apply() {
	s := &l.s
	texts := map[string]*string{keyClientID: &s.ClientID, keyClientSecret: &s.ClientSecret, keyAudience: &s.Audience, keyRealm: &s.Realm, keyUsername: &s.Username}
	switches := map[string]*bool{keyRevealSecrets: &s.RevealSecrets, keyPlain: &s.Plain, keyInvertQR: &s.InvertQR}
	for _, o := range options {
		v, ok := l.raw[o.Key]
		if !ok {
			continue
		}
		s.sources[o.Key] = v.src
		before := len(l.errs)
		switch {
		case texts[o.Key] != nil:
			*texts[o.Key] = l.checkText(o.Key, v)
		case switches[o.Key] != nil:
			*switches[o.Key] = l.checkBool(o.Key, v)
		case o.Key == keyDomain:
			s.Domain = v.text
			s.TenantURL = l.checkDomain(v)
		case o.Key == keyPollInterval:
			s.PollInterval = l.checkPollInterval(v)
		case o.Key == keyTheme:
			s.Theme = l.checkChoice(o.Key, v, strings.ToLower(v.text), "a theme", ThemeAuto, ThemeLight, ThemeDark)
		case o.Key == keyLang:
			s.Lang = l.checkChoice(o.Key, v, languageTag(v.text), "a language mfapush speaks", LangEnglish, LangFrench)
		}
		if o.Key == keyClientSecret && v.src.Kind == FromFlag {
			l.warn(o.Key, v.src, "a secret given as a flag stays in your shell history and shows in the process list: set AUTH0_CLIENT_SECRET or client_secret_file in your profile instead")
		}
		if len(l.errs) > before && !slices.Contains(tenantKeys, o.Key) {
			delete(s.sources, o.Key) // refused: the default stands in
		}
	}
}

// tenantKeys keep a refused value, so that the tenant decision and the
// display still see what was given.
var tenantKeys = []string{keyDomain, keyClientID, keyClientSecret, keyAudience, keyRealm, keyUsername}

func (l *loader) checkDomain(v rawValue) *url.URL {
	u, err := auth0.ParseDomain(v.text)
	if err == nil {
		return u
	}
	var de *auth0.DomainError
	if !errors.As(err, &de) {
		l.fail(keyDomain, v.src, "is not a tenant domain: set "+place(keyDomain, v.src)+" to your tenant's domain, such as dev-abc123.us.auth0.com")
		return nil
	}
	message := de.Reason
	if !strings.Contains(message, "set ") && !strings.Contains(message, "replace ") && !strings.Contains(message, "use ") {
		message += ": set " + place(keyDomain, v.src) + " to your tenant's domain, such as dev-abc123.us.auth0.com"
	}
	if de.Value != "" {
		message = quoted(de.Value) + ": " + message
	}
	l.fail(keyDomain, v.src, message)
	return nil
}

// checkText refuses placeholders copied from documentation and values
// pasted with spaces or quotes. A secret is never echoed.
func (l *loader) checkText(key string, v rawValue) string {
	shown := quoted(v.text)
	if key == keyClientSecret {
		shown = "the client secret"
	}
	fix := ": set " + place(key, v.src) + " to " + wanted[key]
	switch {
	case looksLikePlaceholder(v.text):
		l.fail(key, v.src, shown+" is a placeholder"+fix)
	case key != keyRealm && key != keyUsername && strings.ContainsFunc(v.text, unicode.IsSpace):
		l.fail(key, v.src, shown+" contains spaces"+fix)
	case strings.ContainsAny(v.text, "\"'`"):
		l.fail(key, v.src, shown+" contains quotes"+fix)
	}
	return v.text
}

// looksLikePlaceholder spots values copied from documentation or templates:
// {yourClientId}, <client_id>, YOUR_CLIENT_ID, xxxxxxxx.
func looksLikePlaceholder(v string) bool {
	lower := strings.ToLower(v)
	switch {
	case strings.ContainsAny(v, "{}<>"),
		strings.HasPrefix(lower, "your_"), strings.HasPrefix(lower, "your-"),
		len(v) > 4 && strings.HasPrefix(v, "your") && unicode.IsUpper(rune(v[4])),
		strings.Trim(lower, "x*.") == "":
		return true
	}
	switch lower {
	case "client_id", "clientid", "client-id", "client_secret", "clientsecret", "client-secret",
		"test-client_id", "test-client_secret", "changeme", "change-me", "change_me", "todo", "placeholder":
		return true
	}
	return false
}

func (l *loader) checkPollInterval(v rawValue) time.Duration {
	fix := "set " + place(keyPollInterval, v.src) + ` to a duration such as "5s"`
	d, err := time.ParseDuration(v.text)
	switch {
	case err != nil:
		problem := quoted(v.text) + " is not a duration"
		if _, numErr := strconv.ParseFloat(v.text, 64); numErr == nil {
			problem = quoted(v.text) + " has no unit"
		}
		l.fail(keyPollInterval, v.src, problem+": "+fix)
		return 0
	case d <= 0:
		l.fail(keyPollInterval, v.src, quoted(v.text)+" is not positive: "+fix)
		return 0
	case d > MaxPollInterval:
		l.warn(keyPollInterval, v.src, quoted(v.text)+" is longer than a minute, so an approval would go unseen for that long: using 60s")
		return MaxPollInterval
	}
	return d
}

// languageTag is the language a --lang value names, or the value itself
// when it names none, so that the error quotes what was typed.
func languageTag(v string) string {
	if l, ok := i18n.Parse(v); ok {
		return string(l)
	}
	return strings.ToLower(strings.TrimSpace(v))
}

func (l *loader) checkChoice(key string, v rawValue, value, what string, choices ...string) string {
	for _, c := range choices {
		if value == c {
			return c
		}
	}
	l.fail(key, v.src, quoted(v.text)+" is not "+what+": set "+place(key, v.src)+" to "+orList(choices))
	return ""
}

func (l *loader) checkBool(key string, v rawValue) bool {
	b, err := strconv.ParseBool(v.text)
	if err != nil {
		l.fail(key, v.src, quoted(v.text)+" is not true or false: set "+place(key, v.src)+" to true or false")
	}
	return b
}

// decideTenant chooses between the sandbox and a tenant. A tenant needs its
// domain and client ID; when only some tenant settings are given, that is a
// mistake to report, never a reason to fall back to the sandbox.
func (l *loader) decideTenant() {
	s := &l.s
	if s.UsesSandbox() {
		for _, key := range []string{keyAudience, keyRealm} {
			if v, ok := l.raw[key]; ok {
				l.warn(key, v.src, "is set but no tenant is, so mfapush uses its built-in sandbox: set AUTH0_DOMAIN and AUTH0_CLIENT_ID to use your tenant")
			}
		}
		if s.Profile == "" && l.file != nil && len(l.file.names) > 1 {
			l.fail(keyProfile, Source{}, "the config file "+printable(l.file.path)+" has several profiles and none is selected, so no tenant is configured: "+
				"pass --profile NAME, set MFAPUSH_PROFILE, or add default_profile = \"NAME\" at the top of the file")
		}
		return
	}
	var given []string
	for _, key := range []string{keyDomain, keyClientID, keyClientSecret} {
		if v, ok := l.raw[key]; ok {
			given = append(given, key+" comes from "+v.src.String())
		}
	}
	for _, key := range []string{keyDomain, keyClientID} {
		if _, ok := l.raw[key]; ok {
			continue
		}
		l.fail(key, Source{}, "the tenant is half configured ("+strings.Join(given, ", ")+") but "+key+" is missing: set "+l.missingPlace(key))
	}
	if v, ok := l.raw[keyPollInterval]; ok && s.PollInterval > 0 && s.PollInterval < DefaultPollInterval && !l.loopbackTenant() {
		l.warn(keyPollInterval, v.src, "Auth0 allows one poll every 5 seconds; faster polls are answered with slow_down and slow the wait down")
	}
}

// missingPlace lists the ways to set a missing tenant setting, naming the
// selected profile when there is one.
func (l *loader) missingPlace(key string) string {
	switch {
	case l.profile != nil:
		return everyWay(key, "profile "+quoted(l.profile.name)+" in "+printable(l.file.path))
	case l.s.File != "":
		return everyWay(key, "a profile in "+printable(l.s.File))
	}
	return everyWay(key, "a profile in your config file")
}

func (l *loader) loopbackTenant() bool {
	return l.s.TenantURL != nil && auth0.IsLoopbackHost(l.s.TenantURL.Hostname())
}

// fillDefaults gives every setting that was not set (or was refused) its default.
func (l *loader) fillDefaults() {
	s := &l.s
	if s.PollInterval == 0 {
		s.PollInterval = DefaultPollInterval
		if s.UsesSandbox() {
			s.PollInterval = DefaultSandboxPollInterval
		}
	}
	if s.Theme == "" {
		s.Theme = ThemeAuto
	}
	if s.Lang == "" {
		s.Lang, s.sources[keyLang] = localeLang(l.env)
	}
}

func orList(choices []string) string {
	if len(choices) < 2 {
		return strings.Join(choices, "")
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
}
