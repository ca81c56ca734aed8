// Command castsvg draws an asciicast recording as an animated SVG for the
// README:
//
//	go run ./internal/cmd/castsvg -in demo.cast -out docs/images/demo.svg
//
// Pauses are cut to -max-idle, bursts merged to one frame each -frame,
// and the last screen stays -hold before the picture loops.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/mfapush/mfapush/internal/cast/play"
	"github.com/mfapush/mfapush/internal/screenshot"
)

func main() {
	in := flag.String("in", "", "the recording, an asciicast v2 file (mfapush --record FILE)")
	out := flag.String("out", "", "the SVG file to write")
	light := flag.Bool("light", false, "draw a light terminal instead of a dark one")
	var o screenshot.Animation
	flag.DurationVar(&o.MaxIdle, "max-idle", 0, "longest pause kept (default 2s)")
	flag.DurationVar(&o.FrameInterval, "frame", 0, "shortest time between frames (default 50ms)")
	flag.DurationVar(&o.Hold, "hold", 0, "how long the last screen stays before the loop (default 3s)")
	flag.Parse()
	if *in == "" || *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: castsvg -in FILE.cast -out FILE.svg [-light] [-max-idle 2s] [-frame 50ms] [-hold 3s]")
		os.Exit(2)
	}
	o.Theme = screenshot.Dark
	if *light {
		o.Theme = screenshot.Light
	}
	p, err := play.Open(*in)
	if err != nil {
		fmt.Fprintf(os.Stderr, "castsvg: %s: %v\n", *in, err)
		os.Exit(1)
	}
	svg, stats, err := screenshot.Animate(p, o)
	if err == nil {
		err = os.WriteFile(*out, svg, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "castsvg: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d frames, %d distinct rows, a %.1fs loop, %d KB\n",
		*out, stats.Frames, stats.Rows, stats.Duration.Seconds(), (len(svg)+1023)/1024)
}
