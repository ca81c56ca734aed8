package trace

import (
	"sync"

	"github.com/mfapush/mfapush/auth0"
)

// Log keeps every exchange of a session, in order; safe for concurrent use.
// The zero Log is ready to use.
type Log struct {
	mu      sync.Mutex
	entries []auth0.Exchange
	changed chan struct{}
}

// NewLog returns an empty log.
func NewLog() *Log { return &Log{} }

// Observe appends an exchange; it is an auth0.Observer
// (auth0.Config{Observer: log.Observe}) and never blocks.
func (l *Log) Observe(ex auth0.Exchange) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, ex)
	if l.changed != nil {
		close(l.changed)
		l.changed = nil // the next Changed makes a fresh one
	}
}

// Entries returns a copy of the exchanges, oldest first. The exchanges'
// headers and bodies are shared: read them, do not change them.
func (l *Log) Entries() []auth0.Exchange {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]auth0.Exchange, len(l.entries))
	copy(out, l.entries)
	return out
}

// Len is the number of exchanges so far.
func (l *Log) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
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
