package ui

import "testing"

// The list screen is made when first shown, and then kept: its cursor and
// filter outlive the screens shown after it.
func TestListScreenIsMadeWhenFirstShown(t *testing.T) {
	f := newTestFixture(t)
	if f.m.j.list != nil {
		t.Fatal("the home screen made the list screen")
	}
	scenarioByName(t, "list").setup(f)
	shown := f.m.j.list
	if shown == nil || f.m.current != screen(shown) {
		t.Fatal("the list scenario does not show the list screen")
	}
	if f.m.j.authenticatorList() != shown {
		t.Error("the list screen was made again")
	}
}
