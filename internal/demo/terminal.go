package demo

import (
	"io"
	"math"
	"sync"

	"github.com/mfapush/mfapush/internal/cast/play"
)

// terminalWatch plays the program's output on a terminal of the demo's
// own and keeps what that terminal shows. The program draws a frame for
// every message but writes to the terminal at its frame rate, the latest
// frame only: a screen or a caption the script moves on from before the
// next write never reaches the terminal, or a recording. Waiting on this
// watch, the script moves on once the terminal has shown it, however
// fast it plays and however loaded the machine is.
type terminalWatch struct {
	out   io.Writer
	mu    sync.Mutex
	term  *play.Terminal
	watch *screenWatch
}

// Write sends the output on, and shows it on the demo's terminal; it runs
// on the program's renderer.
func (t *terminalWatch) Write(p []byte) (int, error) {
	n, err := t.out.Write(p)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.term.Write(p)
	// Which of the script's keys the frame followed, the model's frames
	// tell: the terminal's frame counts as after them all.
	t.watch.publish(t.term.Screen().String(), math.MaxUint64)
	return n, err
}

// resize follows the program's window.
func (t *terminalWatch) resize(width, height int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.term.Resize(width, height)
}

func (t *terminalWatch) close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.term.Close()
}
