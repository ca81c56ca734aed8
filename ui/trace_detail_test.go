package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/mfapush/mfapush/internal/trace"
)

// The curl command is shown as trace.Curl writes it, one option a line,
// never wrapped inside a quoted value, so that a copy with the mouse pastes
// one command: a line wider than the window is cut (the view scrolls
// sideways) and a note says so.
func TestTraceDetailShowsTheCurlCommandUnwrapped(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 60, height: 34})
	scenario("trace_detail")(f)
	ex, _ := f.m.trace.selected()
	curl := strings.Split(trace.Curl(ex), "\n")
	lines := strings.Split(f.screen(), "\n")
	first := -1
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "curl ") {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatalf("no curl command on screen:\n%s", f.screen())
	}
	w, _ := f.m.bodySize()
	cut := false
	for i, want := range curl {
		if cellWidth(want) > w {
			want, cut = ansi.Cut(want, 0, w), true
		}
		if got := strings.TrimRight(lines[first+i], " ")[margin:]; got != strings.TrimRight(want, " ") {
			t.Fatalf("curl line %d reads %q, want %q:\n%s", i, got, want, f.screen())
		}
	}
	if !cut {
		t.Fatal("no curl line is wider than the window: the test shows nothing")
	}
	if !strings.Contains(words(f.screen()), words(f.m.t.Trace.CurlWide)) {
		t.Fatalf("no note says the lines are cut:\n%s", f.screen())
	}
	f.key("right")
	if strings.Contains(f.screen(), "curl --request") {
		t.Fatalf("→ did not scroll sideways:\n%s", f.screen())
	}
}

// On the sandbox, v in the trace's detail shows the secrets at once, and v
// again hides them.
func TestE2ETraceRevealsSecretsOnTheSandbox(t *testing.T) {
	e := startE2E(t, 120, 40, JourneyManage)
	e.listBob()
	e.press("t", "g", "enter") // the sign-in, in full
	e.waitFor("Replay it with curl")
	e.press("v")
	screen := e.waitFor("client_secret=sandbox-secret")
	if !strings.Contains(screen, "password=bob-password") || !strings.Contains(screen, "v hide secrets") {
		t.Fatalf("the secrets are not all shown:\n%s", screen)
	}
	e.press("v")
	screen = e.waitFor("$AUTH0_CLIENT_SECRET")
	if strings.Contains(screen, "bob-password") || strings.Contains(screen, "sandbox-secret") {
		t.Fatalf("v did not hide the secrets again:\n%s", screen)
	}
}

// Against a real tenant, v asks for a typed yes first, as --reveal-secrets
// does: anything else leaves the secrets hidden.
func TestE2ETraceRevealAsksForYesOnARealTenant(t *testing.T) {
	e := startE2EWith(t, 120, 40, JourneyManage, e2eOptions{realTenant: true})
	e.listBob()
	e.press("t", "g", "enter")
	e.waitFor("Replay it with curl")
	e.press("v")
	e.waitFor("Show the secrets of")
	e.typeText("no")
	e.press("enter")
	screen := e.waitFor(en.Trace.RevealDeclined)
	if strings.Contains(screen, "bob-password") {
		t.Fatalf("a secret shows without a yes:\n%s", screen)
	}
	e.press("v")
	e.waitFor("Show the secrets of")
	e.typeText("q") // typed into the field: q does not quit here
	e.press("backspace")
	e.typeText("yes")
	e.press("enter")
	e.waitFor("password=bob-password")
}

// A call under a millisecond is listed as 1ms, not 0s.
func TestTraceListsAFastCallAsOneMillisecond(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	tr := &traceScreen{common: f.m.common}
	for d, want := range map[time.Duration]string{700 * time.Microsecond: "1ms", 0: "0s", 12*time.Millisecond + 900*time.Microsecond: "12ms"} {
		if got := tr.roundMillis(trace.Line{Duration: d}); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}
