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

// TestFormatWaitIsRoundedHonestly: a poll 1.2 s away is not "in 2s".
func TestFormatWaitIsRoundedHonestly(t *testing.T) {
	en, fr := For(English), For(French)
	for d, want := range map[time.Duration][2]string{
		1199 * time.Millisecond:  {"1.2s", "1,2 s"},
		1100 * time.Millisecond:  {"1.1s", "1,1 s"},
		12 * time.Millisecond:    {"0.1s", "0,1 s"},
		6 * time.Second:          {"6s", "6 s"},
		5999 * time.Millisecond:  {"6s", "6 s"},
		9960 * time.Millisecond:  {"10s", "10 s"},
		12400 * time.Millisecond: {"12s", "12 s"},
		0:                        {"now", "maintenant"},
	} {
		if got := en.FormatWait(d); got != want[0] {
			t.Errorf("%v: %q, want %q", d, got, want[0])
		}
		if got := fr.FormatWait(d); got != want[1] {
			t.Errorf("%v in French: %q, want %q", d, got, want[1])
		}
	}
}

// The countdown to the next poll is in whole seconds, so that it reads the
// same over a whole second of frames, and never says none before it is due.
func TestFormatCountdownChangesOnceASecond(t *testing.T) {
	en, fr := For(English), For(French)
	for _, tc := range []struct {
		d      time.Duration
		en, fr string
	}{
		{0, "now", fr.Duration.Now},
		{-time.Second, "now", fr.Duration.Now},
		{100 * time.Millisecond, "1s", "1 s"},
		{1200 * time.Millisecond, "1s", "1 s"},
		{1499 * time.Millisecond, "1s", "1 s"},
		{1500 * time.Millisecond, "2s", "2 s"},
		{6 * time.Second, "6s", "6 s"},
		{5400 * time.Millisecond, "5s", "5 s"},
	} {
		if got := en.FormatCountdown(tc.d); got != tc.en {
			t.Errorf("English %v: %q, want %q", tc.d, got, tc.en)
		}
		if got := fr.FormatCountdown(tc.d); got != tc.fr {
			t.Errorf("French %v: %q, want %q", tc.d, got, tc.fr)
		}
	}
	// Ten frames a second over a 6 s wait: the figure changes at most
	// once in each second.
	changes, last := 0, ""
	for ms := 6000; ms > 0; ms -= 100 {
		if s := en.FormatCountdown(time.Duration(ms) * time.Millisecond); s != last {
			changes, last = changes+1, s
		}
	}
	if changes > 6 {
		t.Errorf("the countdown changed %d times over 6 s of frames", changes)
	}
}
