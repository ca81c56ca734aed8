package plain_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/auth0/sandbox/sandboxtest"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
	"github.com/mfapush/mfapush/internal/plain"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// pollInterval keeps the waits short: the sandbox accepts any spacing.
const pollInterval = 10 * time.Millisecond

// world is a sandbox on the real clock, polled fast, with a client that
// records every secret value crossing the wire.
type world struct {
	t       *testing.T
	srv     *sandboxtest.Server
	client  *auth0.Client
	secrets *secretLog
	// beforePoll, when set, runs once just before the next poll leaves.
	beforePoll atomic.Pointer[func()]
	// rewriteTokens, when set, changes every successful token answer, as a
	// tenant sending odd fields would.
	rewriteTokens atomic.Pointer[func([]byte) []byte]
}

// hangNextPoll makes the tenant hold the next poll unanswered; hanging is
// closed when it has left.
func (w *world) hangNextPoll() (hanging <-chan struct{}) {
	left := make(chan struct{})
	f := func() {
		if err := w.srv.Tenant.AddFault(sandbox.Fault{Path: "/oauth/token", Kind: "hang", Count: 1}); err != nil {
			w.t.Error(err)
		}
		close(left)
	}
	w.beforePoll.Store(&f)
	return left
}

func newWorld(t *testing.T, change func(*sandbox.Options)) *world {
	t.Helper()
	opts := sandbox.Options{MinPollInterval: 0, PollsPerMinute: 100000}
	if change != nil {
		change(&opts)
	}
	srv := sandboxtest.StartReal(t, opts)
	w := &world{t: t, srv: srv, secrets: &secretLog{values: map[string]string{}}}
	hc := *srv.Server.Client()
	hc.Transport = recordingTransport{next: hc.Transport, log: w.secrets, beforePoll: &w.beforePoll, rewrite: &w.rewriteTokens}
	var err error
	w.client, err = auth0.New(auth0.Config{Domain: srv.URL, ClientID: "sandbox-client", ClientSecret: "sandbox-secret", HTTPClient: &hc})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(hc.CloseIdleConnections)
	return w
}

// config is a run of flow for user with stdin, English, and outputs the
// test can watch.
func (w *world) config(f plain.Command, user, stdin string) plain.Config {
	return plain.Config{
		Command:       f,
		Env:           flow.Env{Client: w.client, Ctx: context.Background(), PollInterval: pollInterval},
		Catalog:       i18n.For(i18n.English),
		Username:      user,
		Stdout:        &output{},
		Stderr:        &output{},
		Stdin:         strings.NewReader(stdin),
		PasswordStdin: true,
	}
}

// run is a plain run going on in the background.
type run struct {
	stdout, stderr *output
	human          *output // where the lines for people go
	done           chan int
}

func start(cfg plain.Config) *run {
	r := &run{stdout: cfg.Stdout.(*output), stderr: cfg.Stderr.(*output), done: make(chan int, 1)}
	r.human = r.stdout
	if cfg.JSON {
		r.human = r.stderr
	}
	go func() { r.done <- plain.Run(cfg) }()
	return r
}

// wait returns the run's exit status.
func (r *run) wait(t *testing.T) int {
	t.Helper()
	select {
	case status := <-r.done:
		return status
	case <-time.After(30 * time.Second):
		t.Fatalf("the run did not end\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
		return -1
	}
}

// startInterruptible starts cfg with a context the test ends, as Ctrl+C
// does.
func startInterruptible(cfg plain.Config) (*run, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	cfg.Env.Ctx = ctx
	return start(cfg), cancel
}

// runJSON runs cfg with --json and returns the report it printed.
func runJSON(t *testing.T, cfg plain.Config) (report plain.Report, stdout, stderr string, status int) {
	t.Helper()
	cfg.JSON = true
	stdout, stderr, status = runToEnd(t, cfg)
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, stdout)
	}
	return report, stdout, stderr, status
}

// runToEnd runs cfg and returns its outputs and exit status.
func runToEnd(t *testing.T, cfg plain.Config) (stdout, stderr string, status int) {
	t.Helper()
	r := start(cfg)
	status = r.wait(t)
	return r.stdout.String(), r.stderr.String(), status
}

// output is a stdout or stderr the test reads while the run writes it.
type output struct {
	mu      sync.Mutex
	buf     strings.Builder
	changed chan struct{} // closed at the next write
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf.Write(p)
	if o.changed != nil {
		close(o.changed)
		o.changed = nil
	}
	return len(p), nil
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// waitFor blocks until the output holds s.
func (o *output) waitFor(t *testing.T, s string) {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		o.mu.Lock()
		if strings.Contains(o.buf.String(), s) {
			o.mu.Unlock()
			return
		}
		if o.changed == nil {
			o.changed = make(chan struct{})
		}
		changed := o.changed
		o.mu.Unlock()
		select {
		case <-changed:
		case <-timeout:
			t.Fatalf("the output never said %q:\n%s", s, o)
		}
	}
}

// awaitPush waits for a push to reach the sandbox's phone.
func awaitPush(t *testing.T, phone *sandbox.Phone) sandbox.Notification {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		changed := phone.Changed()
		if notes := phone.Notifications(); len(notes) > 0 {
			return notes[0]
		}
		select {
		case <-changed:
		case <-timeout:
			t.Fatal("no push reached the phone")
		}
	}
}

// lineWith is the first line of text that contains s, trimmed.
func lineWith(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return strings.TrimSpace(l)
		}
	}
	return ""
}
