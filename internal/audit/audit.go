// Package audit keeps the helpdesk's audit log: one JSON line per action,
// appended to a file only its owner can read, in mfapush's private data
// folder. An entry holds who did what to whom and how it ended, and ids
// that point to Auth0's own records; never a token, code or secret, which
// the entry's fields leave no room for.
package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mfapush/mfapush/internal/clock"
	"github.com/mfapush/mfapush/internal/datadir"
)

// FileName is the log's name in the data folder.
const FileName = "helpdesk-audit.jsonl"

// Action is what the helpdesk did.
type Action string

const (
	ActionFindUser     Action = "find_user"
	ActionViewUser     Action = "view_user"
	ActionVerify       Action = "verify"        // a CIBA push with a binding message
	ActionResetMethod  Action = "reset_method"  // one authentication method deleted
	ActionResetAll     Action = "reset_all"     // every authentication method deleted
	ActionCreateTicket Action = "create_ticket" // an enrollment ticket
	ActionRecoveryCode Action = "recovery_code" // a recovery code regenerated
)

// Outcome is how the action ended.
type Outcome string

const (
	OutcomeDone      Outcome = "done"      // done, or a verification approved
	OutcomeRejected  Outcome = "rejected"  // the user refused the push
	OutcomeExpired   Outcome = "expired"   // the push was never answered
	OutcomeCancelled Outcome = "cancelled" // the agent gave up
	OutcomeFailed    Outcome = "failed"    // an error; the tenant did not act
)

// Entry is one line of the log.
type Entry struct {
	Time   time.Time `json:"time"`
	OSUser string    `json:"os_user"`
	Tenant string    `json:"tenant"` // the tenant's domain
	UserID string    `json:"user_id,omitempty"`
	Action Action    `json:"action"`
	// Outcome, and for a failure the error's code (insufficient_scope,
	// inexistent_user…), never its text.
	Outcome   Outcome  `json:"outcome"`
	ErrorCode string   `json:"error_code,omitempty"`
	TicketID  string   `json:"ticket_id,omitempty"`
	MethodIDs []string `json:"method_ids,omitempty"`
}

// maxLine bounds one entry, so that each is written whole by one write.
const maxLine = 4 << 10

// Log appends entries to one file. It is safe for concurrent use, and
// several processes may append to the same file.
type Log struct {
	path   string
	clock  clock.Clock
	osUser func() string
	mu     sync.Mutex
}

// Open opens the log in mfapush's private data folder.
func Open(clk clock.Clock) (*Log, error) {
	dir, err := datadir.Private()
	if err != nil {
		return nil, fmt.Errorf("audit log: no private data folder: %w", err)
	}
	return At(filepath.Join(dir, FileName), clk), nil
}

// At is a log at path (its folder must exist); nil clk is the real clock.
func At(path string, clk clock.Clock) *Log {
	if clk == nil {
		clk = clock.Real
	}
	return &Log{path: path, clock: clk, osUser: sync.OnceValue(osUser)}
}

// Path is the log's file.
func (l *Log) Path() string { return l.path }

// osUser is asked at the first entry, not when the log opens: the home
// screen opens the helpdesk's log before its first frame, and the lookup
// reads the system's user database.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown"
}

// ErrInvalid is wrapped by the error for an entry Append refuses.
var ErrInvalid = errors.New("audit entry refused")

// Append writes one entry, stamped with the time and the OS user, as one
// line appended to the file, which it makes readable by its owner alone.
func (l *Log) Append(e Entry) error {
	e.Time, e.OSUser = l.clock.Now().UTC(), l.osUser()
	if err := e.check(); err != nil {
		return err
	}
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	if len(line) > maxLine {
		return fmt.Errorf("%w: an entry of %d bytes", ErrInvalid, len(line))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil { // a file made by hand, or by an older version
		return fmt.Errorf("audit log: %w", err)
	}
	// O_APPEND and one write per line: lines of concurrent writers never
	// interleave.
	if _, err := f.Write(line); err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	return nil
}

// check refuses an entry whose fields hold anything but ids and codes:
// what the log keeps must be safe to show and to hand to an auditor.
func (e Entry) check() error {
	bad := func(field, v string) error { return fmt.Errorf("%w: %s %q is not an id", ErrInvalid, field, v) }
	if e.Action == "" || !isWord(string(e.Action)) {
		return bad("action", string(e.Action))
	}
	if e.Outcome == "" || !isWord(string(e.Outcome)) {
		return bad("outcome", string(e.Outcome))
	}
	for field, v := range map[string]string{"tenant": e.Tenant, "user_id": e.UserID, "error_code": e.ErrorCode, "ticket_id": e.TicketID} {
		if !isID(v) {
			return bad(field, v)
		}
	}
	for _, id := range e.MethodIDs {
		if id == "" || !isID(id) {
			return bad("method_ids", id)
		}
	}
	return nil
}

func isWord(s string) bool { return strings.Trim(s, "abcdefghijklmnopqrstuvwxyz_") == "" }

// isID accepts what Auth0's ids and domains are made of: letters, digits
// and | _ - . : @ / (auth0|65f…, push|dev_…, google-oauth2|…, host:port).
func isID(s string) bool {
	if len(s) > 256 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("|_-.:@/", r)) {
			return false
		}
	}
	return true
}

// Read reads every entry of the log at path, oldest first. A line that is
// not an entry (a write cut short by a crash) is skipped and counted, so
// that one bad line does not hide the rest. A missing file has no entries.
func Read(path string) (entries []Entry, skipped int, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("audit log: %w", err)
	}
	defer f.Close()
	return ReadFrom(f)
}

// ReadFrom reads entries from r, as Read does.
func ReadFrom(r io.Reader) (entries []Entry, skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, maxLine), 1<<20)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e Entry
		if json.Unmarshal(line, &e) != nil || e.check() != nil || e.Time.IsZero() {
			skipped++
			continue
		}
		entries = append(entries, e)
	}
	return entries, skipped, sc.Err()
}
