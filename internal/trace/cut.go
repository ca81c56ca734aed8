package trace

import (
	"fmt"
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// CutNote says what was left out of an exchange to bound memory, such as
// "… 8.3 MB of headers not kept", in c's words; "" when nothing was.
func CutNote(ex auth0.Exchange, c *i18n.Catalog) string {
	t := &c.Trace
	var notes []string
	for _, part := range []struct {
		bytes  int
		format string
	}{{ex.Cut.Headers, t.CutHeaders}, {ex.Cut.Body, t.CutBody}, {ex.Cut.URL, t.CutURL}} {
		if part.bytes > 0 {
			notes = append(notes, fmt.Sprintf(part.format, Size(part.bytes, c)))
		}
	}
	return strings.Join(notes, " ")
}

// DroppedNote says how many older exchanges the log no longer keeps; ""
// when none.
func DroppedNote(dropped int, c *i18n.Catalog) string {
	if dropped <= 0 {
		return ""
	}
	return fmt.Sprintf(c.Plural(dropped, c.Trace.DroppedOne, c.Trace.Dropped), dropped, Size(MaxBytes, c))
}

// Size writes a number of bytes for people: "512 bytes", "64.0 kB",
// "8.3 MB" (powers of 1000), in c's words and decimal mark.
func Size(n int, c *i18n.Catalog) string {
	t := &c.Trace
	switch {
	case n < 1000:
		return fmt.Sprintf(c.Plural(n, t.ByteOne, t.Bytes), n)
	case n < 999_950:
		tenths := (n + 50) / 100
		return fmt.Sprintf(t.Kilobytes, tenths/10, tenths%10)
	}
	tenths := (n + 50_000) / 100_000
	return fmt.Sprintf(t.Megabytes, tenths/10, tenths%10)
}
