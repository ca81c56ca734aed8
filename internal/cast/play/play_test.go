package play

import (
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const recording = `{"version": 2, "width": 20, "height": 3}
[0.5, "o", "\u001b[?1049h\u001b[1;1Hhello \u001b[1mworld\u001b[m"]
[0.9, "o", "\u001b[c\u001b[2;1H日本 ok"]
[1.0, "r", "30x4"]
[1.0, "i", "q"]
[2.0, "o", "\u001b[2J\u001b[4;1Hbye"]
`

func TestPlayerShowsEachScreen(t *testing.T) {
	p, err := Load(strings.NewReader(recording))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at   time.Duration
		want string
	}{
		{0, "\n\n"},
		{500 * time.Millisecond, "hello world\n\n"},
		{time.Second, "hello world\n日本 ok\n\n"}, // resized to 4 rows
		{3 * time.Second, "\n\n\nbye"},
	} {
		if got := p.ScreenAt(tc.at).String(); got != tc.want {
			t.Errorf("at %v:\n%q\nwant\n%q", tc.at, got, tc.want)
		}
	}
	if !p.Final().Contains("bye") || p.Final().Contains("hello") {
		t.Errorf("final screen:\n%s", p.Final())
	}
	if n := len(p.Screens()); n != 4 {
		t.Errorf("%d distinct screens, want 4", n)
	}
}

func TestPlayerRefusesABrokenRecording(t *testing.T) {
	if _, err := Load(strings.NewReader(`{"version": 2, "width": 20}`)); err == nil {
		t.Error("a recording without a height was played")
	}
}
