package i18n

import (
	"fmt"
	"strings"
	"time"
)

// FormatDuration says how long d is in the catalog's words, in its largest
// unit and the next one when that is not zero: "4 min 48 s", "5 min",
// "1 h 5 min" in French, "4m 48s", "5m", "1h 5m" in English. From a second
// on it is rounded to the second; below, said in milliseconds. A negative
// d is said as none.
func (c *Catalog) FormatDuration(d time.Duration) string {
	u := c.Duration
	switch {
	case d <= 0:
		return fmt.Sprintf(u.Seconds, 0)
	case d < time.Second:
		return fmt.Sprintf(u.Millis, d.Milliseconds())
	}
	secs := int64(d.Round(time.Second) / time.Second)
	units := []struct {
		size int64
		verb string
	}{{86400, u.Days}, {3600, u.Hours}, {60, u.Minutes}, {1, u.Seconds}}
	for i, unit := range units {
		if secs < unit.size {
			continue
		}
		parts := []string{fmt.Sprintf(unit.verb, secs/unit.size)}
		if i+1 < len(units) {
			if next := secs % unit.size / units[i+1].size; next > 0 {
				parts = append(parts, fmt.Sprintf(units[i+1].verb, next))
			}
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprintf(u.Seconds, secs)
}
