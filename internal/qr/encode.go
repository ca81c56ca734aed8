package qr

import (
	"errors"
	"fmt"

	rscqr "rsc.io/qr"
	"rsc.io/qr/coding"
)

// What a level-L code (version 40, 177 modules a side) holds. rsc.io/qr
// packs digits-only text as digits, text of only 0-9 A-Z and " $%*+-./:" as
// alphanumerics, and anything else (any URI with a lower-case letter) as bytes.
const (
	MaxBytes        = 2953
	MaxAlphanumeric = 4296
	MaxDigits       = 7089
)

var (
	// ErrEmpty is returned for empty text.
	ErrEmpty = errors.New("qr: no text to encode")
	// ErrTooLong is wrapped by the error for text over the limits above.
	ErrTooLong = errors.New("qr: text too long for a QR code")
)

// encode checks the limits itself because rsc.io/qr's own error does not say
// them (and qrterminal drops that error and then panics on the nil code).
func encode(text string) (*rscqr.Code, error) {
	if text == "" {
		return nil, ErrEmpty
	}
	limit, unit := MaxBytes, "bytes"
	switch {
	case coding.Num(text).Check() == nil:
		limit, unit = MaxDigits, "digits"
	case coding.Alpha(text).Check() == nil:
		limit, unit = MaxAlphanumeric, "alphanumeric characters"
	}
	if len(text) > limit {
		return nil, fmt.Errorf("%w: %d %s, a level-L code holds at most %d", ErrTooLong, len(text), unit, limit)
	}
	code, err := rscqr.Encode(text, rscqr.L)
	if err != nil {
		return nil, fmt.Errorf("qr: encoding %d bytes: %w", len(text), err)
	}
	return code, nil
}
