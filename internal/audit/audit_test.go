package audit

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/internal/clock"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var at = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func TestEntriesRoundTripInAnOwnerOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	l := At(path, clock.NewManual(at))
	for _, e := range []Entry{
		{Tenant: "dev-abc.us.auth0.com", UserID: "auth0|65f0", Action: ActionVerify, Outcome: OutcomeRejected},
		{Tenant: "127.0.0.1:8484", UserID: "auth0|65f0", Action: ActionResetMethod, Outcome: OutcomeDone, MethodIDs: []string{"push|dev_AbC", "totp|dev_DeF"}},
		{Tenant: "127.0.0.1:8484", UserID: "auth0|65f0", Action: ActionCreateTicket, Outcome: OutcomeFailed, ErrorCode: "insufficient_scope"},
	} {
		if err := l.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	entries, skipped, err := Read(path)
	if err != nil || skipped != 0 || len(entries) != 3 {
		t.Fatalf("read %d entries, %d skipped, %v", len(entries), skipped, err)
	}
	if e := entries[1]; !e.Time.Equal(at) || e.OSUser == "" || e.Action != ActionResetMethod || len(e.MethodIDs) != 2 {
		t.Errorf("entry %+v", e)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("mode %v %v, want 0600", info.Mode().Perm(), err)
		}
	}
}

func TestAFileMadeByHandIsMadePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits")
	}
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := At(path, nil).Append(Entry{Tenant: "t", Action: ActionFindUser, Outcome: OutcomeDone}); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
}

// TestNoSecretFitsInAnEntry: every field takes ids and codes only, so a
// token, a recovery code with spaces, a URL with a ticket or a message
// cannot be written by mistake.
func TestNoSecretFitsInAnEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	l := At(path, nil)
	for name, e := range map[string]Entry{
		"a ticket URL":           {Tenant: "t", Action: ActionCreateTicket, Outcome: OutcomeDone, TicketID: "https://t/mfa/enrollment?ticket=abc"},
		"an error message":       {Tenant: "t", Action: ActionVerify, Outcome: OutcomeFailed, ErrorCode: "The user does not exist."},
		"a free outcome":         {Tenant: "t", Action: ActionVerify, Outcome: "approved with code 123456"},
		"a bearer token as user": {Tenant: "t", UserID: "Bearer eyJ.x.y", Action: ActionViewUser, Outcome: OutcomeDone},
		"no action":              {Tenant: "t", Outcome: OutcomeDone},
		"an overlong id":         {Tenant: strings.Repeat("a", 300), Action: ActionFindUser, Outcome: OutcomeDone},
	} {
		if err := l.Append(e); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused entry created the file")
	}
}

func TestConcurrentAppendsKeepWholeLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	const writers, each = 8, 50
	var wg sync.WaitGroup
	for w := range writers {
		l := At(path, nil) // one Log each, as separate processes would have
		wg.Go(func() {
			for i := range each {
				ids := []string{strings.Repeat("x", 200+w), "push|dev_" + strings.Repeat("y", i)}
				if err := l.Append(Entry{Tenant: "t", UserID: "auth0|1", Action: ActionResetAll, Outcome: OutcomeDone, MethodIDs: ids}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	entries, skipped, err := Read(path)
	if err != nil || skipped != 0 || len(entries) != writers*each {
		t.Errorf("%d entries, %d skipped, %v; want %d whole lines", len(entries), skipped, err, writers*each)
	}
}

func TestReadSkipsATornLine(t *testing.T) {
	in := `{"time":"2026-03-01T09:00:00Z","os_user":"ann","tenant":"t","action":"verify","outcome":"done"}
{"time":"2026-03-01T09:01:00Z","os_user":"ann","tenant":"t","action":"ver`
	entries, skipped, err := ReadFrom(strings.NewReader(in))
	if err != nil || len(entries) != 1 || skipped != 1 {
		t.Errorf("%d entries, %d skipped, %v", len(entries), skipped, err)
	}
	if entries, _, err := Read(filepath.Join(t.TempDir(), "none.jsonl")); err != nil || entries != nil {
		t.Errorf("a missing log: %v %v", entries, err)
	}
}
