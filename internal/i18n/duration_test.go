package i18n

import (
	"testing"
	"time"
)

// Durations read as people write them, never as Go prints them ("5m0s").
func TestFormatDuration(t *testing.T) {
	for _, tc := range []struct {
		d      time.Duration
		en, fr string
	}{
		{0, "0s", "0 s"},
		{-3 * time.Second, "0s", "0 s"},
		{450 * time.Millisecond, "450ms", "450 ms"},
		{time.Second, "1s", "1 s"},
		{1500 * time.Millisecond, "2s", "2 s"},
		{45 * time.Second, "45s", "45 s"},
		{5 * time.Minute, "5m", "5 min"},
		{4*time.Minute + 48*time.Second, "4m 48s", "4 min 48 s"},
		{time.Hour, "1h", "1 h"},
		{time.Hour + 5*time.Minute + 30*time.Second, "1h 5m", "1 h 5 min"},
		{24 * time.Hour, "1d", "1 j"},
		{50 * time.Hour, "2d 2h", "2 j 2 h"},
	} {
		if got := For(English).FormatDuration(tc.d); got != tc.en {
			t.Errorf("English %v: %q, want %q", tc.d, got, tc.en)
		}
		if got := For(French).FormatDuration(tc.d); got != tc.fr {
			t.Errorf("French %v: %q, want %q", tc.d, got, tc.fr)
		}
	}
}
