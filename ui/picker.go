package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// picker is a cursor over a short list of choices moved by the up and
// down keys, with enter to choose and esc to go back: the factor to enroll
// and the user among several with one email are chosen with it.
type picker struct {
	cursor int
	k      pickerKeys
}

type pickerKeys struct{ Up, Down, Select, Back, Quit key.Binding }

func newPicker(c *common) picker {
	return picker{k: pickerKeys{Up: c.keys.Up, Down: c.keys.Down, Select: c.keys.Select, Back: c.keys.Back, Quit: c.keys.Quit}}
}

func (p *picker) ShortHelp() []key.Binding {
	return []key.Binding{p.k.Up, p.k.Down, p.k.Select, p.k.Back, p.k.Quit}
}

// moved moves the cursor over n choices on up and down, round the ends,
// and reports whether k was one of them.
func (p *picker) moved(k tea.KeyPressMsg, n int) bool {
	switch {
	case key.Matches(k, p.k.Up):
		p.cursor = (p.cursor + n - 1) % n
	case key.Matches(k, p.k.Down):
		p.cursor = (p.cursor + 1) % n
	default:
		return false
	}
	return true
}
