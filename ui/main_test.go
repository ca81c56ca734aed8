package ui

import (
	"testing"

	"go.uber.org/goleak"
)

// goleak: leaving any screen, or the program, stops its polling and timers.
// The one exception is bubbles' cursor blink, a command that ends by itself
// within the blink interval (530 ms) after the program: it cannot be
// cancelled from outside, and it holds nothing of ours. When it ran in a
// batch, Bubble Tea's goroutine for the batch waits on it too: that one is
// ignored as well, which hides nothing, since any other command the batch
// still waits on has a goroutine of its own that goleak reports.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		goleak.IgnoreTopFunction("charm.land/bubbles/v2/cursor.(*Model).Blink.func1"),
		goleak.IgnoreAnyFunction("charm.land/bubbletea/v2.(*Program).execBatchMsg"))
}
