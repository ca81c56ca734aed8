package ui

import (
	"testing"

	"go.uber.org/goleak"
)

// goleak: leaving any screen, or the program, stops its polling and timers.
// The one exception is bubbles' cursor blink, a command that ends by itself
// within the blink interval (530 ms) after the program: it cannot be
// cancelled from outside, and it holds nothing of ours.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction("charm.land/bubbles/v2/cursor.(*Model).Blink.func1"))
}
