package config

import (
	"strings"
	"time"
)

// Line is one row of `mfapush config`: a setting, its value, where it came from.
type Line struct {
	Label  string
	Value  string
	Source string
}

// notSet shows a setting that has no value.
const notSet = "(not set)"

// Describe lists the effective settings for display. Secrets are masked
// unless RevealSecrets is on, and every value is made safe for a terminal.
func Describe(s Settings) []Line {
	lines := []Line{
		{Label: "Config file", Value: describeFile(s), Source: sourceColumn(s, keyConfig)},
		{Label: "Profiles", Value: describeProfiles(s)},
		{Label: "Profile", Value: orNone(s.Profile), Source: sourceColumn(s, keyProfile)},
	}
	if s.UsesSandbox() {
		lines = append(lines, Line{Label: "Tenant", Value: "built-in sandbox", Source: "no tenant configured"})
	} else {
		lines = append(lines, Line{Label: "Tenant", Value: orNotSet(s.Domain), Source: sourceColumn(s, keyDomain)})
	}
	secret := MaskSecret(s.ClientSecret, s.RevealSecrets)
	if s.ClientSecret == "" && !s.UsesSandbox() {
		secret = "(not set: fine for a Native application)"
	}
	lines = append(lines,
		Line{Label: "Client ID", Value: orNotSet(s.ClientID), Source: sourceColumn(s, keyClientID)},
		Line{Label: "Client secret", Value: secret, Source: sourceColumn(s, keyClientSecret)},
		Line{Label: "Audience", Value: orNotSet(s.Audience), Source: sourceColumn(s, keyAudience)},
		Line{Label: "Realm", Value: orNotSet(s.Realm), Source: sourceColumn(s, keyRealm)},
		Line{Label: "Username", Value: orNotSet(s.Username), Source: sourceColumn(s, keyUsername)},
		Line{Label: "Poll interval", Value: describeDuration(s.PollInterval), Source: sourceColumn(s, keyPollInterval)},
		Line{Label: "Theme", Value: s.Theme, Source: sourceColumn(s, keyTheme)},
		Line{Label: "Language", Value: s.Lang, Source: sourceColumn(s, keyLang)},
		Line{Label: "Reveal secrets", Value: yesNo(s.RevealSecrets), Source: sourceColumn(s, keyRevealSecrets)},
		Line{Label: "Plain output", Value: yesNo(s.Plain), Source: sourceColumn(s, keyPlain)},
		Line{Label: "Invert QR", Value: yesNo(s.InvertQR), Source: sourceColumn(s, keyInvertQR)},
	)
	return lines
}

// MaskSecret shows a secret as its last four characters at most, and only
// when it is long enough for them to give little away; reveal shows it whole.
func MaskSecret(secret string, reveal bool) string {
	runes := []rune(secret)
	switch {
	case secret == "":
		return notSet
	case reveal:
		return printable(secret)
	case len(runes) >= 16:
		return "••••••••" + printable(string(runes[len(runes)-4:]))
	}
	return "set"
}

func describeFile(s Settings) string {
	switch {
	case s.File == "":
		return "(none: neither XDG_CONFIG_HOME nor HOME is set)"
	case !s.FileExists:
		return printable(s.File) + " (not found)"
	case s.Profile != "":
		return printable(s.File) + " (profile " + printable(s.Profile) + ")"
	}
	return printable(s.File)
}

func describeProfiles(s Settings) string {
	if len(s.Profiles) == 0 {
		return orNone("")
	}
	names := make([]string, len(s.Profiles))
	for i, n := range s.Profiles {
		names[i] = printable(n)
	}
	return strings.Join(names, ", ")
}

func sourceColumn(s Settings, key string) string {
	src := s.SourceOf(key)
	if src.Kind == FromDefault {
		switch key {
		case keyPollInterval, keyTheme, keyLang, keyRevealSecrets, keyPlain, keyInvertQR:
			return "default"
		}
		return ""
	}
	return src.Short()
}

func describeDuration(d time.Duration) string {
	if d == 0 {
		return notSet
	}
	return d.String()
}

func orNotSet(v string) string {
	if v == "" {
		return notSet
	}
	return printable(v)
}

func orNone(v string) string {
	if v == "" {
		return "(none)"
	}
	return printable(v)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
