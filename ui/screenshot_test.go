package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
	"github.com/mfapush/mfapush/internal/screenshot"
)

// regenerate is the command that renders the README's pictures again.
const regenerate = "MFAPUSH_SCREENSHOTS=docs/images go test ./ui -run TestScreenshots"

// screenshots renders the README's pictures from the real screens, in
// fixtures with fixed times, ids and codes, so that each render is the
// same: name (the file's, without .svg) to picture. The enrollment's QR
// code must scan on the screen it is drawn from.
func screenshots(t *testing.T) map[string][]byte {
	t.Helper()
	shots := []struct {
		scenario string
		light    bool
	}{
		{"home", false}, {"enroll", false}, {"enroll", true}, {"list", false},
		{"challenge", false}, {"result", false}, {"trace_detail", false},
		{"helpdesk_card", false}, {"helpdesk_verify_waiting", false}, {"helpdesk_ticket", false},
	}
	out := map[string][]byte{}
	for _, s := range shots {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, light: s.light})
		scenarioByName(t, s.scenario).setup(f)
		theme, name := screenshot.Dark, s.scenario
		if s.light {
			theme, name = screenshot.Light, name+"-light"
		}
		frame := f.m.View().Content
		if s.scenario == "enroll" {
			if got, err := qrtest.Decode(frame, qrtest.PolarityOf(qr.Options{Style: f.m.qrStyle()})); err != nil || got != fixtureBarcode {
				t.Errorf("%s: the QR code reads %q, %v", name, got, err)
			}
		}
		out[name] = screenshot.SVG(frame, 100, 34, theme)
	}
	return out
}

// TestScreenshots writes the README's pictures:
//
//	MFAPUSH_SCREENSHOTS=docs/images go test ./ui -run TestScreenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("MFAPUSH_SCREENSHOTS")
	if dir == "" {
		t.Skip("set MFAPUSH_SCREENSHOTS to a folder to render the README's pictures")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir) // go test runs in the package folder
	}
	for name, svg := range screenshots(t) {
		if err := os.WriteFile(filepath.Join(dir, name+".svg"), svg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestScreenshotsAreCurrent fails when a screen changed and the README's
// picture of it was not rendered again (demo.svg, a recording, aside).
func TestScreenshotsAreCurrent(t *testing.T) {
	if os.Getenv("MFAPUSH_SCREENSHOTS") != "" {
		t.Skip("TestScreenshots is writing them")
	}
	for name, svg := range screenshots(t) {
		path := filepath.Join("..", "docs", "images", name+".svg")
		committed, err := os.ReadFile(path)
		switch {
		case err != nil:
			t.Errorf("%v: render it with %s", err, regenerate)
		case !bytes.Equal(committed, svg):
			t.Errorf("%s is not what the screen draws now: render it again with %s", path, regenerate)
		}
	}
}
