package demo

import (
	"context"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// screenWatch keeps the last frame the program drew, as plain text, and
// wakes whoever waits for words to show on it.
type screenWatch struct {
	mu      sync.Mutex
	text    string
	changed chan struct{}
}

func newScreenWatch() *screenWatch { return &screenWatch{changed: make(chan struct{})} }

// publish records a frame; it runs on the program's goroutine, in View.
func (s *screenWatch) publish(frame string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if frame == s.text {
		return
	}
	s.text = frame
	close(s.changed)
	s.changed = make(chan struct{})
}

// current is the last frame and a channel closed when another comes.
func (s *screenWatch) current() (string, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text, s.changed
}

// shows reports whether the words are on the frame. A frame's styles
// are stripped, and the words may be wrapped: spaces match any run of
// white space, line breaks and the frame's padding included.
func shows(frame, words string) bool {
	return strings.Contains(squeeze(ansi.Strip(frame)), squeeze(words))
}

// squeeze puts one space wherever s has a run of white space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// waitFor returns once the words show, or with ctx's error. other is
// called with every change of frame, to drain the demo's controls while
// it waits.
func (s *screenWatch) waitFor(ctx context.Context, words string, other <-chan control, onControl func(control)) error {
	for {
		frame, changed := s.current()
		if shows(frame, words) {
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
