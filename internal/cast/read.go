package cast

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// Recording is a parsed asciicast v2 file.
type Recording struct {
	Header Header
	Events []Event
}

// Duration is the time of the last event.
func (r *Recording) Duration() time.Duration {
	if len(r.Events) == 0 {
		return 0
	}
	return r.Events[len(r.Events)-1].Time
}

// maxLine bounds one line of a recording: a full repaint of a very large
// terminal is far under it.
const maxLine = 16 << 20

// Read parses and checks an asciicast v2 recording: a header with version
// 2 and a size, then events with known kinds, valid data and times that
// never go back. An error names the line at fault.
func Read(r io.Reader) (*Recording, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	rec := &Recording{}
	line := 0
	var last time.Duration
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			h, err := parseHeader(text)
			if err != nil {
				return nil, fmt.Errorf("line 1: %w", err)
			}
			rec.Header = h
			continue
		}
		if len(text) == 0 {
			continue
		}
		e, err := parseEvent(text)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if e.Time < last {
			return nil, fmt.Errorf("line %d: time %.6f goes back from %.6f", line, e.Time.Seconds(), last.Seconds())
		}
		last = e.Time
		rec.Events = append(rec.Events, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	if line == 0 {
		return nil, errors.New("empty: no header line")
	}
	return rec, nil
}

func parseHeader(text []byte) (Header, error) {
	var h Header
	dec := json.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(&h); err != nil {
		return h, fmt.Errorf("header: %w", err)
	}
	switch {
	case h.Version != Version:
		return h, fmt.Errorf("header: version %d, want %d", h.Version, Version)
	case h.Width <= 0 || h.Height <= 0:
		return h, fmt.Errorf("header: size %dx%d, want a positive width and height", h.Width, h.Height)
	case h.IdleTimeLimit < 0:
		return h, fmt.Errorf("header: negative idle_time_limit")
	}
	return h, nil
}

func parseEvent(text []byte) (Event, error) {
	var fields []json.RawMessage
	if err := json.Unmarshal(text, &fields); err != nil {
		return Event{}, fmt.Errorf("event: %w", err)
	}
	if len(fields) != 3 {
		return Event{}, fmt.Errorf("event: %d fields, want 3 (time, kind, data)", len(fields))
	}
	var seconds float64
	var e Event
	if err := json.Unmarshal(fields[0], &seconds); err != nil {
		return e, fmt.Errorf("event time: %w", err)
	}
	if seconds < 0 || math.IsNaN(seconds) || seconds > math.MaxInt64/float64(time.Second) {
		return e, fmt.Errorf("event time %v out of range", seconds)
	}
	e.Time = time.Duration(math.Round(seconds * float64(time.Second)))
	if err := json.Unmarshal(fields[1], &e.Kind); err != nil {
		return e, fmt.Errorf("event kind: %w", err)
	}
	if err := json.Unmarshal(fields[2], &e.Data); err != nil {
		return e, fmt.Errorf("event data: %w", err)
	}
	switch e.Kind {
	case Output, "i", "m":
	case Resize:
		if _, _, err := ParseSize(e.Data); err != nil {
			return e, err
		}
	default:
		return e, fmt.Errorf("event kind %q, want o, i, m or r", e.Kind)
	}
	return e, nil
}

// ParseSize reads the data of a resize event, "WxH".
func ParseSize(data string) (width, height int, err error) {
	w, h, ok := strings.Cut(data, "x")
	width, errW := strconv.Atoi(w)
	height, errH := strconv.Atoi(h)
	if !ok || errW != nil || errH != nil || width <= 0 || height <= 0 {
		return 0, 0, fmt.Errorf("resize %q, want WIDTHxHEIGHT", data)
	}
	return width, height, nil
}
