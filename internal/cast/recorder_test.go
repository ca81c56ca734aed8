package cast

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/mfapush/mfapush/internal/clock"
)

var start = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)

// record runs a short session through a Recorder on a manual clock.
func record(t *testing.T) []byte {
	t.Helper()
	var out bytes.Buffer
	clk := clock.NewManual(start)
	s := NewSecrets()
	s.AddToken(mfaToken)
	rec, err := NewRecorder(&out, Options{
		Width: 40, Height: 5, Title: "mfapush", Clock: clk, Secrets: s,
		Env: map[string]string{"TERM": "xterm-256color", "SHELL": "/bin/bash"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var terminal bytes.Buffer
	w := rec.Tee(&terminal)
	w.Write([]byte("\x1b[?1049h\x1b[1;1HSigning in…"))
	clk.Advance(250 * time.Millisecond)
	w.Write([]byte("\x1b[2;1Hmfa_token \x1b[1m" + mfaToken[:6]))
	clk.Advance(50 * time.Millisecond)
	rec.Resize(40, 5) // the same size: nothing
	rec.Resize(60, 8)
	w.Write([]byte(mfaToken[6:] + "\x1b[m <ok>"))
	clk.Advance(1500 * time.Millisecond)
	w.Write([]byte("\x1b[3;1H\"quoted\" & \\ \t\x1b[?1049l"))
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	rec.Write([]byte("after the end")) // ignored
	if !strings.Contains(terminal.String(), mfaToken) {
		t.Error("the terminal did not get the output as it was")
	}
	return out.Bytes()
}

func TestRecordingGolden(t *testing.T) {
	golden.RequireEqual(t, record(t))
}

func TestRecordingReadsBack(t *testing.T) {
	data := record(t)
	if bytes.Contains(data, []byte(mfaToken[:MinFragment])) || bytes.Contains(data, []byte(mfaToken[6:6+MinFragment])) {
		t.Fatalf("the token is in the recording:\n%s", data)
	}
	rec, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	h := rec.Header
	if h.Version != 2 || h.Width != 40 || h.Height != 5 || h.Timestamp != start.Unix() || h.Env["TERM"] != "xterm-256color" || h.Title != "mfapush" {
		t.Errorf("header %+v", h)
	}
	var kinds, times []string
	for _, e := range rec.Events {
		kinds = append(kinds, e.Kind)
		times = append(times, e.Time.String())
	}
	// The token's start was held back until the rest came, after the
	// resize, and kept the time it was written at.
	if got, want := strings.Join(kinds, " "), "o o o r o o"; got != want {
		t.Errorf("events %q, want %q", got, want)
	}
	if got, want := strings.Join(times, " "), "0s 250ms 250ms 300ms 300ms 1.8s"; got != want {
		t.Errorf("times %q, want %q", got, want)
	}
	if rec.Events[3].Data != "60x8" {
		t.Errorf("resize %q", rec.Events[3].Data)
	}
	if got := rec.Events[2].Data + rec.Events[4].Data; !strings.Contains(got, strings.Repeat(MaskGlyph, len(mfaToken))) {
		t.Errorf("the token is not masked whole: %q", got)
	}
	if rec.Duration() != 1800*time.Millisecond {
		t.Errorf("duration %v", rec.Duration())
	}
}

func TestReadRefusesBrokenRecordings(t *testing.T) {
	const header = `{"version": 2, "width": 80, "height": 24}` + "\n"
	for name, tc := range map[string]struct{ in, want string }{
		"empty":          {"", "no header"},
		"not JSON":       {"hello\n", "line 1: header"},
		"version 1":      {`{"version": 1, "width": 80, "height": 24}` + "\n", "version 1, want 2"},
		"no size":        {`{"version": 2}` + "\n", "size 0x0"},
		"time goes back": {header + `[1.5, "o", "a"]` + "\n" + `[1.2, "o", "b"]` + "\n", "line 3: time 1.200000 goes back"},
		"two fields":     {header + `[1.5, "o"]` + "\n", "line 2: event: 2 fields"},
		"unknown kind":   {header + `[1.5, "z", "a"]` + "\n", `kind "z"`},
		"bad resize":     {header + `[1.5, "r", "80by24"]` + "\n", `resize "80by24"`},
		"negative time":  {header + `[-1, "o", "a"]` + "\n", "out of range"},
		"data not text":  {header + `[1, "o", 5]` + "\n", "event data"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

func TestRecorderNeedsASize(t *testing.T) {
	if _, err := NewRecorder(new(bytes.Buffer), Options{}); err == nil {
		t.Error("a recording without a size was started")
	}
}
