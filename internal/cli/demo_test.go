package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/internal/cast/play"
	"github.com/mfapush/mfapush/internal/demo"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// testSpeed plays the story forty times faster than for an audience; the
// demo still waits for the terminal, and so the recording, to show each
// caption and each screen it waits for.
const testSpeed = 40

// recordDemo plays the whole story headless at w×h, recorded, and returns
// the recording.
func recordDemo(t *testing.T, lang i18n.Lang, w, h int) (*play.Player, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.cast")
	catalog := i18n.For(lang)
	rec, err := newRecording(path, w, h, catalog)
	if err != nil {
		t.Fatal(err)
	}
	s := config.Settings{Lang: string(lang), PollInterval: time.Second}
	run := demoRun{settings: s, speed: testSpeed, present: true, headless: true, width: w, height: h,
		options: demo.Options{ScreenTimeout: hangBound}}
	code, err := run.play(context.Background(), rec)
	if closeErr := rec.close(catalog); closeErr != nil {
		t.Fatal(closeErr)
	}
	if err != nil || code != exitcode.OK {
		t.Fatalf("the demo ended with status %d: %v", code, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := play.Load(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("the recording is no valid asciicast v2: %v", err)
	}
	return p, data
}

// mfapush demo --record plays the whole story unattended and writes a valid
// asciicast v2 recording (its header has the window's size, its events come
// in time order) in which every step of the story shows: its caption, and
// the screen it waits for.
func TestDemoRecordsTheWholeStory(t *testing.T) {
	if testing.Short() {
		t.Skip("plays the story on the sandbox at its 1s pace (about 10s)")
	}
	p, data := recordDemo(t, i18n.English, 100, 34)
	checkStory(t, p, data, i18n.English, 100, 34)
}

// The story plays in French too, in the smallest window mfapush draws its
// screens in, where the phone folds into a line and words wrap elsewhere.
func TestDemoInFrenchAt80x24(t *testing.T) {
	if testing.Short() {
		t.Skip("plays the story on the sandbox at its 1s pace (about 10s)")
	}
	p, data := recordDemo(t, i18n.French, 80, 24)
	checkStory(t, p, data, i18n.French, 80, 24)
}

// checkStory checks a recording of the story: its header, its events in
// time order, each step's caption and the screen it waits for in the
// story's order, the last screen, and no password in it.
func checkStory(t *testing.T, p *play.Player, data []byte, lang i18n.Lang, w, h int) {
	t.Helper()
	r := p.Recording()
	if r.Header.Version != 2 || r.Header.Width != w || r.Header.Height != h {
		t.Errorf("header %+v", r.Header)
	}
	var last time.Duration
	for i, e := range r.Events {
		if e.Time < last {
			t.Fatalf("event %d at %v comes before the one at %v", i, e.Time, last)
		}
		last = e.Time
	}
	screens := p.Screens()
	all := make([]string, len(screens))
	for i, s := range screens {
		all[i] = s.String()
	}
	c := i18n.For(lang)
	// Each step's caption, then the words it waits for, in the story's order.
	at := 0
	if os.Getenv("DEMO_DEBUG") != "" {
		for i, s := range screens {
			t.Logf("%d: %s | %s", i, s.Lines[1], s.Lines[3])
		}
	}
	for i, step := range demo.Story() {
		words := []string{step.Caption(c)}
		for _, a := range step.Actions {
			if a.WaitFor != nil {
				words = append(words, a.WaitFor(c))
			}
		}
		for _, w := range words {
			found := false
			for ; at < len(all); at++ {
				if strings.Contains(squeezed(all[at]), squeezed(w)) {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("step %d: %q never shows after the screens before it; last screen:\n%s", i+1, w, all[len(all)-1])
			}
		}
	}
	final := lastDrawn(screens)
	for _, want := range []string{c.Demo.Captions.End, c.Result.Title} {
		if !strings.Contains(squeezed(final.String()), squeezed(want)) {
			t.Errorf("the last screen lacks %q:\n%s", want, final)
		}
	}
	// The recovery codes and passwords stay out of the recording.
	for _, secret := range []string{"alice-password", "bob-password"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the recording holds %q", secret)
		}
	}
}

// lastDrawn is the last screen with anything on it: the program's last
// frame is blank.
func lastDrawn(screens []play.Screen) play.Screen {
	for i := len(screens) - 1; i >= 0; i-- {
		if strings.TrimSpace(screens[i].String()) != "" {
			return screens[i]
		}
	}
	return play.Screen{}
}

// Presenter mode masks the demo users' recovery codes on the home screen;
// without it they show, as the sandbox's home screen has always shown them.
func TestDemoUsersMaskedWhenPresenting(t *testing.T) {
	catalog := i18n.For(i18n.English)
	tn, err := openTenant(config.Settings{PollInterval: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tn.Close()
	var code string
	for _, u := range tn.sandbox.Tenant.Users() {
		if u.RecoveryCode != "" {
			code = u.RecoveryCode
		}
	}
	if code == "" {
		t.Fatal("no demo user has a recovery code")
	}
	notes := func(masked bool) string {
		var all []string
		for _, u := range demoUsers(tn, catalog, masked) {
			all = append(all, u.Note)
		}
		return strings.Join(all, "\n")
	}
	if shown := notes(false); !strings.Contains(shown, code) {
		t.Errorf("the code does not show without presenter mode:\n%s", shown)
	}
	if shown := notes(true); strings.Contains(shown, code) || !strings.Contains(shown, "••••") {
		t.Errorf("presenter mode shows the code:\n%s", shown)
	}
}

// --loop plays the story again at its end, each time on a sandbox of its
// own; the run ends when its context does, and that is no failure once a
// story was played.
func TestDemoLoops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runs := 0
	script := []demo.Step{{
		Caption: func(*i18n.Catalog) string { return "loop" },
		Actions: []demo.Action{
			{WaitFor: func(c *i18n.Catalog) string { return c.Home.DemoNotEnrolled }},
			{Type: func(demo.World) (string, error) {
				if runs++; runs == 2 {
					cancel()
				}
				return "", nil
			}},
		},
	}}
	run := demoRun{settings: config.Settings{PollInterval: time.Second}, speed: testSpeed, loop: true, headless: true,
		width: 100, height: 34, options: demo.Options{Steps: script, ScreenTimeout: time.Minute}}
	code, err := run.play(ctx, &recording{})
	if err != nil || code != exitcode.OK || runs != 2 {
		t.Fatalf("status %d, %v, %d runs (want 2)", code, err, runs)
	}
}

// squeezed puts one space wherever s has a run of white space: words
// wrapped on the screen read as one line.
func squeezed(s string) string { return strings.Join(strings.Fields(s), " ") }
