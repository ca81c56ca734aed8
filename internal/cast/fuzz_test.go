package cast

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The mask never lets a secret through, whatever comes around it and
// however the writes are cut; it never panics, and what comes out is at
// most three times what went in (a dot is three bytes). What shows is
// judged by the parser of charmbracelet's terminal emulator, the one the
// repo's player uses.
func FuzzMask(f *testing.F) {
	f.Add([]byte("hello \x1b[1mworld\x1b[m\r\n"), "Fe26x2Qk7mW9pLr4TzB8vN3s", true, uint16(3), uint16(9))
	f.Add([]byte("\x1b]8;;http://x\x1b\\a\x1b]52;c;YWJj\x07\x1b[2;4H▀▄"), "alice-password", false, uint16(40), uint16(1))
	f.Add([]byte("\x1b]0;unfinished"), "ABCD EFGH IJKL", false, uint16(2), uint16(0))
	f.Add([]byte("é日本\xff\xc3"), "日本語のパスワード", true, uint16(1), uint16(7))
	f.Fuzz(func(t *testing.T, around []byte, secret string, isToken bool, at, cut uint16) {
		secret = strings.Map(func(r rune) rune {
			if isSeparator(r) || r == utf8.RuneError || r == ansi.ESC {
				return -1
			}
			return r
		}, secret)
		if utf8.RuneCountInString(secret) < MinSecret {
			secret += "QwErTyUiOp"
		}
		s := NewSecrets()
		if isToken {
			s.AddToken(secret)
		} else {
			s.Add(secret)
		}
		// The secret, with a colour change inside, somewhere in the stream.
		k := int(at) % (len(around) + 1)
		half := len(secret) / 2
		for !utf8.RuneStart(secret[half]) {
			half--
		}
		in := string(around[:k]) + secret[:half] + "\x1b[1;31m" + secret[half:] + string(around[k:])
		c := int(cut) % (len(in) + 1)
		out := mask(s, in[:c], in[c:])

		if len(out) > 3*len(in) {
			t.Fatalf("%d bytes out of %d in", len(out), len(in))
		}
		// What a player shows: the recording stores text as JSON strings,
		// where a byte that is not UTF-8 is U+FFFD.
		stored := strings.ToValidUTF8(out, "\uFFFD")
		if shown := normalize(ansi.Strip(stored)); strings.Contains(shown, secret) {
			t.Fatalf("the secret %q shows in\n%q\nfrom\n%q", secret, out, in)
		}
	})
}
