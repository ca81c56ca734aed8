package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// FuzzLoadConfigFile feeds arbitrary files to the loader: it must never
// panic, report every problem as an *Error, and never put control
// characters (escape sequences) on the terminal.
func FuzzLoadConfigFile(f *testing.F) {
	f.Add([]byte("default_profile = \"p\"\n[profiles.p]\ndomain = \"acme.auth0.com\"\nclient_id = \"AbC123\"\npoll_interval = \"5s\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		env := testEnv{"HOME": dir, "XDG_CONFIG_HOME": dir, "SECRET": "from-env"}
		s, warnings, err := Load(Flags{keyConfig: path}, env.get)
		checkPrintable(t, s, warnings, err)
		if len(s.Profiles) > 0 { // and each profile in turn, by name
			env["MFAPUSH_PROFILE"] = s.Profiles[len(s.Profiles)-1]
			s, warnings, err = Load(Flags{keyConfig: path}, env.get)
			checkPrintable(t, s, warnings, err)
		}
	})
}

func checkPrintable(t *testing.T, s Settings, warnings []Warning, err error) {
	t.Helper()
	var texts []string
	if err != nil {
		if len(Problems(err)) != len(err.(interface{ Unwrap() []error }).Unwrap()) {
			t.Fatalf("a problem is not a *config.Error: %v", err)
		}
		texts = append(texts, err.Error())
	}
	for _, w := range warnings {
		texts = append(texts, w.String())
	}
	for _, l := range Describe(s, english) {
		texts = append(texts, l.Label, l.Value, l.Source)
	}
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			if i := strings.IndexFunc(line, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }); i >= 0 {
				t.Fatalf("unprintable character in %q", line)
			}
		}
	}
	var e *Error
	if err != nil && !errors.As(err, &e) {
		t.Fatalf("error %v holds no *config.Error", err)
	}
}
