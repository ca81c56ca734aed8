package plain

import (
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// TestNextCheckIsRoundedHonestly: a poll 1.2 s away is not "in 2s".
func TestNextCheckIsRoundedHonestly(t *testing.T) {
	en, fr := &run{t: i18n.For(i18n.English)}, &run{t: i18n.For(i18n.French)}
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
		if got := en.nextCheck(d); got != want[0] {
			t.Errorf("%v: %q, want %q", d, got, want[0])
		}
		if got := fr.nextCheck(d); got != want[1] {
			t.Errorf("%v in French: %q, want %q", d, got, want[1])
		}
	}
}
