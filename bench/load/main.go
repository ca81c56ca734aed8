// Command load puts the sandbox tenant under load on loopback: many clients
// (mfapush's own auth0 client) poll pending push challenges at once, as
// many waiting users would. It reports latency, throughput and every
// answer that is not "authorization_pending", then lets the challenges
// expire and reports the memory and goroutines the sandbox keeps after.
//
//	go run ./bench/load                       # 1,000 clients for 30 s, twice
//	go run ./bench/load -duration 5s          # a short run
//	go run ./bench/load -doc docs/reliability.md
//
// Everything stays on 127.0.0.1 and stops by itself.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/clock"
	"github.com/mfapush/mfapush/internal/gendoc"
)

func main() {
	clients := flag.Int("clients", 1000, "concurrent polling clients")
	duration := flag.Duration("duration", 30*time.Second, "how long the clients poll")
	interval := flag.Duration("interval", time.Second, "each client's spacing between polls (Auth0's is 5s; shorter is harder)")
	rounds := flag.Int("rounds", 2, "load rounds on the same sandbox, each left to expire: the heap after each shows it is bounded")
	doc := flag.String("doc", "", "also write the report into this Markdown file's load section")
	flag.Parse()
	report, err := run(*clients, *rounds, *duration, *interval)
	fmt.Print(report)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	if *doc != "" {
		body := fmt.Sprintf("Last run %s (`go run ./bench/load %s`), %d CPUs, %s:\n\n```\n%s```\n",
			time.Now().UTC().Format("2006-01-02 15:04 MST"), strings.Join(os.Args[1:], " "), runtime.NumCPU(), runtime.Version(), report)
		if err := gendoc.Replace(*doc, "load", body); err != nil {
			fmt.Fprintln(os.Stderr, "load:", err)
			os.Exit(1)
		}
	}
}

// load is one long-running sandbox and what it started with.
type load struct {
	srv            *sandbox.Server
	clock          *clock.Manual
	baseGoroutines int
	baseHeap       uint64
	say            func(format string, args ...any)
}

func run(clients, rounds int, duration, interval time.Duration) (string, error) {
	var out strings.Builder
	l := &load{say: func(format string, args ...any) { fmt.Fprintf(&out, format+"\n", args...) }}
	// The tenant's clock is manual: it stands still while the clients poll
	// (nothing expires mid-run) and jumps past every lifetime afterwards.
	l.clock = clock.NewManual(time.Now())
	var err error
	l.srv, err = sandbox.Start("127.0.0.1:0", sandbox.Options{
		Clock: l.clock, PushesPerMinute: 1 << 30, PollsPerMinute: 1 << 30, // no 429 by design: errors are unexpected
	})
	if err != nil {
		return "", err
	}
	defer l.srv.Close()
	settle()
	l.baseGoroutines, l.baseHeap = runtime.NumGoroutine(), heap()
	l.say("sandbox      %s; %d goroutines and a heap of %s before any client", l.srv.URL, l.baseGoroutines, mib(l.baseHeap))
	l.say("load         %d clients, one poll each every %v, for %v; %d round(s)", clients, interval, duration, rounds)
	for i := 1; i <= rounds; i++ {
		l.say("round %d", i)
		if err := l.round(clients, duration, interval); err != nil {
			return out.String(), err
		}
	}
	return out.String(), nil
}

// round loads the sandbox, then lets everything expire and checks that
// the sandbox is back to what it kept before.
func (l *load) round(clients int, duration, interval time.Duration) error {
	say, srv := l.say, l.srv
	// Each client is a person running mfapush: a client of its own (with
	// its own secrets to redact), over one shared pool of connections.
	transport := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients, IdleConnTimeout: time.Minute}
	newClient := func() (*auth0.Client, error) {
		return auth0.New(auth0.Config{Domain: srv.URL, ClientID: "sandbox-client", ClientSecret: "sandbox-secret",
			HTTPClient: &http.Client{Transport: transport}})
	}
	ctx := context.Background()
	waits, err := challenges(ctx, newClient, clients)
	if err != nil {
		return err
	}

	var (
		mu         sync.Mutex
		latencies  []time.Duration
		unexpected = map[string]int{}
		polls      atomic.Int64
	)
	stop := time.Now().Add(duration)
	var wg sync.WaitGroup
	began := time.Now()
	for i, w := range waits {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(interval * time.Duration(i) / time.Duration(len(waits))) // spread the first polls
			var mine []time.Duration
			for time.Now().Before(stop) {
				t0 := time.Now()
				_, err := w.client.VerifyOOB(ctx, w.mfaToken, w.oobCode, "")
				mine = append(mine, time.Since(t0))
				polls.Add(1)
				if o := auth0.OutcomeOf(err); o != auth0.OutcomePending {
					mu.Lock()
					unexpected[fmt.Sprintf("%v: %v", o, err)]++
					mu.Unlock()
				}
				time.Sleep(interval)
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(began)
	settle()
	loadedHeap, stats := heap(), srv.Tenant.Stats()

	slices.Sort(latencies)
	say("  polls        %d in %.1fs: %.0f req/s", polls.Load(), elapsed.Seconds(), float64(polls.Load())/elapsed.Seconds())
	say("  latency      p50 %v, p99 %v, max %v", pct(latencies, 50), pct(latencies, 99), pct(latencies, 100))
	say("  unexpected   %d answers that were not authorization_pending", total(unexpected))
	for what, n := range unexpected {
		say("               %d × %s", n, what)
	}
	say("  tenant       %+v", stats)

	// Everything expires; the next request sweeps it. The clients are
	// dropped first, so that the heap left is the sandbox's.
	waits, latencies = nil, nil
	transport.CloseIdleConnections()
	l.clock.Advance(25 * time.Hour)
	resp, err := http.Get(srv.URL + "/.well-known/jwks.json")
	if err != nil {
		return err
	}
	resp.Body.Close()
	http.DefaultTransport.(*http.Transport).CloseIdleConnections()
	srv.Phone.Notifications() // the phone forgets expired pushes as it lists them,
	l.clock.Advance(3 * time.Hour)
	srv.Phone.Notifications() // and, after a grace, that it had them
	settle()
	afterHeap, afterStats, afterGoroutines := heap(), srv.Tenant.Stats(), runtime.NumGoroutine()
	say("  memory       heap %s loaded, %s once everything expired and the clients went", mib(loadedHeap), mib(afterHeap))
	say("  tenant after %+v", afterStats)
	say("  goroutines   %d after the round (%d before any client)", afterGoroutines, l.baseGoroutines)

	switch {
	case total(unexpected) > 0:
		return fmt.Errorf("%d unexpected answers", total(unexpected))
	case afterStats != (sandbox.Stats{}):
		return fmt.Errorf("the tenant kept expired state: %+v", afterStats)
	case afterGoroutines > l.baseGoroutines:
		return fmt.Errorf("%d goroutines more than at start", afterGoroutines-l.baseGoroutines)
	case afterHeap > l.baseHeap+4<<20:
		return fmt.Errorf("the heap stays at %s after expiry (%s at start)", mib(afterHeap), mib(l.baseHeap))
	}
	return nil
}

// wait is one client's pending challenge.
type wait struct {
	client            *auth0.Client
	mfaToken, oobCode string
}

// challenges signs bob in n times, each with a new client, and sends a
// push each time.
func challenges(ctx context.Context, newClient func() (*auth0.Client, error), n int) ([]wait, error) {
	var push string
	out := make([]wait, 0, n)
	for range n {
		c, err := newClient()
		if err != nil {
			return nil, err
		}
		res, err := c.LoginWithPassword(ctx, auth0.PasswordLogin{Username: "bob@example.com", Password: "bob-password"})
		if err != nil || res.MFARequired == nil {
			return nil, fmt.Errorf("sign in: %+v %v", res, err)
		}
		token := res.MFARequired.MFAToken
		if push == "" {
			list, err := c.ListAuthenticators(ctx, token)
			if err != nil {
				return nil, err
			}
			if pushes := flow.Push.Answering(list); len(pushes) > 0 {
				push = pushes[len(pushes)-1].ID
			}
		}
		ch, err := c.Challenge(ctx, auth0.ChallengeRequest{MFAToken: token, ChallengeType: "oob", AuthenticatorID: push})
		if err != nil {
			return nil, fmt.Errorf("challenge: %v", err)
		}
		out = append(out, wait{c, token, ch.OOBCode})
	}
	return out, nil
}

// settle lets finished goroutines exit and collects garbage.
func settle() {
	for range 3 {
		time.Sleep(300 * time.Millisecond)
		runtime.GC()
	}
}

func heap() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func mib(b uint64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

func pct(sorted []time.Duration, p int) time.Duration {
	return sorted[(len(sorted)-1)*p/100].Round(time.Microsecond)
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
