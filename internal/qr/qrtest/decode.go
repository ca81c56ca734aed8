// Package qrtest reads back, in tests, what package qr draws: from screen
// text (Decode) or from a picture of a terminal (Rasterize, DecodeImage).
// It decodes with gozxing, a pure-Go port of the ZXing decoder, so no
// scanner needs to be installed.
package qrtest

import (
	"errors"
	"fmt"
	"image"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"github.com/mfapush/mfapush/internal/qr"
)

// Polarity says which glyph pattern on screen is light.
type Polarity int

const (
	// LightInk: the drawn part of a glyph (█, the top of ▀, the bottom of ▄)
	// is light and blanks are dark. qr.StyleColor and qr.StylePlainDark
	// draw so: StyleColor's ink is white.
	LightInk Polarity = iota
	// DarkInk: the drawn part is dark and blanks are light, as
	// qr.StylePlainLight draws. Invert swaps the two.
	DarkInk
)

// PolarityOf is the polarity that reads back the text given to qr.Render
// with these options.
func PolarityOf(o qr.Options) Polarity {
	if o.LightInk() {
		return LightInk
	}
	return DarkInk
}

// Decode finds a QR code in screen text, with or without escape
// sequences, among whatever else the screen shows, and decodes it. The code
// must have one module per column and two per row, as qr.Render draws, or
// two columns a module on one row (qr.Options.FullBlock), and a quiet zone
// of at least one module.
func Decode(screenText string, p Polarity) (string, error) {
	whole := modulePixels(parseScreen(screenText), p)
	// A half-block code has a pixel a module; a full-block one (two
	// columns on one row) four, read at every other column and row from
	// either parity of column.
	var g pixels
	var found []square
	finders := 0
	for _, grid := range []pixels{whole, whole.halved(0), whole.halved(1)} {
		var n int
		if found, n = grid.codes(); len(found) > 0 {
			g = grid
			break
		}
		finders = max(finders, n)
	}
	if len(found) == 0 {
		return "", fmt.Errorf("qrtest: no QR code with a quiet zone in the screen text (%d finder patterns)", finders)
	}
	var errs []error
	for _, s := range found {
		text, err := decodeImage(g.image(s), true)
		if err == nil {
			return text, nil
		}
		errs = append(errs, fmt.Errorf("%d modules at column %d, text row %d: %w", s.n, s.x, s.y/2, err))
	}
	return "", errors.Join(errs...)
}

// DecodeImage looks for a QR code anywhere in a picture, as a phone would
// in a photograph of the screen.
func DecodeImage(img image.Image) (string, error) {
	return decodeImage(img, false)
}

// decodeImage: pure is for pictures that hold nothing but the code.
func decodeImage(img image.Image, pure bool) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", fmt.Errorf("qrtest: %w", err)
	}
	// rsc.io/qr writes no ECI; Go text is UTF-8, so decode bytes as such.
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_CHARACTER_SET: "UTF-8"}
	if pure {
		hints[gozxing.DecodeHintType_PURE_BARCODE] = true
	} else {
		hints[gozxing.DecodeHintType_TRY_HARDER] = true
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", fmt.Errorf("qrtest: %w", err)
	}
	return res.GetText(), nil
}
