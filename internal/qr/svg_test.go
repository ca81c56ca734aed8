package qr

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestSVGIsAWellFormedCodeOfTheText(t *testing.T) {
	text := "otpauth://totp/mfapush%20sandbox:bob%40example.com?enrollment_tx_id=abc&base_url=http%3A%2F%2F127.0.0.1%3A8484%2Fappliance-mfa"
	svg, err := SVG(text, 256)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v", err)
			}
			break
		}
	}
	code, _ := encode(text)
	side := code.Size + 2*svgQuietZone
	if !strings.Contains(svg, `viewBox="0 0 `) || strings.Count(svg, "h1v1h-1z") == 0 {
		t.Fatalf("svg = %.200s", svg)
	}
	black := 0
	for y := range code.Size {
		for x := range code.Size {
			if code.Black(x, y) {
				black++
			}
		}
	}
	if n := strings.Count(svg, "h1v1h-1z"); n != black {
		t.Errorf("%d modules drawn, the code has %d black ones (side %d)", n, black, side)
	}
	if _, err := SVG("", 10); err == nil {
		t.Error("empty text gave an SVG")
	}
}
