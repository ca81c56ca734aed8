package trace_test

import (
	"sync"
	"testing"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/trace"
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
