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
	select {
	case <-changed:
		t.Fatal("Changed is closed before any append")
	default:
	}
	log.Observe(auth0.Exchange{Op: "first"})
	select {
	case <-changed:
	default:
		t.Fatal("Changed not closed by the append")
	}
	again := log.Changed()
	select {
	case <-again:
		t.Fatal("the re-armed channel is closed already")
	default:
	}
	log.Observe(auth0.Exchange{Op: "second"})
	<-again

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
