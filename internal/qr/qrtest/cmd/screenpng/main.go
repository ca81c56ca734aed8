// Command screenpng turns a terminal capture into a PNG, so a person can
// check with a real scanner what a terminal showed:
//
//	tmux capture-pane -e -p -N -t SESSION | go run ./internal/qr/qrtest/cmd/screenpng -theme light -o /tmp/screen.png
//	zbarimg /tmp/screen.png
//
// The theme gives the default colours, which tmux does not record. -N keeps
// the blanks at the ends of lines, which are the light quiet zone of a
// plain-light code.
package main

import (
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"

	"github.com/mfapush/mfapush/internal/qr/qrtest"
)

func main() {
	theme := flag.String("theme", "dark", "default colours of the terminal: dark or light")
	out := flag.String("o", "-", "PNG file to write; - for standard output")
	flag.Parse()
	if err := run(*theme, *out); err != nil {
		fmt.Fprintln(os.Stderr, "screenpng:", err)
		os.Exit(1)
	}
}

func run(theme, out string) error {
	term, ok := map[string]qrtest.Terminal{"dark": qrtest.DarkTerminal, "light": qrtest.LightTerminal}[theme]
	if !ok {
		return fmt.Errorf("theme %q: want dark or light", theme)
	}
	capture, err := io.ReadAll(os.Stdin)
	if err != nil {
		return err
	}
	w := os.Stdout
	if out != "-" {
		if w, err = os.Create(out); err != nil {
			return err
		}
	}
	if err := png.Encode(w, qrtest.Rasterize(string(capture), term)); err != nil {
		return err
	}
	return w.Close()
}
