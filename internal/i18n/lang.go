// Package i18n holds every word mfapush shows, in catalogs per language
// (English and French), and picks the language from the flag or the locale.
package i18n

import (
	"strings"
	"sync"
)

// Lang is a supported language.
type Lang string

const (
	English Lang = "en"
	French  Lang = "fr"
)

// Supported lists the languages with a catalog.
var Supported = []Lang{English, French}

// Parse reads a language name as a person or a locale writes it
// ("fr", "FR", "fr_FR.UTF-8", "french"); ok is false for others.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_.-@"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "en", "english", "c", "posix":
		return English, true
	case "fr", "french", "français", "francais":
		return French, true
	}
	return "", false
}

// For returns the catalog of a language (English for unknown ones).
func For(l Lang) *Catalog {
	if l == French {
		return french()
	}
	return english()
}

// Each catalog is built at its first use: building both at start cost
// every run of mfapush, before its first frame, for a language it may not
// show.
var (
	english = sync.OnceValue(func() *Catalog { c := englishCatalog(); return &c })
	french  = sync.OnceValue(func() *Catalog { c := frenchCatalog(); return &c })
)
