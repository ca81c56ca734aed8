//go:build linux

package main

import (
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
)

// vterm is an in-process virtual terminal for a tea.Program's output,
// which tells a waiter each time the program draws.
type vterm struct {
	mu     sync.Mutex
	emu    *vt.Emulator
	writes chan struct{}
}

func newVterm(w, h int) *vterm {
	t := &vterm{emu: vt.NewEmulator(w, h), writes: make(chan struct{}, 1)}
	// Output that is not a terminal is drawn as if the line discipline
	// turned LF into CR LF (ONLCR), so the emulator must do the same (LNM).
	t.emu.Write([]byte("\x1b[20h"))
	return t
}

func (t *vterm) Write(p []byte) (int, error) {
	t.mu.Lock()
	n, err := t.emu.Write(p)
	t.mu.Unlock()
	select {
	case t.writes <- struct{}{}:
	default:
	}
	return n, err
}

func (t *vterm) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// waitFor returns the time the screen first showed want, checked after
// every write.
func (t *vterm) waitFor(want string, timeout time.Duration) (time.Time, error) {
	return waitScreen(t.String, t.writes, nil, want, timeout)
}
