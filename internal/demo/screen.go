package demo

import (
	"context"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// screenWatch keeps the last frame the program drew, with how many of the
// script's keys the program had taken then, and wakes whoever waits for
// words to show on it.
type screenWatch struct {
	mu      sync.Mutex
	text    string
	keys    uint64
	changed chan struct{}
}

func newScreenWatch() *screenWatch { return &screenWatch{changed: make(chan struct{})} }

// publish records a frame drawn once the program had taken keys of the
// script's keys; it runs on the program's goroutine, in View.
func (s *screenWatch) publish(frame string, keys uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if frame == s.text && keys == s.keys {
		return
	}
	s.text, s.keys = frame, keys
	close(s.changed)
	s.changed = make(chan struct{})
}

// current is the last frame, the keys taken when it was drawn, and a
// channel closed when another comes.
func (s *screenWatch) current() (string, uint64, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text, s.keys, s.changed
}

// shows reports whether the words are on the frame. A frame's styles
// are stripped, and the words may be wrapped: spaces match any run of
// white space, line breaks and the frame's padding included.
func shows(frame, words string) bool {
	return strings.Contains(squeeze(ansi.Strip(frame)), squeeze(words))
}

// squeeze puts one space wherever s has a run of white space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// waitFor returns once the words show on a frame drawn after the program
// took the script's first keys keys (words the screen showed before the
// last key do not count), or with ctx's error. Meanwhile it hands the
// demo's controls to onControl.
func (s *screenWatch) waitFor(ctx context.Context, words string, keys uint64, other <-chan control, onControl func(control)) error {
	for {
		frame, taken, changed := s.current()
		if taken >= keys && shows(frame, words) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changed:
		case c := <-other:
			onControl(c)
		}
	}
}
