package config

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mfapush/mfapush/internal/i18n"
)

// localeVars are the POSIX locale variables that choose the language of
// messages, strongest first.
var localeVars = []string{"LC_ALL", "LC_MESSAGES", "LANG"}

// localeLang picks the language from the locale: the first locale variable
// that is set decides, as in POSIX, so LC_ALL=C beats LANG=fr_FR.UTF-8.
// A language mfapush does not speak gives English.
func localeLang(env func(string) string) (string, Source) {
	for _, name := range localeVars {
		if v := strings.TrimSpace(env(name)); v != "" {
			return languageOf(v), Source{Kind: FromEnv, Name: name}
		}
	}
	return LangEnglish, Source{}
}

// languageOf returns the language a locale or language tag names
// ("fr_FR.UTF-8", "fr-CA" and "FR" all give "fr"), English for a language
// mfapush does not speak.
func languageOf(v string) string {
	if l, ok := i18n.Parse(v); ok {
		return string(l)
	}
	return LangEnglish
}

// defaultConfigPath is where the config file lives when --config is not
// given, or "" when no such place can be worked out.
func defaultConfigPath(env func(string) string) string {
	if xdg := env("XDG_CONFIG_HOME"); xdg != "" {
		return filepath.Join(xdg, "mfapush", "config.toml")
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "mfapush", "config.toml")
}

// expandHome replaces a leading ~ with the home directory, since paths in
// the config file and in --config=~/x are not expanded by a shell.
func expandHome(path string, env func(string) string) string {
	if path != "~" && !strings.HasPrefix(path, "~/") && !strings.HasPrefix(path, `~\`) {
		return path
	}
	home := env("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	if home == "" {
		return path
	}
	return filepath.Join(home, path[1:])
}

// printable makes text from a file or the environment safe to show on a
// terminal: control characters and escape sequences come out escaped.
func printable(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) < 0 {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// quoted is printable text in double quotes, for echoing a value.
func quoted(s string) string { return strconv.Quote(s) }

func itoa(n int) string { return strconv.Itoa(n) }
