package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/mfapush/mfapush/internal/i18n"
)

// KeyMap is every binding, with help texts from the catalog: the keys
// that work on every screen (Quit, ForceQuit, Help, Trace, the phone's),
// and the bank each screen builds its own keymap struct from, so that a
// key means one thing and reads the same wherever it is offered.
type KeyMap struct {
	Quit       key.Binding // q, when not typing
	ForceQuit  key.Binding // ctrl+c, always
	Back       key.Binding
	Help       key.Binding // ? or f1, when not typing
	HelpTyping key.Binding // f1: ? is typed into a field
	Up         key.Binding
	Down       key.Binding
	Select     key.Binding
	NextField  key.Binding
	PrevField  key.Binding
	Paste      key.Binding

	Copy     key.Binding
	Save     key.Binding
	Confirm  key.Binding
	NewCode  key.Binding
	Enroll   key.Binding
	OTP      key.Binding
	Recovery key.Binding
	Delete   key.Binding
	Yes      key.Binding
	No       key.Binding
	Refresh  key.Binding
	Reveal   key.Binding
	Retry    key.Binding
	Home     key.Binding

	Trace  key.Binding
	Top    key.Binding // the trace's first exchange, or the top of one
	Bottom key.Binding
	Ends   key.Binding // Top and Bottom in one, for the help

	Sideways key.Binding // the trace's detail, wider than the window

	PhoneToggle  key.Binding
	PhoneScan    key.Binding
	PhoneApprove key.Binding
	PhoneReject  key.Binding
}

// NewKeyMap builds the bindings with help texts in the catalog's language.
func NewKeyMap(t *i18n.Catalog) *KeyMap {
	k := t.Keys
	b := func(help string, keys ...string) key.Binding { return bind(t, help, keys...) }
	km := &KeyMap{
		Quit:       b(k.Quit, "q"),
		ForceQuit:  b(k.Quit, "ctrl+c"),
		Back:       b(k.Back, "esc"),
		Help:       b(k.MoreHelp, "?", "f1"),
		HelpTyping: b(k.MoreHelp, "f1"),
		Up:         b(k.Up, "up", "k"),
		Down:       b(k.Down, "down", "j"),
		Select:     b(k.Select, "enter"),
		NextField:  b(k.Next, "tab", "down"),
		PrevField:  b(k.Next, "shift+tab", "up"),
		Paste:      b(k.PasteToken, "ctrl+t"),
		Copy:       b(k.Copy, "c"),
		Save:       b(k.Save, "w"),
		Confirm:    b(k.Confirm, "enter"),
		NewCode:    b(k.NewCode, "n"),
		Enroll:     b(k.EnrollNow, "e"),
		OTP:        b(k.OTP, "o"),
		Recovery:   b(k.Recovery, "r"),
		Delete:     b(k.Delete, "d"),
		Yes:        b(k.Delete, "y"),
		No:         b(k.Back, "n", "esc"),
		Refresh:    b(k.Refresh, "ctrl+r"),
		Reveal:     b(k.Reveal, "v"),
		Retry:      b(k.Retry, "enter"),
		Home:       b(k.Home, "enter"),

		Trace:  b(k.Trace, "t"),
		Top:    b(k.Ends, "home", "g"),
		Bottom: b(k.Ends, "end", "G"),
		Ends:   b(k.Ends, "home", "g", "end", "G"),

		Sideways: b(k.Sideways, "left", "h", "right", "l"),

		PhoneToggle:  b(k.TogglePhone, "p"),
		PhoneScan:    b(k.Scan, "s"),
		PhoneApprove: b(k.Approve, "a"),
		PhoneReject:  b(k.Reject, "x"),
	}
	km.Up.SetHelp("↑/k", k.Up)
	km.Down.SetHelp("↓/j", k.Down)
	km.NextField.SetHelp("tab", k.Next)
	km.Ends.SetHelp("home/end", k.Ends)
	km.Sideways.SetHelp("←/→", k.Sideways)
	return km
}

// bind makes a binding whose help names its first key in the catalog's
// words (keyName).
func bind(t *i18n.Catalog, help string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyName(t, keys[0]), help))
}

// keyName is how the help names a key: French says "entrée" and "échap".
func keyName(t *i18n.Catalog, k string) string {
	switch k {
	case "enter":
		return t.Keys.EnterKey
	case "esc":
		return t.Keys.EscKey
	}
	return k
}

// helpKeys adapts a list of bindings to bubbles' help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// signature is what the help shows of the keys, to tell one help line
// from another.
func (h helpKeys) signature() string {
	var b strings.Builder
	add := func(keys []key.Binding) {
		for _, k := range keys {
			if k.Enabled() {
				b.WriteString(k.Help().Key + "\x1f" + k.Help().Desc + "\x1e")
			}
		}
		b.WriteByte('\x1d')
	}
	add(h.short)
	for _, keys := range h.full {
		add(keys)
	}
	return b.String()
}
