// Command qrshow prints a code as mfapush draws it, for trying a terminal
// and a phone (or tmux and zbarimg, see screenpng) by hand:
//
//	go run ./internal/qr/qrtest/cmd/qrshow -style plain-light -invert
//
// Output goes through colorprofile as in the app, so NO_COLOR, TERM and
// COLORTERM downsample the colours; -raw prints the escapes as drawn.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/colorprofile"
	"github.com/mfapush/mfapush/internal/qr"
	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

func main() {
	text := flag.String("text", qrtest.URISandbox, "text to encode")
	style := flag.String("style", qr.StyleColor.String(), "color, plain-dark or plain-light")
	invert := flag.Bool("invert", false, "swap light and dark")
	quiet := flag.Int("quiet", qr.DefaultQuietZone, "quiet zone in modules")
	raw := flag.Bool("raw", false, "print the escapes as drawn, without downsampling")
	flag.Parse()
	if err := run(*text, *style, *invert, *quiet, *raw); err != nil {
		fmt.Fprintln(os.Stderr, "qrshow:", err)
		os.Exit(1)
	}
}

func run(text, style string, invert bool, quiet int, raw bool) error {
	o := qr.Options{QuietZone: quiet, Invert: invert, Style: -1}
	for _, s := range []qr.Style{qr.StyleColor, qr.StylePlainDark, qr.StylePlainLight} {
		if s.String() == style {
			o.Style = s
		}
	}
	if o.Style < 0 {
		return fmt.Errorf("style %q: want color, plain-dark or plain-light", style)
	}
	code, err := qr.Render(text, o)
	if err != nil {
		return err
	}
	var w io.Writer = os.Stdout
	if !raw {
		w = colorprofile.NewWriter(os.Stdout, os.Environ())
	}
	_, err = fmt.Fprintf(w, "qrshow: %d bytes, %s, invert %v: %dx%d\n%s\n", len(text), style, invert, code.Width(), code.Height(), code)
	return err
}
