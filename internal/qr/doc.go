// Package qr draws a QR code as terminal text, for a phone to scan off the
// screen: the Guardian enrollment barcode_uri.
//
// Each text cell holds two modules stacked (the half blocks ▀ ▄ █ and a
// space), one column per module, so modules come out roughly square and a
// code fits in half the rows that full blocks need. The error correction
// level is L: a screen is not scuffed like paper, and every step up adds
// rows a terminal rarely has.
//
// # Polarity
//
// Call the drawn part of a glyph its ink. StyleColor and StylePlainDark draw
// light modules (the quiet zone too) as ink and dark modules as blanks;
// StylePlainLight does the opposite; Invert swaps either. [Options.LightInk]
// tells which, for whoever reads a code back from screen text. StyleColor
// paints its ink white on black in every cell, so it scans on dark and light
// themes alike; the plain styles rely on the theme (light ink on a dark
// background, or dark on light) and give an inverted code on the wrong one.
//
// # Sizes
//
// Columns x rows of the code with its quiet zone, by the byte length of a
// byte-encoded text such as an otpauth URI. The sandbox's barcode_uri is 157
// bytes and one recorded from Auth0 173; a 40-character tenant name and a
// long email take it past 200.
//
//	bytes      modules   quiet zone 2   quiet zone 1
//	 107-134   41        45 x 23        43 x 22
//	 135-154   45        49 x 25        47 x 24
//	 155-192   49        53 x 27        51 x 26
//	 193-230   53        57 x 29        55 x 28
//	 231-271   57        61 x 31        59 x 30
//
// So a usual enrollment code needs 27 rows, more than a 24-row terminal has:
// callers compare Height with the room they have and fall back (copy the
// link) when it does not fit.
//
// # Why not qrterminal
//
// qrterminal draws the same half blocks but cannot make an explicitly
// coloured code without a dark strip on its last line (its issue #39), gives
// no access to the module matrix, and panics on text too long to encode. So
// Render encodes with rsc.io/qr, qrterminal's own encoder, and draws itself.
package qr
