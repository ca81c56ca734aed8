//go:build linux

package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/cast/play"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// mfapush demo on a terminal: space pauses it, → plays one step and pauses
// again, space resumes, and the story runs to its end unattended, exit
// status 0, leaving a recording that plays back to the story's last screen.
func TestDemoOnATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("plays the story on the sandbox at its 1s pace (about 10s)")
	}
	c := i18n.For(i18n.English).Demo
	path := filepath.Join(t.TempDir(), "demo.cast")
	p := startOnPty(t, nil, "demo", "--record", path, "--speed", "40")
	p.waitFor(c.Captions.Intro)
	p.send(" ")
	p.waitFor("paused")
	p.send("\x1b[C") // →: the rest of the first step, then paused again
	p.send(" ")
	// The story still has every step to play, each waiting on the
	// sandbox's real poll pace: under the race detector on a loaded
	// machine that is well past the bound for a key that ends a run.
	if status := p.exitWithin(storyBound); status != exitcode.OK {
		t.Fatalf("exit %d:\n%q", status, p.output())
	}
	rec := openRecording(t, path)
	if h := rec.Recording().Header; h.Width != 100 || h.Height != 34 {
		t.Errorf("header %+v", h)
	}
	screens := rec.Screens()
	if final := lastDrawn(screens); !final.Contains(c.Captions.End) {
		t.Errorf("the last screen is not the story's end:\n%s", final)
	}
	paused := false
	for _, s := range screens {
		paused = paused || s.Contains(c.Paused)
	}
	if !paused {
		t.Error("the recording never shows the demo paused")
	}
}

// storyBound guards a whole demo story against a hang.
const storyBound = 3 * time.Minute

// q stops the demo before its end: status 2, the terminal given back.
func TestDemoQuit(t *testing.T) {
	p := startOnPty(t, nil, "demo")
	p.waitFor(i18n.For(i18n.English).Demo.Captions.Intro)
	p.send("q")
	if status := p.exit(); status != exitcode.Cancelled {
		t.Fatalf("exit %d", status)
	}
}

// A speed that is no factor is refused before anything starts.
func TestDemoBadSpeed(t *testing.T) {
	for _, speed := range []string{"0", "-1", "fast", "NaN", "Inf", "1e9"} {
		p := startOnPty(t, nil, "demo", "--speed", speed)
		if status := p.exit(); status != exitcode.Error || !strings.Contains(p.output(), "--speed") {
			t.Errorf("--speed %s: exit %d:\n%q", speed, status, p.output())
		}
	}
}

// --size plays the demo with no terminal at all, into the recording; a
// size below 80x24, or --size without --record, is refused.
func TestDemoWithoutATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("plays the story on the sandbox at its 1s pace (about 10s)")
	}
	bin := mfapushBinary(t)
	path := filepath.Join(t.TempDir(), "demo.cast")
	out, err := exec.Command(bin, "demo", "--record", path, "--size", "100x34", "--speed", "40").CombinedOutput()
	if err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	rec := openRecording(t, path)
	if final := lastDrawn(rec.Screens()); !final.Contains(i18n.For(i18n.English).Demo.Captions.End) {
		t.Errorf("the last screen is not the story's end:\n%s", final)
	}
	if out, err := exec.Command(bin, "demo").CombinedOutput(); statusOf(err) != exitcode.Error || !strings.Contains(string(out), "--size") {
		t.Errorf("demo without a terminal: %v:\n%s", err, out)
	}
	for _, args := range [][]string{{"--size", "100x34"}, {"--size", "60x20", "--record", path}, {"--size", "big", "--record", path}} {
		out, err := exec.Command(bin, append([]string{"demo"}, args...)...).CombinedOutput()
		if statusOf(err) != exitcode.Error || !strings.Contains(string(out), "--size") {
			t.Errorf("%v: %v:\n%s", args, err, out)
		}
	}
}

// openRecording reads a recording, failing the test unless it is valid
// asciicast v2.
func openRecording(t *testing.T, path string) *play.Player {
	t.Helper()
	rec, err := play.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}
