package cast

import (
	"errors"
	"io"
	"sync"
	"time"

	"github.com/mfapush/mfapush/internal/clock"
)

// Options describe a recording.
type Options struct {
	Width, Height int               // the terminal's size at the start
	Title         string            // shown by players
	Env           map[string]string // TERM and SHELL, as asciinema records them
	// IdleTimeLimit, when positive, asks players to shorten longer pauses.
	IdleTimeLimit time.Duration
	// Secrets are masked in the recording; nil masks nothing.
	Secrets *Secrets
	// Clock stamps the events; nil is the real clock.
	Clock clock.Clock
}

// Recorder writes what a program shows as an asciicast v2 recording, with
// secrets masked. It is safe for concurrent use.
type Recorder struct {
	mu     sync.Mutex
	out    *Writer
	clock  clock.Clock
	start  time.Time
	mask   *masker
	width  int
	height int
	err    error
	closed bool
}

// NewRecorder writes the header of a recording on out and returns the
// recorder of its events.
func NewRecorder(out io.Writer, o Options) (*Recorder, error) {
	if o.Width <= 0 || o.Height <= 0 {
		return nil, errors.New("cast: a recording needs the terminal's size")
	}
	c := o.Clock
	if c == nil {
		c = clock.Real
	}
	r := &Recorder{clock: c, start: c.Now(), width: o.Width, height: o.Height}
	h := Header{
		Width: o.Width, Height: o.Height, Timestamp: r.start.Unix(),
		IdleTimeLimit: o.IdleTimeLimit.Seconds(), Env: o.Env, Title: o.Title,
	}
	w, err := NewWriter(out, h)
	if err != nil {
		return nil, err
	}
	r.out = w
	r.mask = newMasker(o.Secrets, r.record)
	return r, nil
}

// record writes one piece the mask lets through; the lock is held.
func (r *Recorder) record(p piece) {
	if r.err != nil {
		return
	}
	e := Event{Time: max(p.at.Sub(r.start), 0), Kind: Output, Data: string(p.data)}
	if p.resize {
		e.Kind, e.Data = Resize, ResizeData(p.w, p.h)
	}
	r.err = r.out.WriteEvent(e)
}

// Write records p as output shown now. It never fails: an error writing
// the recording is kept for Close, so the program's output is never
// stopped by it.
func (r *Recorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || r.err != nil {
		return len(p), nil
	}
	r.mask.write(p, r.clock.Now())
	r.flush()
	return len(p), nil
}

// Resize records a new size of the terminal; the same size again records
// nothing.
func (r *Recorder) Resize(width, height int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed || r.err != nil || width <= 0 || height <= 0 || (width == r.width && height == r.height) {
		return
	}
	r.width, r.height = width, height
	r.mask.resize(width, height, r.clock.Now())
	r.flush()
}

func (r *Recorder) flush() {
	if r.err == nil {
		r.err = r.out.Flush()
	}
}

// Close writes what the mask still holds and returns the first error met
// writing the recording. It does not close the file.
func (r *Recorder) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.closed {
		r.closed = true
		r.mask.close()
		r.flush()
	}
	return r.err
}

// Tee returns a writer that writes to terminal first, then records what the
// terminal took: the terminal waits for nothing the recording does.
func (r *Recorder) Tee(terminal io.Writer) io.Writer { return &tee{terminal: terminal, rec: r} }

type tee struct {
	terminal io.Writer
	rec      *Recorder
}

func (t *tee) Write(p []byte) (int, error) {
	n, err := t.terminal.Write(p)
	if n > 0 {
		t.rec.Write(p[:n])
	}
	return n, err
}
