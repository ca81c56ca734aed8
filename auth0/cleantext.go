package auth0

import (
	"reflect"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// CleanText makes a string from a server inert on a terminal: escape
// sequences and control characters are removed (tabs and newlines become
// spaces), as are the Unicode controls that reorder text. Strings from the
// server (error descriptions, authenticator and device names) go through it
// before they can reach a screen.
func CleanText(s string) string {
	if s == "" {
		return s
	}
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == unicode.ReplacementChar:
			b.WriteRune(r)
		case unicode.IsControl(r), isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// cleanAll applies CleanText to every string that v (a pointer) reaches:
// each decoded answer goes through it, so that no field of it, shown now
// or added later, can carry an escape sequence to a screen. Auth0's own
// values (codes, tokens, URIs) hold no control characters and pass as
// they are.
func cleanAll(v any) { cleanValue(reflect.ValueOf(v)) }

func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(CleanText(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cleanValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			cleanValue(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			cleanValue(v.Index(i))
		}
	}
}
