package trace_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/trace"
)

func TestLogKeepsOrderAndSignalsEachAppend(t *testing.T) {
	log := trace.NewLog()
	changed := log.Changed()
	if closed(changed) {
		t.Fatal("Changed is closed before any append")
	}
	log.Observe(auth0.Exchange{Op: "first"})
	if !closed(changed) {
		t.Fatal("Changed not closed by the append")
	}
	again := log.Changed()
	if closed(again) {
		t.Fatal("the re-armed channel is closed already")
	}
	log.Observe(auth0.Exchange{Op: "second"})
	if !closed(again) {
		t.Fatal("the re-armed channel not closed by the next append")
	}

	entries := log.Entries()
	if log.Len() != 2 || len(entries) != 2 || entries[0].Op != "first" || entries[1].Op != "second" {
		t.Fatalf("entries %+v", entries)
	}
	entries[0].Op = "changed by the caller"
	if log.Entries()[0].Op != "first" {
		t.Error("Entries is not a copy")
	}
}

func TestLogConcurrentUse(t *testing.T) {
	var log trace.Log // the zero Log works too
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				ch := log.Changed()
				log.Observe(auth0.Exchange{})
				<-ch // every append closes the channel taken before it
				_ = log.Entries()
			}
		})
	}
	wg.Wait()
	if log.Len() != 400 {
		t.Fatalf("Len = %d, want 400", log.Len())
	}
}

func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// keptBytes counts, independently of the log, the bytes its exchanges hold.
func keptBytes(entries []auth0.Exchange) int {
	n := 0
	for _, ex := range entries {
		n += len(ex.URL) + len(ex.RequestBody) + len(ex.ResponseBody) + len(ex.Failure)
		for _, h := range []http.Header{ex.RequestHeader, ex.ResponseHeader} {
			for name, values := range h {
				for _, v := range values {
					n += len(name) + len(v)
				}
			}
		}
	}
	return n
}

// hugeHeaders is an answer with 8 MB of headers, as a hostile tenant or a
// broken proxy sent at every poll.
func hugeHeaders() http.Header {
	return http.Header{"Content-Type": {"application/json"}, "X-Padding": {strings.Repeat("p", 8<<20)}}
}

// TestLogBoundsWhatItKeeps: 48 polls of 8 MB of headers each took 580 MB;
// the log keeps at most trace.MaxPartBytes of each part of an exchange, and
// at most trace.MaxBytes in all, whatever the number of polls.
func TestLogBoundsWhatItKeeps(t *testing.T) {
	log := trace.NewLog()
	huge := hugeHeaders()
	const polls = 200
	for i := range polls {
		log.Observe(auth0.Exchange{Op: fmt.Sprint(i), Method: "POST", URL: "http://h/oauth/token", StatusCode: 400, ResponseHeader: huge,
			ResponseBody: []byte(`{"error":"authorization_pending"}`)})
		if kept := keptBytes(log.Entries()); kept > trace.MaxBytes || log.Bytes() > trace.MaxBytes {
			t.Fatalf("the log keeps %d bytes (says %d) after %d polls", kept, log.Bytes(), log.Len())
		}
	}
	entries, dropped := log.Snapshot()
	if log.Len() != polls || dropped+len(entries) != polls {
		t.Errorf("Len %d, %d kept and %d dropped, want %d in all", log.Len(), len(entries), dropped, polls)
	}
	if entries[0].Op != fmt.Sprint(dropped) || entries[len(entries)-1].Op != fmt.Sprint(polls-1) {
		t.Errorf("kept exchanges %s to %s after %d dropped: the oldest must go first", entries[0].Op, entries[len(entries)-1].Op, dropped)
	}
	for _, ex := range entries {
		if kept := keptBytes([]auth0.Exchange{ex}); kept > 2*trace.MaxPartBytes+100 {
			t.Fatalf("one exchange keeps %d bytes", kept)
		}
	}
	// It says what it left out: in the exchange, and in the list.
	ex := entries[len(entries)-1]
	for c, want := range map[*i18n.Catalog]string{en: "… 8.3 MB of headers not kept", fr: "… 8,3 Mo d’en-têtes non conservés"} {
		if details := trace.Details(ex, c); !strings.HasPrefix(details, want+"\n") {
			t.Errorf("the details do not start with %q:\n%s", want, details[:min(len(details), 300)])
		}
	}
	if dropped == 0 || trace.DroppedNote(dropped, en) != fmt.Sprintf("… %d older exchanges not kept (the trace keeps at most 8.0 MB)", dropped) {
		t.Errorf("%d dropped: %q", dropped, trace.DroppedNote(dropped, en))
	}
	if trace.DroppedNote(0, en) != "" || trace.CutNote(auth0.Exchange{}, en) != "" {
		t.Error("a note for nothing left out")
	}
}

// TestLogMemoryStaysBoundedOverHTTP polls a server that answers 8 MB of
// headers, through the client, into the log: the heap grows by no more
// than the log's bound, so nothing of an answer is held beyond what is kept.
func TestLogMemoryStaysBoundedOverHTTP(t *testing.T) {
	padding := strings.Repeat("p", 8<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Padding", padding)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"error":"authorization_pending","error_description":"Authorization pending"}`)
	}))
	defer srv.Close()
	log := trace.NewLog()
	client, err := auth0.New(auth0.Config{Domain: srv.URL, ClientID: "cid", Observer: log.Observe})
	if err != nil {
		t.Fatal(err)
	}
	defer client.CloseIdleConnections()
	before := heapInUse()
	for range 6 {
		if _, err := client.VerifyOOB(context.Background(), "mfa-token", "oob-code", ""); auth0.OutcomeOf(err) != auth0.OutcomePending {
			t.Fatalf("poll: %v", err)
		}
	}
	grown := int(heapInUse()) - int(before)
	if grown > 2*trace.MaxBytes {
		t.Errorf("the heap grew by %d bytes over 6 polls of 8 MB of headers", grown)
	}
	if note := trace.CutNote(log.Entries()[5], en); !strings.Contains(note, "MB of headers not kept") {
		t.Errorf("cut note %q", note)
	}
	runtime.KeepAlive(log)
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
