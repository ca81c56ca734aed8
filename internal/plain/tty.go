package plain

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// OpenTerminal finds a terminal to ask on: stdin when it is one, else the
// process's controlling terminal (/dev/tty), so that `cmd | mfapush …` can
// still ask for a password. Prompts go to prompts (stderr), never to
// stdout, which may be a pipe. It returns nil when there is no terminal;
// close releases /dev/tty.
func OpenTerminal(stdin *os.File, prompts io.Writer) (t Terminal, close func() error) {
	if stdin != nil && term.IsTerminal(stdin.Fd()) {
		return &ttyTerminal{in: stdin, prompts: prompts}, func() error { return nil }
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, func() error { return nil }
	}
	return &ttyTerminal{in: tty, prompts: prompts}, tty.Close
}

type ttyTerminal struct {
	in      *os.File
	prompts io.Writer
	lines   *bufio.Reader
}

func (t *ttyTerminal) ReadLine(ctx context.Context, prompt string) (string, error) {
	fmt.Fprint(t.prompts, prompt)
	return t.readLine(ctx)
}

// ReadPassword reads a line with echo off. Ctrl+C still sends SIGINT (only
// echo is off), which ends ctx; Ctrl+D ends the input (io.EOF). The
// terminal's settings are restored here in every case, since the read that
// ctx abandons never returns.
func (t *ttyTerminal) ReadPassword(ctx context.Context, prompt string) (string, error) {
	fmt.Fprint(t.prompts, prompt)
	defer fmt.Fprintln(t.prompts) // the Enter the person typed was not echoed
	fd := t.in.Fd()
	state, err := term.GetState(fd)
	if err != nil {
		return "", err
	}
	defer term.Restore(fd, state) //nolint:errcheck // nothing better to do than carry on
	if err := echoOff(fd); err != nil {
		return "", err
	}
	return t.readLine(ctx)
}

// readLine reads the next line typed; the last one may lack its line ending.
func (t *ttyTerminal) readLine(ctx context.Context) (string, error) {
	if t.lines == nil {
		// A terminal gives one line per read: nothing typed after the
		// line is buffered here, out of reach of another reader.
		t.lines = bufio.NewReader(t.in)
	}
	line, err := readLine(ctx, t.lines)
	if err != nil && line != "" {
		err = nil // the last line, without a line ending
	}
	return line, err
}
