package trace

import (
	"sync"

	"github.com/mfapush/mfapush/auth0"
)

// The bounds of what a Log keeps: a tenant, or something in between, can
// send megabytes of headers at every poll, and a wait polls for minutes.
const (
	// MaxPartBytes bounds each part of an exchange: the URL, each header
	// block and each body. The rest of the part is left out, and counted.
	MaxPartBytes = 64 << 10
	// MaxBytes bounds the whole log: the oldest exchanges go first.
	MaxBytes = 8_000_000
)

// Log keeps the exchanges of a session, in order, within MaxBytes; safe for
// concurrent use. The zero Log is ready to use.
type Log struct {
	mu      sync.Mutex
	entries []auth0.Exchange
	bytes   int // what entries hold, by auth0.Exchange.Size
	dropped int // older exchanges no longer kept
	changed chan struct{}
}

// NewLog returns an empty log.
func NewLog() *Log { return &Log{} }

// Observe appends an exchange, cut to MaxPartBytes a part, and drops the
// oldest ones past MaxBytes; it is an auth0.Observer
// (auth0.Config{Observer: log.Observe}) and never blocks.
func (l *Log) Observe(ex auth0.Exchange) {
	ex = ex.Bounded(MaxPartBytes)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, ex)
	l.bytes += ex.Size()
	first := 0
	for l.bytes > MaxBytes && first < len(l.entries)-1 {
		l.bytes -= l.entries[first].Size()
		first++
	}
	if first > 0 {
		// A new slice, so that the dropped exchanges can be freed.
		l.entries = append([]auth0.Exchange(nil), l.entries[first:]...)
		l.dropped += first
	}
	if l.changed != nil {
		close(l.changed)
		l.changed = nil // the next Changed makes a fresh one
	}
}

// Entries returns a copy of the exchanges kept, oldest first. The
// exchanges' headers and bodies are shared: read them, do not change them.
func (l *Log) Entries() []auth0.Exchange {
	entries, _ := l.Snapshot()
	return entries
}

// Snapshot returns the exchanges kept, as Entries does, and how many older
// ones were dropped: the first kept is exchange number dropped+1.
func (l *Log) Snapshot() (entries []auth0.Exchange, dropped int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]auth0.Exchange, len(l.entries))
	copy(out, l.entries)
	return out, l.dropped
}

// Len is the number of exchanges observed so far, dropped ones included.
func (l *Log) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.dropped + len(l.entries)
}

// Bytes is about how many bytes the kept exchanges hold; never over
// MaxBytes but for a single exchange (itself bounded by MaxPartBytes).
func (l *Log) Bytes() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.bytes
}

// Changed returns a channel closed at the next append, so a TUI can wait
// for it in a command and ask again after each wake-up.
func (l *Log) Changed() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.changed == nil {
		l.changed = make(chan struct{})
	}
	return l.changed
}
