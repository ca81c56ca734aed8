//go:build linux

package main

import (
	"fmt"
	"time"
)

// First complete frame: the text each program shows last in its first
// frame. mfapush's home screen is complete when the footer's help line is
// drawn, which comes after the menu, the demo users and the phone panel.
const (
	mfapushHomeDone = "? more keys"
	minimalDone     = "q quit"
)

// firstFrame is the time from exec to the first complete frame of bin.
func firstFrame(bin, done string) (time.Duration, error) {
	r, err := startIn(bin, nil, nil)
	if err != nil {
		return 0, err
	}
	defer r.stop()
	at, err := r.waitFor(done, 20*time.Second)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", bin, err)
	}
	return at.Sub(r.started), nil
}
