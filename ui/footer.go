package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// The footer: the keys of the screen on one line, the help key last, or
// all of them (the screen's and those that work everywhere) in the full
// help. It offers only keys that work where it is shown: handleKey answers
// from the same conditions.

func (m *Model) viewFooter(w int) string {
	hk := m.footerKeys()
	// The help line is the same from frame to frame but for a key press
	// or a resize, and rendering it styles every key: it is kept, with
	// everything it was drawn from.
	return m.footer.get(footerKey{st: m.st, width: w, all: m.help.ShowAll, keys: hk.signature()}, func() string {
		if m.help.ShowAll {
			return "\n" + indent(m.fullHelp(hk.full, w-1), 1)
		}
		return "\n " + m.shortHelp(hk.short, w-1)
	})
}

type footerKey struct {
	st    *Styles
	width int
	all   bool
	keys  string
}

// footerKeys are the keys the footer offers: on one line, and in the full
// help.
func (m *Model) footerKeys() helpKeys {
	keys := enabled(m.screenKeys())
	help := m.helpKey()
	return helpKeys{
		short: append(keys, help),
		full:  [][]key.Binding{keys, append(without(m.globalKeys(), keys), help)},
	}
}

// globalKeys are the keys that work on any screen, now: while typing only
// ctrl+c, since the others are letters; the phone's keys when they apply.
func (m *Model) globalKeys() []key.Binding {
	if m.typing() {
		return []key.Binding{m.keys.ForceQuit}
	}
	keys := []key.Binding{m.keys.Quit, m.keys.ForceQuit}
	if m.opts.Trace != nil {
		keys = append(keys, m.keys.Trace)
	}
	if m.opts.Phone != nil {
		keys = append(keys, m.keys.PhoneToggle)
		if _, ok := m.scanURI(); ok && !m.phone.scanning {
			keys = append(keys, m.keys.PhoneScan)
		}
		if len(m.phone.notifications) > 0 && !m.phone.answering {
			keys = append(keys, m.keys.PhoneApprove, m.keys.PhoneReject)
		}
	}
	return keys
}

func enabled(keys []key.Binding) []key.Binding {
	return slices.DeleteFunc(slices.Clone(keys), func(k key.Binding) bool { return !k.Enabled() })
}

// without drops from keys those the screen's own column already shows.
func without(keys, shown []key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(keys))
	for _, k := range keys {
		if !slices.ContainsFunc(shown, func(s key.Binding) bool { return sameKeys(s, k) }) {
			out = append(out, k)
		}
	}
	return out
}

func sameKeys(a, b key.Binding) bool { return slices.Equal(a.Keys(), b.Keys()) }

// shortHelp lays the keys out on one line of at most w columns, the last
// one (the help key) last. What does not fit is dropped, the least needed
// first: keys that move, refresh, or that the phone panel shows itself;
// then the others from the end, keeping the screen's first key and quit
// as long as anything else can go. The help key stays: the full help
// lists whatever was dropped.
func (m *Model) shortHelp(keys []key.Binding, w int) string {
	const sep = " • "
	width := func(keys []key.Binding) int {
		total := (len(keys) - 1) * cellWidth(sep)
		for _, k := range keys {
			total += cellWidth(k.Help().Key) + 1 + cellWidth(k.Help().Desc)
		}
		return total
	}
	for len(keys) > 1 && width(keys) > w {
		drop, worst := -1, -1
		for i := range keys[:len(keys)-1] {
			if r := m.footerRank(keys, i); r >= worst {
				drop, worst = i, r
			}
		}
		gone, partner := keys[drop], m.partner(keys[drop])
		keys = slices.DeleteFunc(slices.Clone(keys), func(k key.Binding) bool {
			return sameKeys(k, gone) || partner != nil && sameKeys(k, *partner)
		})
	}
	st := m.st.Help
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = paint(st.ShortKey, k.Help().Key) + " " + paint(st.ShortDesc, k.Help().Desc)
	}
	return strings.Join(parts, paint(st.ShortSeparator, sep))
}

// footerRank is how readily keys[i] leaves a line too long: the higher,
// the sooner.
func (m *Model) footerRank(keys []key.Binding, i int) int {
	k := m.keys
	switch b := keys[i]; {
	case slices.ContainsFunc([]key.Binding{k.Up, k.Down, k.NextField, k.Refresh, k.Ends,
		k.PhoneToggle, k.PhoneScan, k.PhoneApprove, k.PhoneReject}, func(low key.Binding) bool { return sameKeys(b, low) }):
		return 3
	case i == 0 || sameKeys(b, k.Quit) || sameKeys(b, k.ForceQuit):
		return 1
	}
	return 2
}

// partner is the key that goes with b, shown or dropped with it: up with
// down, approve with reject.
func (m *Model) partner(b key.Binding) *key.Binding {
	k := m.keys
	for _, pair := range [][2]key.Binding{{k.Up, k.Down}, {k.PhoneApprove, k.PhoneReject}} {
		switch {
		case sameKeys(b, pair[0]):
			return &pair[1]
		case sameKeys(b, pair[1]):
			return &pair[0]
		}
	}
	return nil
}

// fullHelp shows every column of keys side by side, or one under the
// other when they do not fit in w.
func (m *Model) fullHelp(columns [][]key.Binding, w int) string {
	st := m.st.Help
	blocks := make([]string, 0, len(columns))
	for _, col := range columns {
		if len(col) == 0 {
			continue
		}
		keys, descs := make([]string, len(col)), make([]string, len(col))
		for i, k := range col {
			keys[i], descs[i] = k.Help().Key, k.Help().Desc
		}
		blocks = append(blocks, lipgloss.JoinHorizontal(lipgloss.Top, paint(st.FullKey, strings.Join(keys, "\n")), " ", paint(st.FullDesc, strings.Join(descs, "\n"))))
	}
	parts := make([]string, 0, 2*len(blocks))
	for i, b := range blocks {
		if i > 0 {
			parts = append(parts, paint(st.FullSeparator, "    "))
		}
		parts = append(parts, b)
	}
	if side := lipgloss.JoinHorizontal(lipgloss.Top, parts...); widestLine(side) <= w {
		return side
	}
	return strings.Join(blocks, "\n")
}

// widestLine is the width of the widest line of s.
func widestLine(s string) int {
	widest := 0
	for _, l := range strings.Split(s, "\n") {
		widest = max(widest, cellWidth(l))
	}
	return widest
}
