package screenshot

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestSVGDrawsTextAndBlocks(t *testing.T) {
	frame := "\x1b[1;38;2;165;148;255mmfapush\x1b[m <&>\n\x1b[38;2;255;255;255;48;2;0;0;0m▀▄█\x1b[m"
	out := string(SVG(frame, 12, 2, Dark))
	if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, out)
	}
	for _, want := range []string{
		`font-weight="bold">mfapush</text>`, // bold run, in its colour
		`fill="#a594ff"`,
		`&lt;&amp;&gt;`,  // escaped text
		`fill="#000000"`, // the black background of the code's cells
	} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks %q:\n%s", want, out)
		}
	}
	// ▀▄█ on black: the upper half row is white, black, white; the lower
	// one black, white, white.
	for _, want := range []string{
		`width="8.7" height="9.30" fill="#ffffff"`,  // upper: ▀
		`width="17.1" height="9.30" fill="#ffffff"`, // lower: ▄█ merged
	} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "▀") || strings.Contains(out, "█") {
		t.Error("a block glyph was drawn as text")
	}
}

// A run of text that follows a space starts at its first letter: browsers
// drop a text element's leading spaces, which would draw it a cell early.
func TestSVGTextStartsAtItsFirstLetter(t *testing.T) {
	out := string(SVG("\x1b[1mab\x1b[m  cd", 12, 1, Dark))
	if !strings.Contains(out, `<text x="45.6" y="25.5" fill="#e6e6e6">cd`) {
		t.Errorf("the second run should start at column 4 (12 + 4×8.4):\n%s", out)
	}
}
