package ui

import (
	"context"
	"strings"
	"testing"
)

// A string from the server reaches the screen inert: here a device named
// with a clear-screen, a clipboard write (OSC 52), a bell and a
// right-to-left override, enrolled through the sandbox's Guardian endpoint
// and then shown by the enrolled screen, the phone panel and the trace.
func TestServerStringsReachTheScreenInert(t *testing.T) {
	const evil = "Evil\x1b[5;7;199H\x1b]52;c;cHduZWQ=\x07\u202ePhone\x9b31m"
	catcher := &secretCatcher{values: map[string]string{}}
	e := startE2EWith(t, 100, 34, JourneyEnroll, e2eOptions{manual: true, record: true, transport: catcher.wrap})
	e.signIn("alice@example.com", "alice-password")
	e.choosePush()
	e.waitFor("Waiting for the phone")
	var uri string
	for v, field := range catcher.all() {
		if field == "barcode_uri" {
			uri = v
		}
	}
	if _, err := e.srv.Phone.Scan(context.Background(), uri, evil); err != nil {
		t.Fatal(err)
	}
	e.advance()
	e.waitFor("✓ Enrolled")
	e.waitFor("EvilPhone")
	e.openTrace()
	e.stop()
	e.term.mu.Lock()
	raw := e.term.out.String()
	e.term.mu.Unlock()
	for _, live := range []string{"\x1b[5;7;199H", "\x1b]52;c;cHduZWQ=", "\u202e", "\x9b31m"} {
		if strings.Contains(raw, live) {
			i := strings.Index(raw, live)
			t.Errorf("the terminal got %q from the device's name: …%q…", live, raw[max(i-80, 0):min(i+40, len(raw))])
		}
	}
}
