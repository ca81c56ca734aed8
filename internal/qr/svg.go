package qr

import (
	"fmt"
	"strings"
)

// svgQuietZone is the standard's quiet zone, in modules.
const svgQuietZone = 4

// SVG draws text's QR code as an SVG element for a web page: black modules
// on a white ground with the standard's quiet zone of four modules, size
// pixels a side. Like Render it fails for empty or overlong text.
func SVG(text string, size int) (string, error) {
	code, err := encode(text)
	if err != nil {
		return "", err
	}
	side := code.Size + 2*svgQuietZone
	var path strings.Builder
	for y := range code.Size {
		for x := range code.Size {
			if code.Black(x, y) {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x+svgQuietZone, y+svgQuietZone)
			}
		}
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %[1]d %[1]d" width="%[2]d" height="%[2]d" shape-rendering="crispEdges" role="img">`+
		`<rect width="%[1]d" height="%[1]d" fill="#fff"/><path fill="#000" d="%[3]s"/></svg>`, side, size, path.String()), nil
}
