package ui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"
)

// TestE2EQuitLeavesTheAlternateScreenBlank: tmux 3.3 reflows the alternate
// screen to the size the shell had when it is left, and the lines that
// wrap in that reflow land in the shell above its prompt. So after the
// window grew, the program must leave nothing on the alternate screen.
func TestE2EQuitLeavesTheAlternateScreenBlank(t *testing.T) {
	e := startE2EWith(t, 80, 24, JourneyEnroll, e2eOptions{record: true})
	e.signIn("alice@example.com", "alice-password")
	e.choosePush()
	e.waitFor("Waiting for the phone")

	e.term.mu.Lock()
	grewAt := e.term.out.Len()
	e.term.emu.Resize(100, 34)
	e.term.mu.Unlock()
	e.prog.Send(tea.WindowSizeMsg{Width: 100, Height: 34})
	e.waitFor("1. Open Auth0 Guardian")
	e.press("q")
	e.stop()

	e.term.mu.Lock()
	out := bytes.Clone(e.term.out.Bytes())
	e.term.mu.Unlock()
	leave := bytes.LastIndex(out, []byte("\x1b[?1049l"))
	if leave < grewAt {
		t.Fatal("the program never left the alternate screen")
	}
	replay := vt.NewEmulator(80, 24)
	replay.Write([]byte("\x1b[20h"))
	replay.Write(out[:grewAt])
	replay.Resize(100, 34)
	replay.Write(out[grewAt:leave])
	if left := strings.TrimSpace(replay.String()); left != "" {
		t.Errorf("the alternate screen still held, when left:\n%s", left)
	}
}
