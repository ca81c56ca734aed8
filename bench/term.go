//go:build linux

package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// Terminal size of every measurement.
const (
	termWidth  = 100
	termHeight = 34
)

// ptyRun is a program running in a pseudo-terminal whose output feeds a
// terminal emulator. The emulator's answers to queries (background colour,
// device attributes, modes) go back to the program, as a real terminal's
// would, for mfapush and the baselines alike.
type ptyRun struct {
	cmd     *exec.Cmd
	pty     *os.File
	started time.Time
	home    string // removed by stop

	mu     sync.Mutex
	emu    *vt.Emulator
	bytes  atomic.Int64
	frames chan struct{} // a token after each chunk of output
	done   chan struct{} // closed when the output ends
}

// startPTY execs bin with args in a fresh pty of the measuring size, with
// env as its whole environment.
func startPTY(bin string, args, env []string) (*ptyRun, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	r := &ptyRun{cmd: cmd, emu: vt.NewEmulator(termWidth, termHeight),
		frames: make(chan struct{}, 1), done: make(chan struct{})}
	r.started = time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: termWidth, Rows: termHeight})
	if err != nil {
		return nil, err
	}
	r.pty = f
	go r.answer()
	go r.read()
	return r, nil
}

// read feeds the program's output to the emulator and counts its bytes.
func (r *ptyRun) read() {
	defer close(r.done)
	buf := make([]byte, 64<<10)
	for {
		n, err := r.pty.Read(buf)
		if n > 0 {
			r.bytes.Add(int64(n))
			r.mu.Lock()
			r.emu.Write(buf[:n])
			r.mu.Unlock()
			select {
			case r.frames <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// answer copies the emulator's replies to the program's input.
func (r *ptyRun) answer() {
	buf := make([]byte, 4096)
	for {
		n, err := r.emu.Read(buf)
		if n > 0 {
			r.pty.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// screen is the emulator's text.
func (r *ptyRun) screen() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.emu.String()
}

// waitFor waits until the screen shows want and returns when it did.
func (r *ptyRun) waitFor(want string, timeout time.Duration) (time.Time, error) {
	return waitScreen(r.screen, r.frames, r.done, want, timeout)
}

// waitScreen checks screen after each token of changed until it shows
// want, or done is closed, or the time is out.
func waitScreen(screen func() string, changed, done <-chan struct{}, want string, timeout time.Duration) (time.Time, error) {
	deadline := time.After(timeout)
	for {
		if strings.Contains(screen(), want) {
			return time.Now(), nil
		}
		select {
		case <-changed:
		case <-done:
			if strings.Contains(screen(), want) {
				return time.Now(), nil
			}
			return time.Time{}, errors.New("the program ended before showing " + quote(want) + "; screen:\n" + screen())
		case <-deadline:
			return time.Time{}, errors.New("the screen never showed " + quote(want) + "; it shows:\n" + screen())
		}
	}
}

// startIn starts bin in a pty with a fresh empty home, removed by stop.
func startIn(bin string, args, extraEnv []string) (*ptyRun, error) {
	home, err := os.MkdirTemp("", "mfapush-bench-home-")
	if err != nil {
		return nil, err
	}
	r, err := startPTY(bin, args, append(cleanEnv(home), extraEnv...))
	if err != nil {
		os.RemoveAll(home)
		return nil, err
	}
	r.home = home
	return r, nil
}

// send types s as if on the keyboard.
func (r *ptyRun) send(s string) { io.WriteString(r.pty, s) }

// stop ends the program: Ctrl+C, then a kill if it lingers. It returns
// the child's CPU time.
func (r *ptyRun) stop() time.Duration {
	r.send("\x03")
	exited := make(chan struct{})
	go func() {
		r.cmd.Wait()
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(3 * time.Second):
		r.cmd.Process.Kill()
		<-exited
	}
	r.pty.Close()
	r.emu.Close()
	<-r.done
	if r.home != "" {
		os.RemoveAll(r.home)
	}
	if st := r.cmd.ProcessState; st != nil {
		return st.UserTime() + st.SystemTime()
	}
	return 0
}

func quote(s string) string { return "\"" + s + "\"" }
