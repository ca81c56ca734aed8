//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package plain

import "errors"

// echoOff is not known here: better no prompt than a password on screen.
func echoOff(uintptr) error {
	return errors.New("cannot turn the terminal's echo off on this system: use --password-stdin")
}
