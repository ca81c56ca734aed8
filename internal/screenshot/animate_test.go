package screenshot

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/cast/play"
)

func animate(t *testing.T, recording string) (string, AnimationStats) {
	t.Helper()
	p, err := play.Load(strings.NewReader(recording))
	if err != nil {
		t.Fatal(err)
	}
	svg, stats, err := Animate(p, Animation{Theme: Dark})
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
	}
	return string(svg), stats
}

// The picture starts at the first screen that shows something and ends on
// the last; a burst shows as its last screen, a long pause is cut to two
// seconds, and the last screen stays three before the loop.
func TestAnimateTimeline(t *testing.T) {
	svg, stats := animate(t, `{"version": 2, "width": 20, "height": 3}
[0.0, "o", "\u001b[?1049h"]
[1.0, "o", "\u001b[1;1Hhello\u001b[2;1Hstatic"]
[1.01, "o", "\u001b[1;1Hhallo"]
[1.02, "o", "\u001b[1;1Hhullo"]
[31.0, "o", "\u001b[1;1Hbye  "]
[32.0, "o", "\u001b[2J\u001b[?1049l"]
`)
	want := AnimationStats{Frames: 3, Rows: 4, Duration: 5050 * time.Millisecond}
	if stats != want {
		t.Errorf("stats %+v, want %+v", stats, want)
	}
	for _, s := range []string{
		"animation:5.05s step-end infinite",
		// hello shows first, hullo (not hallo) at 50ms, bye at 2.05s.
		"@keyframes k0{0%{visibility:visible}0.99%{visibility:hidden}}",
		"@keyframes k1{0%{visibility:hidden}0.99%{visibility:visible}40.594%{visibility:hidden}}",
		"@keyframes k2{0%{visibility:hidden}40.594%{visibility:visible}}",
	} {
		if !strings.Contains(svg, s) {
			t.Errorf("the picture lacks %q:\n%s", s, svg)
		}
	}
	if strings.Contains(svg, "hallo") {
		t.Error("a screen of a burst was drawn")
	}
	// The row that never changes shows all along, with no animation.
	if !regexp.MustCompile(`<use href="#r\d+" y="30"/>`).MatchString(svg) {
		t.Errorf("the static row is animated:\n%s", svg)
	}
}

// A row drawn at two places, or again later, is defined once; a piece
// that recurs in rows that differ elsewhere is too.
func TestAnimateDrawsEachRowOnce(t *testing.T) {
	svg, stats := animate(t, `{"version": 2, "width": 50, "height": 4}
[0.0, "o", "\u001b[1;1Hsame row\u001b[2;1Hsame row\u001b[3;1Hcountdown 5s \u001b[1mthe long rest of the line"]
[1.0, "o", "\u001b[3;11H4"]
`)
	if stats.Rows != 3 {
		t.Errorf("%d distinct rows, want 3 (same row, and the countdown at 5 and 4)", stats.Rows)
	}
	if n := strings.Count(svg, ">same row"); n != 1 {
		t.Errorf("the repeated row is drawn %d times", n)
	}
	if n := strings.Count(svg, ">the long rest of the line"); n != 1 {
		t.Errorf("the piece both countdown rows share is drawn %d times", n)
	}
}

func TestAnimateABlankRecording(t *testing.T) {
	p, _ := play.Load(strings.NewReader(`{"version": 2, "width": 20, "height": 3}` + "\n[0.5, \"o\", \"\\u001b[2J\"]\n"))
	if _, _, err := Animate(p, Animation{}); err == nil {
		t.Error("a picture of nothing was drawn")
	}
}
