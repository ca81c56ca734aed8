package trace

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inert makes one line of text safe for a terminal: every control
// character (newlines and tabs too), bidirectional control, line separator
// and invalid byte is written as a visible escape, so text from a server
// can neither drive the terminal nor reorder or break the line.
func inert(s string) string {
	if isPlain(s) {
		return s
	}
	return escape(s, false)
}

// escape writes what needsEscape reports, and invalid bytes, as \n, \t, \r,
// \xhh or (for the trace view) \uhhhh. For the shell's $'…' quotes
// (shellQuotes), backslashes and single quotes are escaped too, and every
// escape is in bytes, which those quotes read back exactly.
func escape(s string, shellQuotes bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case shellQuotes && (r == '\\' || r == '\''):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError && size <= 1:
			b.WriteString(hexEscape(s[i]))
		case !needsEscape(r):
			b.WriteString(s[i : i+size])
		case r < 0x80:
			b.WriteString(hexEscape(byte(r)))
		case shellQuotes:
			for _, c := range []byte(s[i : i+size]) {
				b.WriteString(hexEscape(c))
			}
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.In(r, unicode.Zl, unicode.Zp)
}

// clip shortens s to at most max runes, ending it with "…" when cut.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	return string(runes[:max-1]) + "…"
}

// hexEscape writes a byte as \xhh, which both the trace view and bash's
// $'…' quotes read as that byte.
func hexEscape(c byte) string {
	const digits = "0123456789abcdef"
	return `\x` + string([]byte{digits[c>>4], digits[c&0xf]})
}
