package i18n

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// field is one string of a catalog, named by its path ("Enroll.Title").
type field struct {
	path  string
	value string
}

func fields(c *Catalog) []field {
	var out []field
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, field{path, v.String()})
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				name := v.Type().Field(i).Name
				if path != "" {
					name = path + "." + name
				}
				walk(v.Field(i), name)
			}
		}
	}
	walk(reflect.ValueOf(*c), "")
	return out
}

var verbs = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

func TestEveryStringIsInEveryLanguage(t *testing.T) {
	en := fields(For(English))
	for _, l := range Supported {
		got := fields(For(l))
		if len(got) != len(en) {
			t.Fatalf("%s has %d strings, English %d", l, len(got), len(en))
		}
		for i, f := range got {
			if f.path == "Lang" {
				continue
			}
			if f.value == "" {
				t.Errorf("%s: %s is missing", l, f.path)
			}
			if want, have := verbs.FindAllString(en[i].value, -1), verbs.FindAllString(f.value, -1); !slices.Equal(want, have) {
				t.Errorf("%s: %s has verbs %v, English %v", l, f.path, have, want)
			}
		}
	}
}

// TestReadmeExplainsEveryProblem keeps the README's troubleshooting table in
// step with the errors the app can show.
func TestReadmeExplainsEveryProblem(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, trouble, ok := strings.Cut(string(readme), "## Troubleshooting")
	if !ok {
		t.Fatal("the README has no Troubleshooting section")
	}
	for _, f := range fields(For(English)) {
		if strings.HasPrefix(f.path, "Problem.") && strings.HasSuffix(f.path, ".Title") && !strings.Contains(trouble, f.value) {
			t.Errorf("the README's troubleshooting lacks %q (%s)", f.value, f.path)
		}
	}
}

// TestFrenchScansCodes keeps to the word French speakers use for a QR code:
// scanner, not balayer.
func TestFrenchScansCodes(t *testing.T) {
	for _, f := range fields(For(French)) {
		if lower := strings.ToLower(f.value); strings.Contains(lower, "balay") || strings.Contains(lower, "balai") {
			t.Errorf("%s says %q: write scanner", f.path, f.value)
		}
	}
}

// TestFrenchSaysBacASable keeps one French word for the sandbox, the one
// the header and plain mode print: "bac à sable", and "locataire" for a
// tenant. "sandbox" stays only in commands, paths and ids
// (mfapush sandbox, /sandbox/…, sandbox-client), and the README's titles.
func TestFrenchSaysBacASable(t *testing.T) {
	command := regexp.MustCompile(`mfapush sandbox|/sandbox|sandbox-|sandbox\.md|MFAPUSH_|Use it with your Auth0 tenant`) // and a README title
	for _, f := range fields(For(French)) {
		v := command.ReplaceAllString(f.value, "")
		if strings.Contains(strings.ToLower(v), "sandbox") || regexp.MustCompile(`(?i)\btenant\b`).MatchString(v) {
			t.Errorf("%s says %q: write bac à sable, locataire", f.path, f.value)
		}
	}
}
