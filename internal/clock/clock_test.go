package clock

import (
	"context"
	"testing"
	"time"
)

func TestManualFiresOnlyWhenDue(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	c := NewManual(start)
	ch := c.After(5 * time.Second)
	c.Advance(4 * time.Second)
	select {
	case <-ch:
		t.Fatal("fired after 4s of a 5s wait")
	default:
	}
	c.Advance(time.Second)
	select {
	case got := <-ch:
		if !got.Equal(start.Add(5 * time.Second)) {
			t.Fatalf("fired with %v", got)
		}
	default:
		t.Fatal("did not fire when due")
	}
	if c.Waiters() != 0 {
		t.Fatalf("waiters = %d after firing", c.Waiters())
	}
}

func TestManualNonPositiveFiresAtOnce(t *testing.T) {
	c := NewManual(time.Unix(0, 0))
	select {
	case <-c.After(0):
	default:
		t.Fatal("After(0) did not fire at once")
	}
}

func TestBlockUntilWaiters(t *testing.T) {
	c := NewManual(time.Unix(0, 0))
	done := make(chan error, 1)
	go func() { done <- c.BlockUntilWaiters(context.Background(), 2) }()
	c.After(time.Second)
	c.After(2 * time.Second)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if d, ok := c.NextWait(); !ok || d != time.Second {
		t.Fatalf("NextWait = %v, %v", d, ok)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.BlockUntilWaiters(ctx, 3); err == nil {
		t.Fatal("BlockUntilWaiters ignored a cancelled context")
	}
}
