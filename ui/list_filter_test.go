package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/list"
)

// The list's / filter narrows the list to what matches, says when nothing
// does, and esc brings every authenticator back.
func TestE2EListFilter(t *testing.T) {
	e := startE2E(t, 100, 34, JourneyManage)
	e.listBob()

	e.press("/")
	// No id, name or kind holds a "~" (ids are random letters and digits:
	// "zzz" once matched "push|dev_Z357ZSJEzKPutktx").
	e.typeText("~~~")
	screen := e.waitFor("Nothing matched.")
	for _, gone := range []string{"Guardian push", "One-time password", "Recovery code"} {
		if strings.Contains(screen, gone) {
			t.Errorf("%q still listed while nothing matches:\n%s", gone, screen)
		}
	}
	e.press("esc")
	screen = e.waitFor("3 authenticators")
	if !strings.Contains(screen, "Guardian push") || !strings.Contains(screen, "Recovery code") {
		t.Fatalf("clearing the filter did not bring the list back:\n%s", screen)
	}

	e.press("/")
	e.typeText("recovery")
	e.press("enter") // apply: the list keeps the filter and takes keys again
	screen = e.waitFor("1 of 3 matches “recovery”")
	if !strings.Contains(screen, "▸ Recovery code") || strings.Contains(screen, "Guardian push") || strings.Contains(screen, "One-time password") {
		t.Fatalf("the filter does not keep only the recovery code:\n%s", screen)
	}
	e.press("esc")
	screen = e.waitFor("3 authenticators")
	if !strings.Contains(screen, "Guardian push") {
		t.Fatalf("esc did not clear the applied filter:\n%s", screen)
	}
}

// The filter's matches come back from commands that run concurrently, so
// those made for an older text can arrive last: they must not replace the
// matches of the text on screen.
func TestStaleFilterMatchesAreDropped(t *testing.T) {
	f := newTestFixture(t)
	scenarioByName(t, "list").setup(f)
	l := &f.m.j.authenticatorList().list
	l.SetFilterText("recovery")
	l.SetFilterState(list.Filtering)
	if n := len(l.VisibleItems()); n != 1 {
		t.Fatalf("%d items match recovery, want 1", n)
	}
	f.send(forScreen{to: f.m.j.authenticatorList(), msg: listMsg{msg: list.FilterMatchesMsg(nil), filter: "rec"}})
	if n := len(l.VisibleItems()); n != 1 {
		t.Fatalf("the matches made for %q replaced those of %q: %d visible", "rec", l.FilterValue(), n)
	}
	f.send(forScreen{to: f.m.j.authenticatorList(), msg: listMsg{msg: list.FilterMatchesMsg(nil), filter: "recovery"}})
	if n := len(l.VisibleItems()); n != 0 {
		t.Fatalf("the matches made for the text on screen were not taken: %d visible", n)
	}
}
