package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mfapush/mfapush/internal/screenshot"
)

// TestScreenshots renders the README's pictures from the real screens:
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
	shots := []struct {
		scenario string
		light    bool
	}{
		{"home", false}, {"enroll", false}, {"enroll", true}, {"list", false},
		{"challenge", false}, {"result", false}, {"trace_detail", false},
		{"helpdesk_card", false}, {"helpdesk_verify_waiting", false}, {"helpdesk_ticket", false},
	}
	for _, s := range shots {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, light: s.light})
		scenarioByName(t, s.scenario).setup(f)
		theme, name := screenshot.Dark, s.scenario
		if s.light {
			theme, name = screenshot.Light, name+"-light"
		}
		svg := screenshot.SVG(f.m.View().Content, 100, 34, theme)
		if err := os.WriteFile(filepath.Join(dir, name+".svg"), svg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
