package ui

import (
	"testing"

	"go.uber.org/goleak"
)

// goleak: leaving any screen, or the program, stops its polling and timers.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
