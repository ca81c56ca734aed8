package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// widthSamples mix the fast paths with what must take the slow one:
// combining marks, emoji, wide runes, variation selectors, escapes.
var widthSamples = []string{
	"", "a", "abc", "é", "e\u0301", "a\u0301b", "│ x │", "⣾ Waiting", "━━━━", "✓ Approved", "✗", "✓\ufe0f",
	"👍", "👨‍👩‍👧", "漢字", "▸ 1 Enroll", "\x1b[38;2;165;148;255m⣾\x1b[m", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
	"·", "…", "↑/k", "\t", "▀▄█ ▀", "#\ufe0f\u20e3", "\u0600a", "a\u200db", "\x1b[1mbold\x1b[22m", "\x00\x07x",
}

func TestCellWidthIsStringWidth(t *testing.T) {
	for _, s := range widthSamples {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi says %d", s, got, want)
		}
	}
	// Every rune of the fast ranges, alone and between other samples.
	for _, rg := range narrowRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + "\u0301", string(r) + "\ufe0f", "\x1b[1m" + string(r) + "\x1b[m"} {
				if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
					t.Errorf("cellWidth(%q) = %d, ansi says %d", s, got, want)
				}
			}
		}
	}
	// Pairs of narrow runes, which the fast path takes as two graphemes.
	var narrow []rune
	for _, rg := range narrowRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if narrowRune(r) {
				narrow = append(narrow, r)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := string(narrow[rng.IntN(len(narrow))]) + string(narrow[rng.IntN(len(narrow))])
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi says %d", s, got, want)
		}
	}
	// Random mixes of the samples.
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(widthSamples[rng.IntN(len(widthSamples))])
		}
		if got, want := cellWidth(b.String()), ansi.StringWidth(b.String()); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi says %d", b.String(), got, want)
		}
	}
}

func FuzzCellWidth(f *testing.F) {
	for _, s := range widthSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi says %d", s, got, want)
		}
	})
}
