package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// Line is one row of `mfapush config`: a setting, its value, where it came from.
type Line struct {
	Label  string
	Value  string
	Source string
}

// Describe lists the effective settings for display, in c's words. Secrets
// are masked unless RevealSecrets is on, and every value is made safe for a
// terminal.
func Describe(s Settings, c *i18n.Catalog) []Line {
	w := &c.Config
	d := describer{s: s, c: c}
	lines := []Line{
		{Label: w.ConfigFile, Value: d.file(), Source: d.source(keyConfig)},
		{Label: w.Profiles, Value: d.profiles()},
		{Label: w.Profile, Value: d.orNone(s.Profile), Source: d.source(keyProfile)},
	}
	if s.UsesSandbox() {
		lines = append(lines, Line{Label: w.Tenant, Value: w.BuiltInSandbox, Source: w.NoTenantConfigured})
	} else {
		lines = append(lines, Line{Label: w.Tenant, Value: d.orNotSet(s.Domain), Source: d.source(keyDomain)})
	}
	clientID, secret := d.orNotSet(s.ClientID), maskSecret(s.ClientSecret, s.RevealSecrets, c)
	switch {
	case s.HelpdeskOnly(): // not a mistake: the helpdesk's commands need no MFA application
		clientID = w.NoMFAAppValue
	case s.ClientSecret == "" && !s.UsesSandbox():
		secret = w.SecretNotSetNative
	}
	lines = append(lines,
		Line{Label: w.ClientID, Value: clientID, Source: d.source(keyClientID)},
		Line{Label: w.ClientSecret, Value: secret, Source: d.source(keyClientSecret)},
		Line{Label: w.HelpdeskClientID, Value: d.orNotSet(s.HelpdeskClientID), Source: d.source(keyHelpdeskClientID)},
		Line{Label: w.HelpdeskClientSecret, Value: maskSecret(s.HelpdeskClientSecret, s.RevealSecrets, c), Source: d.source(keyHelpdeskSecret)},
		Line{Label: w.Audience, Value: d.orNotSet(s.Audience), Source: d.source(keyAudience)},
		Line{Label: w.Realm, Value: d.orNotSet(s.Realm), Source: d.source(keyRealm)},
		Line{Label: w.Username, Value: d.orNotSet(s.Username), Source: d.source(keyUsername)},
		Line{Label: w.PollInterval, Value: d.duration(s.PollInterval), Source: d.source(keyPollInterval)},
		Line{Label: w.Theme, Value: s.Theme, Source: d.source(keyTheme)},
		Line{Label: w.Language, Value: s.Lang, Source: d.source(keyLang)},
		Line{Label: w.RevealSecrets, Value: d.yesNo(s.RevealSecrets), Source: d.source(keyRevealSecrets)},
		Line{Label: w.PlainOutput, Value: d.yesNo(s.Plain), Source: d.source(keyPlain)},
		Line{Label: w.InvertQR, Value: d.yesNo(s.InvertQR), Source: d.source(keyInvertQR)},
		Line{Label: c.Demo.Help.Setting, Value: d.yesNo(s.Present), Source: d.source(keyPresent)},
	)
	return lines
}

// MaskSecret shows a secret as its last four characters at most, and only
// when it is long enough for them to give little away; reveal shows it whole.
func MaskSecret(secret string, reveal bool) string { return maskSecret(secret, reveal, english) }

func maskSecret(secret string, reveal bool, c *i18n.Catalog) string {
	runes := []rune(secret)
	switch {
	case secret == "":
		return c.Config.NotSet
	case reveal:
		return printable(secret)
	case len(runes) >= 16:
		return "••••••••" + printable(string(runes[len(runes)-4:]))
	}
	return c.Config.SecretSet
}

// describer words the settings' values in a catalog.
type describer struct {
	s Settings
	c *i18n.Catalog
}

func (d describer) file() string {
	w := &d.c.Config
	switch {
	case d.s.File == "":
		return w.NoPath
	case !d.s.FileExists:
		return fmt.Sprintf(w.FileNotFound, printable(d.s.File))
	case d.s.Profile != "":
		return fmt.Sprintf(w.FileProfile, printable(d.s.File), printable(d.s.Profile))
	}
	return printable(d.s.File)
}

func (d describer) profiles() string {
	if len(d.s.Profiles) == 0 {
		return d.orNone("")
	}
	names := make([]string, len(d.s.Profiles))
	for i, n := range d.s.Profiles {
		names[i] = printable(n)
	}
	return strings.Join(names, ", ")
}

func (d describer) source(key string) string {
	src := d.s.SourceOf(key)
	if src.Kind == FromDefault {
		switch key {
		case keyPollInterval, keyTheme, keyLang, keyRevealSecrets, keyPlain, keyInvertQR, keyPresent:
			return d.c.Config.Default
		}
		return ""
	}
	return src.Short(d.c)
}

func (d describer) duration(t time.Duration) string {
	if t == 0 {
		return d.c.Config.NotSet
	}
	return t.String()
}

func (d describer) orNotSet(v string) string {
	if v == "" {
		return d.c.Config.NotSet
	}
	return printable(v)
}

func (d describer) orNone(v string) string {
	if v == "" {
		return d.c.Config.None
	}
	return printable(v)
}

func (d describer) yesNo(b bool) string {
	if b {
		return d.c.Config.Yes
	}
	return d.c.Config.No
}
