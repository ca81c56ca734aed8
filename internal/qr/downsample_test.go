package qr_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

func downsample(t *testing.T, s string, p colorprofile.Profile) string {
	t.Helper()
	var b strings.Builder
	w := colorprofile.NewWriter(&b, nil)
	w.Profile = p
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestColoursSurviveDownsampling: on a 16- or 256-colour terminal the code
// stays pure black and white, and with NO_COLOR (the ASCII profile) it
// degrades to StylePlainDark.
func TestColoursSurviveDownsampling(t *testing.T) {
	c := mustRender(t, qrtest.URISandbox, qr.Options{})
	line := c.Lines()[1]
	for p, want := range map[colorprofile.Profile]string{
		colorprofile.ANSI:    "\x1b[97;40m",
		colorprofile.ANSI256: "\x1b[38;5;231;48;5;16m",
	} {
		if got := downsample(t, line, p); !strings.HasPrefix(got, want) {
			t.Errorf("%v: %q, want it to start with %q", p, got, want)
		}
	}
	plain := mustRender(t, qrtest.URISandbox, qr.Options{Style: qr.StylePlainDark}).String()
	if got := downsample(t, c.String(), colorprofile.ASCII); strings.ReplaceAll(got, "\x1b[m", "") != plain {
		t.Errorf("ASCII profile: %q, want StylePlainDark", got[:80])
	}
}
