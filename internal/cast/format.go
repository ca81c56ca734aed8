package cast

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Version is the asciicast version this package writes and reads.
const Version = 2

// Header is the first line of an asciicast v2 file.
type Header struct {
	Version   int   `json:"version"`
	Width     int   `json:"width"`
	Height    int   `json:"height"`
	Timestamp int64 `json:"timestamp,omitempty"` // Unix seconds of the start
	// IdleTimeLimit, when set, tells players to shorten pauses to at most
	// that many seconds.
	IdleTimeLimit float64           `json:"idle_time_limit,omitempty"`
	Env           map[string]string `json:"env,omitempty"` // TERM and SHELL
	Title         string            `json:"title,omitempty"`
}

// Event kinds.
const (
	Output = "o" // Data is what was written to the terminal
	Resize = "r" // Data is the new size, "WxH"
)

// Event is one line after the header.
type Event struct {
	Time time.Duration // since the start of the recording
	Kind string        // Output or Resize
	Data string
}

// ResizeData is the Data of a resize to width×height.
func ResizeData(width, height int) string { return fmt.Sprintf("%dx%d", width, height) }

// Writer writes an asciicast v2 file, one line at a time.
type Writer struct {
	w    *bufio.Writer
	last time.Duration
}

// NewWriter writes h as the header line of a recording on w.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	h.Version = Version
	line, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	cw := &Writer{w: bufio.NewWriter(w)}
	cw.w.Write(line)
	cw.w.WriteByte('\n')
	return cw, cw.w.Flush()
}

// WriteEvent appends e. Times never go back: an event stamped before the
// last one is written at the last one's time, so the file stays in order.
func (cw *Writer) WriteEvent(e Event) error {
	if e.Time < cw.last {
		e.Time = cw.last
	}
	cw.last = e.Time
	data, err := marshalString(e.Data)
	if err != nil {
		return err
	}
	kind, _ := marshalString(e.Kind)
	cw.w.WriteByte('[')
	cw.w.WriteString(strconv.FormatFloat(e.Time.Seconds(), 'f', 6, 64))
	cw.w.WriteString(", ")
	cw.w.Write(kind)
	cw.w.WriteString(", ")
	cw.w.Write(data)
	cw.w.WriteString("]\n")
	return nil
}

// Flush writes what is buffered to the underlying writer.
func (cw *Writer) Flush() error { return cw.w.Flush() }

// marshalString encodes s as a JSON string without escaping <, > and &:
// terminal output is full of them. Invalid UTF-8 becomes U+FFFD, as
// asciinema's own recorder does.
func marshalString(s string) ([]byte, error) {
	var b jsonBuffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return b.bytes[:len(b.bytes)-1], nil // Encode ends with a newline
}

type jsonBuffer struct{ bytes []byte }

func (b *jsonBuffer) Write(p []byte) (int, error) {
	b.bytes = append(b.bytes, p...)
	return len(p), nil
}
