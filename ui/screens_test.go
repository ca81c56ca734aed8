package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestEveryRegisteredScreen walks every screen of the registry through the
// scenarios that show it: each registered screen is shown by one at
// least, each screen a scenario shows is registered, and each draws a body
// at every size the interface lays out in. (TestEveryOfferedKeyWorks
// presses every key each one offers.) A new screen needs its registry
// entry and a scenario in keyScenarios.
func TestEveryRegisteredScreen(t *testing.T) {
	sizes := [][2]int{{minWidth, minHeight}, {53, 32}, {80, 24}, {100, 34}, {120, 40}, {200, 60}}
	shown := map[screenID]bool{}
	for _, sc := range keyScenarios {
		f := newFixture(t, fixtureOptions{width: 100, height: 34})
		sc.setup(f)
		id := f.m.current.ID()
		shown[id] = true
		if !registered(id) {
			t.Errorf("%s shows the screen %q, which is not in the registry (screen.go)", sc.name, id)
			continue
		}
		for _, size := range sizes {
			f.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			w, h := f.m.bodySize()
			if body := stripANSI(f.m.current.View(w, h)); strings.TrimSpace(body) == "" {
				t.Errorf("%s: the screen %q draws an empty body at %dx%d", sc.name, id, size[0], size[1])
			}
			if screen := f.screen(); strings.Contains(screen, "not in the registry") {
				t.Errorf("%s at %dx%d:\n%s", sc.name, size[0], size[1], screen)
			}
		}
	}
	for _, id := range registry {
		if !shown[id] {
			t.Errorf("the registered screen %q is shown by no scenario: add one to keyScenarios (footer_test.go)", id)
		}
	}
	if sorted := slices.Compact(slices.Sorted(slices.Values(registry))); len(sorted) != len(registry) {
		t.Errorf("the registry lists a screen twice: %v", registry)
	}
}

// TestAnUnregisteredScreenSaysSo: a screen the registry does not list is
// not drawn silently in its place.
func TestAnUnregisteredScreenSaysSo(t *testing.T) {
	f := newTestFixture(t)
	f.m.show(unregisteredScreen{f.m.j.home})
	if screen := f.screen(); !strings.Contains(screen, fmt.Sprintf("the screen %s is not in the registry", "nowhere")) {
		t.Fatalf("screen:\n%s", screen)
	}
}

type unregisteredScreen struct{ *homeScreen }

func (unregisteredScreen) ID() screenID { return "nowhere" }
