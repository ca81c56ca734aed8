package ui

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

// The trace says what it left out: older exchanges in the list, the parts
// of an exchange under the cursor and at the top of its details; numbers
// stay those of the whole session.
func TestTraceSaysWhatItLeftOut(t *testing.T) {
	f := newFixture(t, fixtureOptions{width: 100, height: 34})
	challengeFixture(f)
	huge := http.Header{"X-Padding": {strings.Repeat("p", 8<<20)}}
	polls := trace.MaxBytes/trace.MaxPartBytes + 10
	for i := range polls {
		f.m.opts.Trace.Observe(auth0.Exchange{Op: fmt.Sprint(i), Method: "POST", URL: "http://127.0.0.1:8484/oauth/token",
			StatusCode: 400, ErrorCode: "authorization_pending", ResponseHeader: huge})
	}
	f.key("t")
	list := f.screen()
	_, dropped := f.m.opts.Trace.Snapshot()
	for _, want := range []string{
		fmt.Sprintf("… %d older exchanges not kept (the trace keeps at most 8.0 MB)", dropped),
		fmt.Sprintf("#%d … 8.3 MB of headers not kept", polls),
		fmt.Sprintf("%d exchanges", polls),
		fmt.Sprintf("▸ %d  POST", polls),
	} {
		if !strings.Contains(list, want) {
			t.Errorf("the list lacks %q:\n%s", want, list)
		}
	}
	f.key("enter")
	if detail := f.screen(); !strings.Contains(detail, fmt.Sprintf("#%d  POST", polls)) || !strings.Contains(detail, "… 8.3 MB of headers not kept") {
		t.Errorf("the details do not say what was left out:\n%s", detail)
	}
}
