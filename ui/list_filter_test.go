package ui

import (
	"strings"
	"testing"
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
	screen = e.waitFor("1 of 3 match “recovery”")
	if !strings.Contains(screen, "▸ Recovery code") || strings.Contains(screen, "Guardian push") || strings.Contains(screen, "One-time password") {
		t.Fatalf("the filter does not keep only the recovery code:\n%s", screen)
	}
	e.press("esc")
	screen = e.waitFor("3 authenticators")
	if !strings.Contains(screen, "Guardian push") {
		t.Fatalf("esc did not clear the applied filter:\n%s", screen)
	}
}
