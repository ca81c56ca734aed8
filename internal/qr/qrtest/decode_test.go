package qrtest

import (
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/qr"
)

func lines(t *testing.T, o qr.Options) []string {
	t.Helper()
	c, err := qr.Render(URISandbox, o)
	if err != nil {
		t.Fatal(err)
	}
	return c.Lines()
}

func TestDecodeFindsNoCodeInText(t *testing.T) {
	_, err := Decode("mfapush\n\nno code here ▀▄ █\n", LightInk)
	if err == nil || !strings.Contains(err.Error(), "no QR code") {
		t.Fatalf("err = %v", err)
	}
}

// TestDecodeBesideWideCharacters: a wide character takes two columns, so
// the code still lines up with the rows above and below.
func TestDecodeBesideWideCharacters(t *testing.T) {
	code := lines(t, qr.Options{Style: qr.StylePlainLight})
	for i := range code {
		prefix := "ab "
		if i%2 == 0 {
			prefix = "漢 "
		}
		code[i] = prefix + code[i] + "\t説明"
	}
	if got, err := Decode(strings.Join(code, "\r\n"), DarkInk); err != nil || got != URISandbox {
		t.Fatalf("got %q, %v", got, err)
	}
}

// TestDecodeWantsAQuietZone: text touching the code where its quiet zone
// should be is refused; one module of it is enough.
func TestDecodeWantsAQuietZone(t *testing.T) {
	for _, quiet := range []int{1, 2} {
		code := lines(t, qr.Options{QuietZone: quiet, Style: qr.StylePlainDark})
		for i, l := range code {
			code[i] = "x" + strings.TrimPrefix(l, "█") // overwrite the left column
		}
		_, err := Decode(strings.Join(code, "\n"), LightInk)
		if quiet == 1 && err == nil {
			t.Error("decoded a code with text against its modules")
		}
		if quiet == 2 && err != nil {
			t.Errorf("one module of quiet zone left: %v", err)
		}
	}
}
