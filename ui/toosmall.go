package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The smallest window the interface lays out in; below it, it says so
// and keys do nothing but quit: what they would act on is not on screen.
const (
	minWidth  = 48
	minHeight = 14
)

// tooSmall reports whether the window is below the smallest layout. An
// unknown size (before the first resize message) is not too small.
func (m *Model) tooSmall() bool {
	return m.width > 0 && m.height > 0 && (m.width < minWidth || m.height < minHeight)
}

// keyTooSmall answers keys while the window is too small: q quits, unless
// a recovery code waits to be saved on the hidden screen (then only ctrl+c,
// handled before, does). Every other key is dropped.
func (m *Model) keyTooSmall(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Quit) && m.keeping() == nil {
		return m.quit()
	}
	return nil
}

// viewTooSmall says how large the window must be and which key works, in
// the fullest wording that fits whole in w×h: words are never cut, lines
// break at spaces only. Below the shortest wording the size is cut.
func (m *Model) viewTooSmall(w, h int) string {
	t := m.t.App
	keys := t.TooSmallKeys
	if m.keeping() != nil {
		keys = t.TooSmallSave
	}
	for _, text := range m.tooSmallWordings(keys) {
		if lines, ok := wrapWords(text, w); ok && len(lines) <= h {
			return m.centered(lines, w, h)
		}
	}
	return fit(paint(m.st.Warning, fmt.Sprintf(t.TooSmallSize, minWidth, minHeight)), w, h)
}

// tooSmallWordings are the ways to say it, fullest first.
func (m *Model) tooSmallWordings(keys string) []string {
	t := m.t.App
	need := fmt.Sprintf(t.TooSmall, minWidth, minHeight)
	return []string{
		need + "\n\n" + keys,
		need + "\n" + keys,
		need,
		fmt.Sprintf(t.TooSmallShort, minWidth, minHeight),
		fmt.Sprintf(t.TooSmallSize, minWidth, minHeight),
	}
}

// centered sets the lines in the middle of w×h.
func (m *Model) centered(lines []string, w, h int) string {
	widest := 0
	for _, l := range lines {
		widest = max(widest, cellWidth(l))
	}
	pad := strings.Repeat(" ", (w-widest)/2)
	out := make([]string, 0, h)
	for range (h - len(lines)) / 2 {
		out = append(out, "")
	}
	for _, l := range lines {
		out = append(out, pad+paint(m.st.Warning, l))
	}
	return fit(strings.Join(out, "\n"), w, h)
}

// wrapWords breaks plain text into lines of at most w columns at spaces,
// keeping paragraphs ("\n"); ok is false when a word is wider than w. A
// French stop (" :", " ;", " ?", " !", " »") stays with the word before it
// and "« " with the word after, as French typography wants.
func wrapWords(s string, w int) (lines []string, ok bool) {
	for _, paragraph := range strings.Split(s, "\n") {
		line := ""
		for _, word := range glueWords(strings.Fields(paragraph)) {
			ww := cellWidth(word)
			if ww > w {
				return nil, false
			}
			switch {
			case line == "":
				line = word
			case cellWidth(line)+1+ww <= w:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		lines = append(lines, line)
	}
	return lines, true
}

// glueWords joins French punctuation to its word: "petite", ":" becomes
// "petite :" (with a no-break space) and "«", "oui" becomes "« oui".
func glueWords(words []string) []string {
	out := make([]string, 0, len(words))
	glueNext := false
	for _, word := range words {
		switch {
		case glueNext:
			out[len(out)-1] += "\u00a0" + word
			glueNext = false
		case len(out) > 0 && (word == ":" || word == ";" || word == "?" || word == "!" || word == "»"):
			out[len(out)-1] += "\u00a0" + word
		case word == "«":
			out = append(out, word)
			glueNext = true
		default:
			out = append(out, word)
		}
	}
	return out
}
