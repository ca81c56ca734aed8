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
	if t.lines == nil {
		t.lines = bufio.NewReader(t.in)
	}
	line, err := readLine(ctx, t.lines)
	if err != nil && line != "" {
		err = nil // the last line, without a line ending
	}
	return line, err
}

// ReadPassword turns echo off while the password is typed. Ctrl+C still
// sends SIGINT (only echo is off), which ends ctx: the terminal's state is
// then restored here, since the read that would restore it never returns.
func (t *ttyTerminal) ReadPassword(ctx context.Context, prompt string) (string, error) {
	fmt.Fprint(t.prompts, prompt)
	defer fmt.Fprintln(t.prompts) // the Enter the person typed was not echoed
	fd := t.in.Fd()
	state, err := term.GetState(fd)
	if err != nil {
		return "", err
	}
	type result struct {
		password []byte
		err      error
	}
	done := make(chan result, 1)
	go func() {
		p, err := term.ReadPassword(fd)
		done <- result{p, err}
	}()
	select {
	case res := <-done:
		if res.err == nil && len(res.password) == 0 {
			return "", nil
		}
		return string(res.password), res.err
	case <-ctx.Done():
		_ = term.Restore(fd, state)
		return "", ctx.Err()
	}
}
