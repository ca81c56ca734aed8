package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/internal/clock"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/ui"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// recorder stands for the interface: it writes down every key and
// caption it gets, in order.
type recorder struct{ got chan string }

func (r *recorder) Init() tea.Cmd { return nil }
func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		r.got <- "key " + msg.String()
	case ui.CaptionMsg:
		r.got <- msg.Text + " · " + msg.Note
	}
	return r, nil
}
func (r *recorder) View() tea.View { return tea.NewView("") }

// program runs a demo's model as a program would: one message at a time.
type program struct {
	mu    sync.Mutex
	model tea.Model
	quit  bool
}

func (p *program) send(msg tea.Msg) {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, cmd := p.model.Update(msg)
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			p.quit = true
		}
	}
	p.model.View()
}

func (p *program) press(k string) { p.send(tea.KeyPressMsg(keyPress(k))) }

func expect(t *testing.T, got <-chan string, want ...string) {
	t.Helper()
	for _, w := range want {
		select {
		case g := <-got:
			if g != w {
				t.Fatalf("got %q, want %q", g, w)
			}
		case <-time.After(time.Minute): // a hang guard only
			t.Fatalf("nothing came; want %q", w)
		}
	}
}

func expectNothing(t *testing.T, got <-chan string) {
	t.Helper()
	select {
	case g := <-got:
		t.Fatalf("got %q while the demo is paused", g)
	default:
	}
}

// words are the same words in every language: a test's caption, or a
// test screen's.
func words(s string) func(*i18n.Catalog) string { return func(*i18n.Catalog) string { return s } }

// Space pauses the story, → plays one step and pauses again, space
// resumes; the keys a person presses never reach the interface, the
// script's do; the demo ends with status 0 at the story's end.
func TestPauseStepResume(t *testing.T) {
	c := i18n.For(i18n.English)
	steps := []Step{
		{words("one"), []Action{hold(10 * time.Second), press("x")}},
		{words("two"), []Action{press("y")}},
	}
	clk := clock.NewManual(time.Unix(0, 0))
	r := &recorder{got: make(chan string, 32)}
	d := New(r, Options{Speed: 2, Catalog: c, Clock: clk, Steps: steps})
	p := &program{model: d.Model()}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { defer close(done); d.Play(ctx, p.send) }()

	step1, step2 := fmt.Sprintf(c.Demo.Step, 1, 2), fmt.Sprintf(c.Demo.Step, 2, 2)
	expect(t, r.got, "one · "+step1)
	if err := clk.BlockUntilWaiters(ctx, 1); err != nil {
		t.Fatal(err)
	}
	p.press("space")
	expect(t, r.got, "one · "+c.Demo.Paused)
	p.press("a")                 // the phone's key: the audience's keys do nothing
	clk.Advance(5 * time.Second) // the hold, at speed 2
	p.press("n")
	// Step one plays on; step two's caption comes as it begins, paused.
	expect(t, r.got, "one · "+c.Demo.Paused, "key x", "two · "+c.Demo.Paused)
	expectNothing(t, r.got)
	p.press("space")
	expect(t, r.got, "two · "+step2, "key y")
	<-done
	if !p.quit || d.ExitCode() != exitcode.OK || !d.Finished() {
		t.Errorf("quit %v, status %d", p.quit, d.ExitCode())
	}
}

// q stops the story before its end: status 2; ctrl+c: 130.
func TestQuitKeys(t *testing.T) {
	for key, want := range map[string]int{"q": exitcode.Cancelled, "ctrl+c": exitcode.Interrupted} {
		d := New(&recorder{got: make(chan string, 8)}, Options{Catalog: i18n.For(i18n.English), Steps: []Step{}})
		p := &program{model: d.Model()}
		if key == "ctrl+c" {
			p.send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
		} else {
			p.press(key)
		}
		if !p.quit || d.ExitCode() != want {
			t.Errorf("%s: quit %v, status %d, want %d", key, p.quit, d.ExitCode(), want)
		}
	}
}

// A screen that never comes stops the demo with a message that says which
// words it waited for, instead of hanging.
func TestStuckOnAScreen(t *testing.T) {
	c := i18n.For(i18n.English)
	steps := []Step{{words("one"), []Action{waitFor(signedIn)}}}
	d := New(&recorder{got: make(chan string, 8)}, Options{Catalog: c, Steps: steps, ScreenTimeout: time.Millisecond})
	p := &program{model: d.Model()}
	d.Play(context.Background(), p.send)
	if d.Err() == nil || d.ExitCode() != exitcode.Error {
		t.Fatalf("err %v, status %d", d.Err(), d.ExitCode())
	}
	if want := fmt.Sprintf("%q", c.Result.Title); !strings.Contains(d.Err().Error(), want) {
		t.Errorf("%v does not name %s", d.Err(), want)
	}
}

// screenModel shows words until a key comes, then others.
type screenModel struct{ text string }

func (s *screenModel) Init() tea.Cmd { return nil }
func (s *screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		s.text = "the next screen"
	}
	return s, nil
}
func (s *screenModel) View() tea.View { return tea.NewView(s.text) }

// Words on the screen from before the script's last key do not end a wait
// for them: the screen the key leads to must show them.
func TestWaitCountsOnlyFramesAfterTheKeys(t *testing.T) {
	c := i18n.For(i18n.English)
	steps := []Step{{words("one"), []Action{press("enter"), waitFor(signedIn)}}}
	inner := &screenModel{text: c.Result.Title}
	d := New(inner, Options{Catalog: c, Steps: steps, ScreenTimeout: 50 * time.Millisecond})
	p := &program{model: d.Model()}
	p.model.View() // the first frame, with the words
	// The program has not taken the key yet (a real one takes it on its
	// own goroutine, later): the screen from before it must not do.
	notYet := func(msg tea.Msg) {
		if _, key := msg.(scriptKeyMsg); !key {
			p.send(msg)
		}
	}
	d.Play(context.Background(), notYet)
	if d.Err() == nil {
		t.Fatal("the wait ended on the screen from before the key")
	}
	inner.text = c.Result.Title
	d = New(inner, Options{Catalog: c, Steps: []Step{{steps[0].Caption, []Action{waitFor(signedIn)}}}, ScreenTimeout: time.Minute})
	p = &program{model: d.Model()}
	p.model.View()
	d.Play(context.Background(), p.send)
	if d.Err() != nil {
		t.Fatal(d.Err())
	}
}

// screens stands for the interface: x leads from screen A to screen B, y
// to screen C. It writes down each key, and each caption with the screen
// it shows over.
type screens struct {
	screen string
	got    chan string
}

func (s *screens) Init() tea.Cmd { return nil }
func (s *screens) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		s.got <- "key " + msg.String()
		switch msg.String() {
		case "x":
			s.screen = "screen B"
		case "y":
			s.screen = "screen C"
		}
	case ui.CaptionMsg:
		s.got <- msg.Text + " · " + msg.Note + " over " + s.screen
	}
	return s, nil
}
func (s *screens) View() tea.View { return tea.NewView(s.screen) }

// → on a paused demo plays the step to the screen it waits for, then
// captions that screen's step at once, still paused: the caption never
// stays behind on the screen before. A demo started paused (--loop's next
// story after a paused one) waits for → or space, and says when it ended
// paused.
func TestStepWhilePausedCaptionsTheScreenShown(t *testing.T) {
	c := i18n.For(i18n.English)
	steps := []Step{
		{words("A"), []Action{hold(10 * time.Second), press("x"), waitFor(words("screen B"))}},
		{words("B"), []Action{hold(10 * time.Second), press("y"), waitFor(words("screen C"))}},
		{words("C"), []Action{hold(10 * time.Second)}},
	}
	inner := &screens{screen: "screen A", got: make(chan string, 32)}
	clk := clock.NewManual(time.Unix(0, 0))
	d := New(inner, Options{Catalog: c, Clock: clk, Steps: steps, Paused: true})
	p := &program{model: d.Model()}
	p.model.View()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { defer close(done); d.Play(ctx, p.send) }()

	paused := " · " + c.Demo.Paused + " over "
	expect(t, inner.got, "A"+paused+"screen A")
	expectNothing(t, inner.got)
	// → plays a step at its pace: its hold, then its key and the wait.
	step := func(waits int) {
		t.Helper()
		p.press("n")
		if err := clk.BlockUntilWaiters(ctx, waits); err != nil {
			t.Fatal(err)
		}
		clk.Advance(10 * time.Second)
	}
	step(1)
	expect(t, inner.got, "A"+paused+"screen A", "key x", "B"+paused+"screen B")
	expectNothing(t, inner.got)
	step(1)
	expect(t, inner.got, "B"+paused+"screen B", "key y", "C"+paused+"screen C")
	step(1)
	expect(t, inner.got, "C"+paused+"screen C")
	<-done
	if !d.Finished() || !d.Paused() {
		t.Errorf("finished %v, paused %v: the story ended, paused", d.Finished(), d.Paused())
	}
}

// → while the story plays cuts a hold short; space after it still pauses
// at the next action, not at the step's end.
func TestPauseAfterNextStepStopsAtTheNextAction(t *testing.T) {
	c := i18n.For(i18n.English)
	steps := []Step{{words("one"), []Action{
		hold(10 * time.Second), hold(10 * time.Second), press("x")}}}
	clk := clock.NewManual(time.Unix(0, 0))
	r := &recorder{got: make(chan string, 32)}
	d := New(r, Options{Catalog: c, Clock: clk, Steps: steps})
	p := &program{model: d.Model()}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { defer close(done); d.Play(ctx, p.send) }()

	step := "one · " + fmt.Sprintf(c.Demo.Step, 1, 1)
	expect(t, r.got, step)
	if err := clk.BlockUntilWaiters(ctx, 1); err != nil {
		t.Fatal(err)
	}
	p.press("n") // cuts the first hold short
	expect(t, r.got, step)
	if err := clk.BlockUntilWaiters(ctx, 2); err != nil {
		t.Fatal(err)
	}
	p.press("space")
	expect(t, r.got, "one · "+c.Demo.Paused)
	clk.Advance(10 * time.Second) // the second hold ends: paused, x waits
	expectNothing(t, r.got)
	p.press("space")
	expect(t, r.got, step, "key x")
	<-done
}

// drawn stands for the interface, as the terminal gets it: a caption over
// a screen, which keys change.
type drawn struct {
	screens
	caption string
}

func (d *drawn) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if c, ok := msg.(ui.CaptionMsg); ok {
		d.caption = c.Text
	}
	d.screens.Update(msg)
	return d, nil
}
func (d *drawn) View() tea.View { return tea.NewView(d.caption + "\r\n" + d.screen) }

// The program writes to the terminal at its own pace, the latest frame
// only: a caption or a screen the model drew may never reach the terminal
// if the script moves on first. With Output, the script waits until the
// terminal shows each step's caption and each screen it waits for.
func TestScriptWaitsForTheTerminal(t *testing.T) {
	c := i18n.For(i18n.English)
	steps := []Step{
		{words("one"), []Action{press("x"), waitFor(words("screen B"))}},
		{words("two"), []Action{press("y"), waitFor(words("screen C"))}},
	}
	// Drawn by the model, never written to the terminal: the demo stops
	// at the first caption.
	inner := &drawn{screens: screens{screen: "screen A", got: make(chan string, 32)}}
	d := New(inner, Options{Catalog: c, Steps: steps, ScreenTimeout: time.Millisecond})
	d.Output(io.Discard, 40, 3)
	p := &program{model: d.Model()}
	d.Play(context.Background(), p.send)
	d.Close()
	if d.Err() == nil || !strings.Contains(d.Err().Error(), `"one"`) {
		t.Fatalf("the story went on with the terminal blank: %v", d.Err())
	}

	// Written after each message, as a renderer would: the story plays.
	inner = &drawn{screens: screens{screen: "screen A", got: make(chan string, 32)}}
	d = New(inner, Options{Catalog: c, Steps: steps})
	terminal := d.Output(io.Discard, 40, 3)
	defer d.Close()
	p = &program{model: d.Model()}
	done := make(chan struct{})
	go func() { defer close(done); d.Play(context.Background(), p.send) }()
	step1, step2 := fmt.Sprintf(c.Demo.Step, 1, 2), fmt.Sprintf(c.Demo.Step, 2, 2)
	for _, want := range []string{"one · " + step1 + " over screen A", "key x", "two · " + step2 + " over screen B", "key y"} {
		expect(t, inner.got, want)
		p.mu.Lock()
		io.WriteString(terminal, "\x1b[H\x1b[2J"+p.model.View().Content)
		p.mu.Unlock()
	}
	<-done
	if !d.Finished() {
		t.Fatalf("the story did not finish: %v", d.Err())
	}
}
