// Package play plays an asciicast recording through a terminal emulator,
// so that tests can read the screens it shows and pictures can be drawn
// from them.
package play

import (
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/vt"

	"github.com/mfapush/mfapush/internal/cast"
)

// Player replays one recording.
type Player struct {
	rec *cast.Recording
}

// Load reads and checks a recording.
func Load(r io.Reader) (*Player, error) {
	rec, err := cast.Read(r)
	if err != nil {
		return nil, err
	}
	return &Player{rec: rec}, nil
}

// Open loads the recording in the file at path.
func Open(path string) (*Player, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f)
}

// Recording is what the player plays.
func (p *Player) Recording() *cast.Recording { return p.rec }

// Duration is the time of the last event.
func (p *Player) Duration() time.Duration { return p.rec.Duration() }

// Screen is the text a terminal shows, one string a row, with the spaces
// at the end of each row cut.
type Screen struct {
	Lines []string
}

// String is the rows, one a line.
func (s Screen) String() string { return strings.Join(s.Lines, "\n") }

// Contains reports whether text shows on one row.
func (s Screen) Contains(text string) bool {
	for _, l := range s.Lines {
		if strings.Contains(l, text) {
			return true
		}
	}
	return false
}

// ScreenAt is the screen once every event up to t (included) is played.
func (p *Player) ScreenAt(t time.Duration) Screen {
	var s Screen
	p.Each(func(e cast.Event, term *vt.Emulator) bool {
		if e.Time > t {
			return false
		}
		s = screenOf(term)
		return true
	})
	if s.Lines == nil {
		s = Screen{Lines: make([]string, p.rec.Header.Height)}
	}
	return s
}

// Final is the screen at the end of the recording.
func (p *Player) Final() Screen { return p.ScreenAt(p.Duration()) }

// Screens are the distinct screens in the order they showed, each once
// in a row: the steps of the story a recording tells.
func (p *Player) Screens() []Screen {
	var out []Screen
	last := ""
	p.Each(func(_ cast.Event, term *vt.Emulator) bool {
		s := screenOf(term)
		if text := s.String(); text != last {
			out = append(out, s)
			last = text
		}
		return true
	})
	return out
}

// Each plays the events in order on a terminal of the recording's size,
// calling visit after each one with the terminal, until visit returns
// false. The terminal is valid during the call only.
func (p *Player) Each(visit func(e cast.Event, term *vt.Emulator) bool) {
	h := p.rec.Header
	term := NewTerminal(h.Width, h.Height)
	defer term.Close()
	for _, e := range p.rec.Events {
		switch e.Kind {
		case cast.Output:
			term.emu.WriteString(e.Data)
		case cast.Resize:
			w, h, _ := cast.ParseSize(e.Data) // checked by Read
			term.emu.Resize(w, h)
		default:
			continue // input and markers show nothing
		}
		if !visit(e, term.emu) {
			return
		}
	}
}

// Terminal is a terminal emulator a program's output can be written to
// as it comes, to read what the terminal shows. Its methods are not safe
// for concurrent use.
type Terminal struct {
	emu     *vt.Emulator
	drained chan struct{}
}

// NewTerminal is a terminal of that size; Close ends it.
func NewTerminal(width, height int) *Terminal {
	t := &Terminal{emu: vt.NewEmulator(width, height), drained: make(chan struct{})}
	// The terminal answers the program's queries on its input: read and
	// drop the answers, or it would block.
	go func() {
		io.Copy(io.Discard, t.emu)
		close(t.drained)
	}()
	return t
}

// Write plays the program's output.
func (t *Terminal) Write(p []byte) (int, error) { return t.emu.Write(p) }

// Resize gives the terminal another size.
func (t *Terminal) Resize(width, height int) { t.emu.Resize(width, height) }

// Screen is what the terminal shows.
func (t *Terminal) Screen() Screen { return screenOf(t.emu) }

// Close ends the terminal.
func (t *Terminal) Close() {
	// Ending the input, not the terminal: Close would race with the read
	// it ends (the emulator marks itself closed unguarded).
	if in, ok := t.emu.InputPipe().(io.Closer); ok {
		in.Close()
	}
	<-t.drained
}

func screenOf(term *vt.Emulator) Screen {
	lines := make([]string, term.Height())
	for y := range lines {
		var b strings.Builder
		for x := 0; x < term.Width(); x++ {
			c := term.CellAt(x, y)
			switch {
			case c == nil:
				b.WriteByte(' ')
			case c.Width == 0:
				// the second half of a wide character
			case c.Content == "":
				b.WriteByte(' ')
			default:
				b.WriteString(c.Content)
			}
		}
		lines[y] = strings.TrimRight(b.String(), " ")
	}
	return Screen{Lines: lines}
}
