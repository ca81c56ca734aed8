package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
)

// keyScenarios are the golden screens and a few states they do not show:
// the list while a filter is typed, an empty list, the recovery code once
// confirmed.
var keyScenarios = append(slices.Clone(scenarios), []struct {
	name  string
	setup func(f *fixture)
}{
	{"list_filtering", func(f *fixture) {
		f.signedIn(JourneyManage, "bob@example.com")
		f.result(flow.AuthenticatorsMsg{Authenticators: fixtureAuthenticators})
		f.key("/")
	}},
	{"trace_empty", func(f *fixture) { f.key("t") }}, // before any call
	{"list_empty", func(f *fixture) {
		f.signedIn(JourneyManage, "alice@example.com")
		f.result(flow.AuthenticatorsMsg{Authenticators: []auth0.Authenticator{}})
	}},
	{"trace_detail_narrow", func(f *fixture) { // wider than the window: it scrolls sideways
		f.send(tea.WindowSizeMsg{Width: 60, Height: 24})
		scenario("trace_detail")(f)
	}},
	{"enrolled_confirmed", func(f *fixture) {
		scenario("enrolled")(f)
		f.key("enter")
	}},
}...)

func init() { keyScenarios = append(keyScenarios, helpdeskScenarios...) }

// scenario is the setup of the golden scenario of that name.
func scenario(name string) func(f *fixture) {
	for _, sc := range scenarios {
		if sc.name == name {
			return sc.setup
		}
	}
	panic("no scenario " + name)
}

// offered is every key the footer offers now, on its line and in the full
// help: each key of each binding shown.
func offered(m *Model) []string {
	hk := m.footerKeys()
	var keys []string
	for _, b := range slices.Concat(append([][]key.Binding{hk.short}, hk.full...)...) {
		if b.Enabled() {
			for _, k := range b.Keys() {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// inputs are the text fields of the model, to see whether a key was typed
// into one.
func inputs(m *Model) []*textinput.Model {
	in := []*textinput.Model{&m.j.signIn.token, &m.j.authenticatorList().list.FilterInput}
	for i := range m.j.signIn.fields {
		in = append(in, &m.j.signIn.fields[i])
	}
	if m.j.challenge != nil {
		in = append(in, &m.j.challenge.input)
	}
	if m.j.confirm != nil {
		in = append(in, &m.j.confirm.input)
	}
	if s, ok := m.current.(*enrollAddressScreen); ok {
		in = append(in, &s.input)
	}
	return in
}

// opposite is pressed before a key that moves, so that there is somewhere
// to move to.
var opposite = map[string]string{"up": "down", "down": "up", "k": "j", "j": "k", "home": "end", "end": "home", "g": "G", "G": "g",
	"left": "right", "right": "left", "h": "l", "l": "h"}

// TestEveryOfferedKeyWorks walks every screen, with the full help closed
// and open, and presses each key its footer offers: each must do something
// (change the screen or start a command), and none may be typed into a
// field instead.
func TestEveryOfferedKeyWorks(t *testing.T) {
	for _, sc := range keyScenarios {
		for _, all := range []bool{false, true} {
			start := func() *fixture {
				f := newFixture(t, fixtureOptions{width: 80, height: 24})
				sc.setup(f)
				f.m.help.ShowAll = all
				f.m.layout()
				f.send(struct{}{}) // the spinner and the clock tick are running from here on
				f.screen()         // a frame is drawn between two keys
				return f
			}
			for _, k := range offered(start().m) {
				t.Run(fmt.Sprintf("%s/all=%v/%s", sc.name, all, k), func(t *testing.T) {
					f := start()
					if o, ok := opposite[k]; ok {
						f.key(o)
						f.screen()
					}
					before := f.screen()
					var values []string
					for _, in := range inputs(f.m) {
						values = append(values, in.Value())
					}
					msg := keyPress(k)
					cmd := f.send(msg)
					for i, in := range inputs(f.m) {
						if msg.Text != "" && in.Value() == values[i]+msg.Text {
							t.Fatalf("%q, offered by the footer, was typed into a field:\n%s", k, f.screen())
						}
					}
					if f.screen() == before && cmd == nil {
						t.Fatalf("%q, offered by the footer, does nothing here:\n%s", k, before)
					}
				})
			}
		}
	}
}

// TestFooterFitsAt80Columns renders every screen's footer at 80 columns in
// both languages, full help open and closed: nothing is cut, and the key
// that opens the help is on the line.
func TestFooterFitsAt80Columns(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		for _, sc := range keyScenarios {
			for _, all := range []bool{false, true} {
				f := newFixture(t, fixtureOptions{width: 80, height: 24, lang: lang})
				sc.setup(f)
				f.m.help.ShowAll = all
				footer := stripANSI(f.m.viewFooter(80))
				if strings.Contains(footer, "…") {
					t.Errorf("%s %s all=%v: the footer is cut:\n%s", lang, sc.name, all, footer)
				}
				for _, l := range strings.Split(footer, "\n") {
					if w := cellWidth(l); w > 80 {
						t.Errorf("%s %s all=%v: a footer line %d wide:\n%s", lang, sc.name, all, w, l)
					}
				}
				if help := f.m.footerKeys().short; !all && !strings.Contains(footer, help[len(help)-1].Help().Key+" ") {
					t.Errorf("%s %s: the help key is not on the line:\n%s", lang, sc.name, footer)
				}
			}
		}
	}
}
