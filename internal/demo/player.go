package demo

import (
	"context"
	"fmt"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/internal/cast/play"
	"github.com/mfapush/mfapush/internal/clock"
	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/ui"
)

// Options configure a demo.
type Options struct {
	// Speed divides every pause of the script: 4 plays four times
	// faster. Waits for the sandbox and the phone are as long as they take.
	Speed   float64
	Catalog *i18n.Catalog
	World   World
	// Clock times the pauses; nil is the real clock.
	Clock clock.Clock
	// ScreenTimeout bounds each wait for words on screen, in real time;
	// 0 is a minute.
	ScreenTimeout time.Duration
	// Steps is the script; nil is Story().
	Steps []Step
	// Paused starts the demo paused: --loop's next story, when the last
	// one ended paused.
	Paused bool
}

// typingPause is the time between two keys typed, at speed 1.
const typingPause = 70 * time.Millisecond

// Demo is one run of the script beside one program.
type Demo struct {
	opts  Options
	model *Model

	paused  bool
	allowed bool   // paused, but a step was asked for: it plays, then pauses
	step    int    // the step playing, from 0
	keys    uint64 // the keys sent
}

// New prepares a demo that drives the interface's model inner; run the
// program with Model() and play the script with Play.
func New(inner tea.Model, o Options) *Demo {
	if o.Speed <= 0 {
		o.Speed = 1
	}
	if o.Clock == nil {
		o.Clock = clock.Real
	}
	if o.ScreenTimeout <= 0 {
		o.ScreenTimeout = time.Minute
	}
	if o.Steps == nil {
		o.Steps = Story()
	}
	return &Demo{opts: o, paused: o.Paused, model: &Model{inner: inner, watch: newScreenWatch(), controls: make(chan control, 4)}}
}

// Output is w, the program's output, also played on a terminal of the
// demo's own, width×height until the program says its window's size: the
// script then moves on from a screen it waited for, or a step's caption,
// only once the terminal has shown it. Close the demo once the program
// has ended.
func (d *Demo) Output(w io.Writer, width, height int) io.Writer {
	d.model.shown = &terminalWatch{out: w, term: play.NewTerminal(width, height), watch: newScreenWatch()}
	return d.model.shown
}

// Close ends the terminal of Output, if there is one.
func (d *Demo) Close() {
	if d.model.shown != nil {
		d.model.shown.close()
	}
}

// Model is the model to run the program with.
func (d *Demo) Model() tea.Model { return d.model }

// Play runs the script, sending the program its keys and captions, then
// asks it to end. It returns when the script is done, fails, or ctx ends
// (the program ended first).
func (d *Demo) Play(ctx context.Context, send func(tea.Msg)) {
	err := d.play(ctx, send)
	if ctx.Err() == nil {
		send(endMsg{err: err})
	}
}

func (d *Demo) play(ctx context.Context, send func(tea.Msg)) error {
	for i, s := range d.opts.Steps {
		if err := d.beginStep(ctx, send, i); err != nil {
			return err
		}
		for _, a := range s.Actions {
			if err := d.gate(ctx, send); err != nil {
				return err
			}
			if err := d.do(ctx, send, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// caption is the step's caption, with the note of where the story is.
func (d *Demo) caption(s Step) ui.CaptionMsg {
	t := d.opts.Catalog.Demo
	note := fmt.Sprintf(t.Step, d.step+1, len(d.opts.Steps))
	if d.paused {
		note = t.Paused
	}
	return ui.CaptionMsg{Text: s.Caption(d.opts.Catalog), Note: note, Keys: t.Keys}
}

// beginStep makes step i the one playing: it ends the one step a paused
// demo was allowed and captions step i at once, paused or not, since the
// screen step i starts on is already shown (the last step waited for it).
// Then it waits while the demo is paused.
func (d *Demo) beginStep(ctx context.Context, send func(tea.Msg), i int) error {
	d.step, d.allowed = i, false
	caption := d.caption(d.opts.Steps[i])
	send(caption)
	if err := d.waitShown(ctx, send, caption.Text, 0, d.terminal()); err != nil {
		return err
	}
	return d.gate(ctx, send)
}

// gate waits while the demo is paused and no step was asked for.
func (d *Demo) gate(ctx context.Context, send func(tea.Msg)) error {
	for d.paused && !d.allowed {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case c := <-d.model.controls:
			d.apply(c, send)
		}
	}
	return nil
}

// apply carries out a control: pause or resume, or the next step (which
// also cuts a pause of the script short).
func (d *Demo) apply(c control, send func(tea.Msg)) {
	switch c {
	case togglePause:
		// A step allowed before (→ while playing) must not carry the
		// pause past the next action.
		d.paused, d.allowed = !d.paused, false
	case nextStep:
		d.allowed = true
	}
	send(d.caption(d.opts.Steps[d.step]))
}

func (d *Demo) do(ctx context.Context, send func(tea.Msg), a Action) error {
	switch {
	case a.Press != nil:
		for _, k := range a.Press {
			d.keys++
			send(scriptKeyMsg{key: keyPress(k)})
		}
	case a.Type != nil:
		text, err := a.Type(d.opts.World)
		if err != nil {
			return err
		}
		for _, r := range text {
			d.keys++
			send(scriptKeyMsg{key: tea.KeyPressMsg{Code: r, Text: string(r)}})
			if err := d.pause(ctx, send, typingPause); err != nil {
				return err
			}
		}
	case a.WaitFor != nil:
		return d.waitShown(ctx, send, a.WaitFor(d.opts.Catalog), d.keys, d.model.watch, d.terminal())
	case a.Hold > 0:
		return d.pause(ctx, send, a.Hold)
	}
	return nil
}

// waitShown waits until the words show on each watch in turn (nil ones
// left out), on a frame drawn after the program took the script's first
// keys keys.
func (d *Demo) waitShown(ctx context.Context, send func(tea.Msg), words string, keys uint64, watches ...*screenWatch) error {
	wctx, cancel := context.WithTimeout(ctx, d.opts.ScreenTimeout)
	defer cancel()
	for _, w := range watches {
		if w == nil {
			continue
		}
		err := w.waitFor(wctx, words, keys, d.model.controls, func(c control) { d.apply(c, send) })
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf(d.opts.Catalog.Demo.Stuck, words, d.opts.ScreenTimeout)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// terminal is what the terminal of Output shows, nil without one.
func (d *Demo) terminal() *screenWatch {
	if d.model.shown == nil {
		return nil
	}
	return d.model.shown.watch
}

// pause holds the screen d at speed 1. The next step's key cuts it short;
// pausing the demo stops it until the demo resumes.
func (d *Demo) pause(ctx context.Context, send func(tea.Msg), length time.Duration) error {
	done := d.opts.Clock.After(time.Duration(float64(length) / d.opts.Speed))
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-done:
			return d.gate(ctx, send)
		case c := <-d.model.controls:
			d.apply(c, send)
			if c == nextStep {
				return nil
			}
		}
	}
}

// ExitCode is the program's exit status once it ended, from the table of
// package exitcode: 0 when the story played to its end, 1 when it could
// not go on, 2 when q stopped it before its end, 130 after ctrl+c.
func (d *Demo) ExitCode() int {
	switch d.model.quit {
	case ended:
		if d.model.err != nil {
			return exitcode.Error
		}
		return exitcode.OK
	case interrupted:
		return exitcode.Interrupted
	}
	return exitcode.Cancelled
}

// Paused reports whether the demo was paused when it ended; read it once
// Play has returned.
func (d *Demo) Paused() bool { return d.paused }

// Err is why the story could not go on, if it could not.
func (d *Demo) Err() error { return d.model.err }

// Finished reports whether the story played to its end.
func (d *Demo) Finished() bool { return d.model.quit == ended && d.model.err == nil }

// keyPress is the message Bubble Tea gives for the key of that name.
func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}
