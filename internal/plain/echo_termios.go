//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package plain

import "github.com/charmbracelet/x/termios"

// echoOff turns the terminal's echo off, and keeps what a line prompt
// needs: line editing, Ctrl+C and Ctrl+D, Enter as a line ending. (The
// terminal package's ReadPassword does the same but spins forever on
// Ctrl+D, which a read of the terminal's file answers with io.EOF.)
func echoOff(fd uintptr) error {
	now, err := termios.GetTermios(int(fd))
	if err != nil {
		return err
	}
	return termios.SetTermios(int(fd), uint32(now.Ispeed), uint32(now.Ospeed), nil, //nolint:gosec // the speeds it has
		map[termios.I]bool{termios.ICRNL: true}, nil, nil,
		map[termios.L]bool{termios.ECHO: false, termios.ICANON: true, termios.ISIG: true})
}
