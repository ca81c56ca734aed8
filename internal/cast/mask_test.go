package cast

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// mask writes each chunk to a masking writer over secrets and returns
// what came out after Close.
func mask(s *Secrets, chunks ...string) string {
	var out bytes.Buffer
	w := MaskingWriter(&out, s)
	for _, c := range chunks {
		w.Write([]byte(c))
	}
	w.Close()
	return out.String()
}

func secrets(whole []string, tokens ...string) *Secrets {
	s := NewSecrets()
	for _, v := range whole {
		s.Add(v)
	}
	for _, v := range tokens {
		s.AddToken(v)
	}
	return s
}

const mfaToken = "Fe26x2Qk7mW9pLr4TzB8vN3s" // a random-looking mfa_token

func TestMaskReplacesSecretsWithDotsOfTheSameWidth(t *testing.T) {
	dots := func(n int) string { return strings.Repeat(MaskGlyph, n) }
	for name, tc := range map[string]struct {
		s    *Secrets
		in   string
		want string
	}{
		"a mfaToken whole": {
			secrets(nil, mfaToken), "mfa_token: " + mfaToken + "\r\n",
			"mfa_token: " + dots(len(mfaToken)) + "\r\n",
		},
		"colours inside": {
			secrets(nil, mfaToken), "\x1b[1m" + mfaToken[:5] + "\x1b[38;2;1;2;3m" + mfaToken[5:] + "\x1b[m",
			"\x1b[1m" + dots(5) + "\x1b[38;2;1;2;3m" + dots(len(mfaToken)-5) + "\x1b[m",
		},
		"a cursor move inside": {
			secrets(nil, mfaToken), mfaToken[:10] + "\x1b[3;1H" + mfaToken[10:],
			dots(10) + "\x1b[3;1H" + dots(len(mfaToken)-10),
		},
		"a code in groups": {
			secrets([]string{"ABCDEFGHJKLMNPQR"}), "code: ABCD EFGH JKLM NPQR.",
			"code: " + dots(4) + " " + dots(4) + " " + dots(4) + " " + dots(4) + ".",
		},
		"a mfaToken from its middle, as a redraw writes it": {
			secrets(nil, mfaToken), "\x1b[5;20H" + mfaToken[7:] + "  ",
			"\x1b[5;20H" + dots(len(mfaToken)-7) + "  ",
		},
		"a short piece of a mfaToken stays": {
			secrets(nil, mfaToken), "x " + mfaToken[3:9] + " y",
			"x " + mfaToken[3:9] + " y",
		},
		"a password masked whole only": {
			secrets([]string{"alice-password"}), "Password: alice-password (alice)",
			"Password: " + dots(14) + " (alice)",
		},
		"the URL-encoded form": {
			secrets([]string{"p@ss word!"}), "password=p%40ss+word%21&x",
			"password=" + dots(len("p%40ss+word%21")) + "&x",
		},
		"a wide character takes two dots": {
			secrets([]string{"mot-de-passe-été-日本"}), "[mot-de-passe-été-日本]",
			"[" + dots(17) + dots(4) + "]",
		},
		"a copy to the clipboard is dropped": {
			secrets(nil, mfaToken), "a\x1b]52;c;" + "Rm9vYmFy" + "\x07b",
			"ab",
		},
		"a link's address is starred": {
			secrets([]string{"otpauth://totp/x?enrollment_tx_id=abc"}), "\x1b]8;;otpauth://totp/x?enrollment_tx_id=abc\x1b\\link\x1b]8;;\x1b\\",
			"\x1b]8;;" + strings.Repeat("*", 37) + "\x1b\\link\x1b]8;;\x1b\\",
		},
		"no secret, nothing changed": {
			secrets(nil), "\x1b[?1049h\x1b[1;1Hhello\r\n\x1b[m ▀▄█ é\x1b[?25l",
			"\x1b[?1049h\x1b[1;1Hhello\r\n\x1b[m ▀▄█ é\x1b[?25l",
		},
		"shorter than MinSecret: not a secret": {
			secrets([]string{"12345"}), "12345", "12345",
		},
	} {
		t.Run(name, func(t *testing.T) {
			if got := mask(tc.s, tc.in); got != tc.want {
				t.Errorf("masked\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// A secret split at any byte, escape sequences and characters included,
// is masked as if it came in one write; so is one written a byte at a time.
func TestMaskASecretSplitAtEveryByte(t *testing.T) {
	s := secrets([]string{"é-pass-日本-word"}, mfaToken)
	in := "Token \x1b[1;38;2;10;20;30m" + mfaToken[:12] + "\x1b]8;;https://x\x1b\\" + mfaToken[12:] +
		"\x1b[m and é-pass-日本-word\x1b[2;1H" + mfaToken[4:20] + "!"
	want := mask(s, in)
	if strings.Contains(want, mfaToken[:MinFragment]) || strings.Contains(want, "pass") {
		t.Fatalf("not masked in one write: %q", want)
	}
	for i := 1; i < len(in); i++ {
		if got := mask(s, in[:i], in[i:]); got != want {
			t.Fatalf("split at byte %d:\n%q\nwant\n%q", i, got, want)
		}
	}
	bytewise := make([]string, len(in))
	for i := 0; i < len(in); i++ {
		bytewise[i] = in[i : i+1]
	}
	if got := mask(s, bytewise...); got != want {
		t.Fatalf("a byte at a time:\n%q\nwant\n%q", got, want)
	}
}

// Only what may still become a secret waits, and never more than the
// longest secret's length; the rest is passed on at once.
func TestMaskHoldsBackOnlyAPossibleSecret(t *testing.T) {
	var out bytes.Buffer
	w := MaskingWriter(&out, secrets([]string{"ABCDEFGH"}))
	w.Write([]byte("xyz ABC"))
	if got := out.String(); got != "xyz " {
		t.Errorf("passed on %q before the secret could be told, want %q", got, "xyz ")
	}
	w.Write([]byte("D!"))
	if got := out.String(); got != "xyz ABCD!" {
		t.Errorf("passed on %q once no secret could follow, want %q", got, "xyz ABCD!")
	}
	w.Write([]byte(" ABCDEFG"))
	w.Close()
	if got := out.String(); got != "xyz ABCD! ABCDEFG" {
		t.Errorf("Close passed on %q, want all that was held", got)
	}
}

// A secret learned while its start is held back is masked whole: the set
// grows as the session learns secrets.
func TestMaskSecretLearnedWhileHeld(t *testing.T) {
	s := secrets(nil, "zzzzzzzzzzzzzzzzzzzz")
	var out bytes.Buffer
	w := MaskingWriter(&out, s)
	w.Write([]byte("code: zz"))
	s.Add("zzQWERTY")
	w.Write([]byte("QWERTY ok"))
	w.Close()
	if got, want := out.String(), "code: "+strings.Repeat(MaskGlyph, 8)+" ok"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkMaskFrame masks a full repaint of a 100x34 screen, styled, with
// the secrets of a session known: the cost a recording adds to a frame.
func BenchmarkMaskFrame(b *testing.B) {
	s := NewSecrets()
	for i := range 20 {
		s.AddToken(strings.Repeat(string(rune('A'+i)), 3) + mfaToken)
		s.Add(fmt.Sprintf("password-%d", i))
	}
	var frame strings.Builder
	for y := range 34 {
		fmt.Fprintf(&frame, "\x1b[%d;1H\x1b[38;5;103m│\x1b[m \x1b[1mLine %d of the screen\x1b[m with ordinary words, a code 123 456 and ▀▄█ blocks\x1b[K", y+1, y)
	}
	data := []byte(frame.String())
	w := MaskingWriter(io.Discard, s)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		w.Write(data)
	}
}
