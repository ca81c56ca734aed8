package screenshot

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/vt"

	"github.com/mfapush/mfapush/internal/cast"
	"github.com/mfapush/mfapush/internal/cast/play"
)

// Animation says how a recording becomes an animated picture.
type Animation struct {
	Theme Theme // zero: Dark
	// MaxIdle is the longest a screen stays before the next one: longer
	// pauses of the recording are cut to it. Zero means 2s.
	MaxIdle time.Duration
	// FrameInterval is the shortest time between two frames: the screens of
	// a faster burst show as the last of each interval. Zero means 50ms.
	FrameInterval time.Duration
	// Hold is how long the last screen stays before the picture loops.
	// Zero means 3s.
	Hold time.Duration
}

// AnimationStats tell what a picture holds.
type AnimationStats struct {
	Frames   int           // screens shown, after merging and cutting
	Rows     int           // distinct rows drawn, each once
	Duration time.Duration // of one loop
}

// frame is one screen of the picture: the drawing of each row, and when
// it shows.
type frame struct {
	at   time.Duration
	rows []string
}

// Animate draws the recording p plays as an animated SVG that loops: each
// distinct row is drawn once, and shown at its place while it is on
// screen, with CSS animations (which pictures in a README play).
func Animate(p *play.Player, o Animation) ([]byte, AnimationStats, error) {
	if o.Theme.Foreground == nil || o.Theme.Background == nil {
		o.Theme = Dark
	}
	if o.MaxIdle <= 0 {
		o.MaxIdle = 2 * time.Second
	}
	if o.FrameInterval <= 0 {
		o.FrameInterval = 50 * time.Millisecond
	}
	if o.Hold <= 0 {
		o.Hold = 3 * time.Second
	}
	frames, cols, rows := screens(p, o.Theme)
	// A program that quits gives back a blank screen: the picture ends on
	// the last one that showed something.
	for len(frames) > 0 && blank(frames[len(frames)-1]) {
		frames = frames[:len(frames)-1]
	}
	if len(frames) == 0 {
		return nil, AnimationStats{}, errors.New("the recording shows nothing")
	}
	frames = retime(frames, o.MaxIdle, o.FrameInterval)
	total := frames[len(frames)-1].at + o.Hold
	svg, distinct := drawAnimation(frames, cols, rows, total, o.Theme)
	return svg, AnimationStats{Frames: len(frames), Rows: distinct, Duration: total}, nil
}

// screens replays the recording and draws each screen that differs from
// the one before it, from the first that is not blank, row by row, with
// rows' tops at 0. It returns the
// largest size the terminal had.
func screens(p *play.Player, theme Theme) (frames []frame, cols, rows int) {
	var last string
	p.Each(func(e cast.Event, term *vt.Emulator) bool {
		cols, rows = max(cols, term.Width()), max(rows, term.Height())
		drawn := make([]string, term.Height())
		for y := range drawn {
			var b strings.Builder
			drawRow(&b, term, y, term.Width(), 0, theme)
			drawn[y] = b.String()
		}
		key := strings.Join(drawn, "\x00")
		if len(frames) == 0 && blank(frame{rows: drawn}) {
			return true // the picture starts at the first screen that shows something
		}
		if key != last {
			frames = append(frames, frame{at: e.Time, rows: drawn})
			last = key
		}
		return true
	})
	return frames, cols, rows
}

// retime starts the picture at the first screen, cuts pauses to maxIdle,
// and puts frames on a grid of interval, the last screen of each interval
// standing for it.
func retime(frames []frame, maxIdle, interval time.Duration) []frame {
	var out []frame
	var shown time.Duration
	for i, f := range frames {
		if i > 0 {
			shown += min(f.at-frames[i-1].at, maxIdle)
		}
		slot := (shown + interval - 1) / interval * interval
		if n := len(out); n > 0 && out[n-1].at == slot {
			out[n-1].rows = f.rows
			continue
		}
		out = append(out, frame{at: slot, rows: f.rows})
	}
	return out
}

// window is a time a row shows at its place, [from, to).
type window struct{ from, to time.Duration }

// placed is one distinct row at one place, and the times it shows there.
type placed struct {
	row     int // index in the distinct rows
	y       int
	windows []window
}

func drawAnimation(frames []frame, cols, rows int, total time.Duration, theme Theme) ([]byte, int) {
	// Each row's runs of frames with the same drawing, as windows.
	ids := map[string]int{}
	var distinct []string
	byPlace := map[[2]int]*placed{}
	var order []*placed
	for y := range rows {
		for i := 0; i < len(frames); {
			drawing := rowOf(frames[i], y)
			j := i + 1
			for j < len(frames) && rowOf(frames[j], y) == drawing {
				j++
			}
			if drawing != "" {
				id, ok := ids[drawing]
				if !ok {
					id = len(distinct)
					ids[drawing] = id
					distinct = append(distinct, drawing)
				}
				end := total
				if j < len(frames) {
					end = frames[j].at
				}
				key := [2]int{id, y}
				pl := byPlace[key]
				if pl == nil {
					pl = &placed{row: id, y: y}
					byPlace[key] = pl
					order = append(order, pl)
				}
				pl.windows = append(pl.windows, window{frames[i].at, end})
			}
			i = j
		}
	}

	var b strings.Builder
	width, height := float64(cols)*cellW+2*padding, float64(rows)*cellH+2*padding
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f">`+"\n", width, height, width, height)
	// Rows hidden but while their keyframes show them; the keyframes of
	// the same windows are shared.
	// The rows are drawn where they are used, which is not inside an
	// xml:space element: their spaces are kept by white-space instead.
	fmt.Fprintf(&b, "<style>\ntext{white-space:pre}\n.a{visibility:hidden;animation:%ss step-end infinite}\n", seconds(total))
	classes := map[string]string{}
	classOf := make([]string, len(order))
	for i, pl := range order {
		if len(pl.windows) == 1 && pl.windows[0] == (window{0, total}) {
			continue // shown all along
		}
		frames := keyframes(pl.windows, total)
		name, ok := classes[frames]
		if !ok {
			name = "k" + strconv.Itoa(len(classes))
			classes[frames] = name
			fmt.Fprintf(&b, ".%s{animation-name:%s}@keyframes %s{%s}\n", name, name, name, frames)
		}
		classOf[i] = name
	}
	b.WriteString("</style>\n")
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" rx="8" fill="%s"/>`+"\n", hex(theme.Background))
	b.WriteString("<defs xml:space=\"preserve\">\n")
	writeRows(&b, distinct)
	b.WriteString("</defs>\n")
	fmt.Fprintf(&b, `<g font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace" font-size="%.0f">`+"\n", fontSize)
	for i, pl := range order {
		class := ""
		if classOf[i] != "" {
			class = ` class="a ` + classOf[i] + `"`
		}
		fmt.Fprintf(&b, `<use href="#r%d" y="%s"%s/>`+"\n", pl.row, trim(padding+float64(pl.y)*cellH, 1), class)
	}
	b.WriteString("</g>\n</svg>\n")
	return []byte(b.String()), len(distinct)
}

// minShared is the shortest drawing of a rectangle or a run of text that
// is drawn once and used where it recurs: a use costs about 20 bytes.
const minShared = 32

// writeRows defines each distinct row, and each piece (a line of its
// drawing: a rectangle or a run of text) that recurs in rows once, so that
// a row that changes in one place, a countdown, repeats none of the rest.
func writeRows(b *strings.Builder, distinct []string) {
	count := map[string]int{}
	for _, row := range distinct {
		for _, piece := range strings.SplitAfter(row, "\n") {
			count[piece]++
		}
	}
	shared := map[string]int{}
	for _, row := range distinct {
		for _, piece := range strings.SplitAfter(row, "\n") {
			if _, ok := shared[piece]; !ok && count[piece] > 1 && len(piece) >= minShared {
				shared[piece] = len(shared)
				tag, rest, _ := strings.Cut(piece, " ")
				fmt.Fprintf(b, "%s id=\"e%d\" %s", tag, shared[piece], rest)
			}
		}
	}
	for id, row := range distinct {
		fmt.Fprintf(b, "<g id=\"r%d\">\n", id)
		for _, piece := range strings.SplitAfter(row, "\n") {
			if e, ok := shared[piece]; ok {
				fmt.Fprintf(b, "<use href=\"#e%d\"/>\n", e)
			} else {
				b.WriteString(piece)
			}
		}
		b.WriteString("</g>\n")
	}
}

func blank(f frame) bool {
	for _, r := range f.rows {
		if r != "" {
			return false
		}
	}
	return true
}

func rowOf(f frame, y int) string {
	if y < len(f.rows) {
		return f.rows[y]
	}
	return "" // the terminal was smaller then
}

// keyframes shows a row during its windows, as percentages of the loop.
func keyframes(windows []window, total time.Duration) string {
	var b strings.Builder
	if windows[0].from > 0 {
		b.WriteString("0%{visibility:hidden}")
	}
	for _, w := range windows {
		fmt.Fprintf(&b, "%s%%{visibility:visible}", percent(w.from, total))
		if w.to < total {
			fmt.Fprintf(&b, "%s%%{visibility:hidden}", percent(w.to, total))
		}
	}
	return b.String()
}

func percent(t, total time.Duration) string {
	return trim(100*float64(t)/float64(total), 3)
}

func seconds(d time.Duration) string { return trim(d.Seconds(), 3) }

// trim formats f with at most decimals digits after the point, and none
// that are zero at the end.
func trim(f float64, decimals int) string {
	scale := math.Pow(10, float64(decimals))
	return strconv.FormatFloat(math.Round(f*scale)/scale, 'f', -1, 64)
}
