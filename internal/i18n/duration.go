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

// FormatWait says a short wait such as the time to the next poll: to the
// nearest tenth of a second under 10 s ("1.2s", never "2s" for 1.2 s), to
// the nearest second above; none is "now". The interface and plain mode
// both say the polling pace with it, so they give the same figure.
func (c *Catalog) FormatWait(d time.Duration) string {
	if d <= 0 {
		return c.Duration.Now
	}
	tenths := max(int((d+50*time.Millisecond)/(100*time.Millisecond)), 1)
	if tenths >= 100 || tenths%10 == 0 {
		return fmt.Sprintf(c.Duration.Seconds, (tenths+5)/10)
	}
	return fmt.Sprintf(c.Duration.Tenths, tenths/10, tenths%10)
}

// ExpiresWhen says an expiry: in, how long until it (said by the caller,
// as a clock or in words), then when it falls, in now's time zone. Within
// the hour the time of day to the second; further off to the minute, with
// "tomorrow" or the date when it is not today, since a time of day alone
// reads as today's.
func (c *Catalog) ExpiresWhen(in string, now, at time.Time) string {
	r := c.Result
	at = at.In(now.Location())
	if at.Sub(now) < time.Hour {
		return fmt.Sprintf(r.ExpiresAt, in, at.Format(time.TimeOnly))
	}
	clock := at.Format("15:04")
	switch at.Format(time.DateOnly) {
	case now.Format(time.DateOnly):
		return fmt.Sprintf(r.ExpiresAt, in, clock)
	case now.AddDate(0, 0, 1).Format(time.DateOnly):
		return fmt.Sprintf(r.ExpiresTomorrow, in, clock)
	}
	return fmt.Sprintf(r.ExpiresOn, in, at.Format(time.DateOnly), clock)
}

// FormatCountdown says the time left to something that comes round again,
// such as the next poll, in whole seconds: rounded to the nearest, never
// under one until it is due ("now"). A screen that redraws ten times a
// second for its spinner then rewrites the figure once a second, not at
// every frame as tenths would (they took the wait's output from 274 to
// 450 bytes a second); the pace itself is said with FormatWait.
func (c *Catalog) FormatCountdown(d time.Duration) string {
	if d <= 0 {
		return c.Duration.Now
	}
	return fmt.Sprintf(c.Duration.Seconds, max(int64(d.Round(time.Second)/time.Second), 1))
}
