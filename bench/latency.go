//go:build linux

package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/config"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/sandboxphone"
	"github.com/mfapush/mfapush/ui"
)

// latencyResult is the approval latency: from the phone's approval to the
// success frame on screen, beside the spacing of the polls that found it.
type latencyResult struct {
	interval time.Duration   // the configured poll interval of the embedded sandbox
	samples  []latencySample // in the order they were approved
	spacing  []time.Duration // between consecutive polls of one wait
}

type latencySample struct {
	waited  time.Duration // from the first poll to the approval
	latency time.Duration // approval -> "Signed in with MFA" on screen
}

func (r *latencyResult) latencies() []time.Duration {
	out := make([]time.Duration, len(r.samples))
	for i, s := range r.samples {
		out[i] = s.latency
	}
	return out
}

// successText is on the result screen once a push was approved.
const successText = "Signed in with MFA"

// measureLatency runs n copies of the real interface at once, each in a
// virtual terminal, against one sandbox set up as the embedded one is (the
// same poll interval, slow_down spacing and rate limit). Each signs bob in
// and sends a push, which the phone approves at a random point of the
// first window of the wait.
func measureLatency(n int, window time.Duration) (*latencyResult, error) {
	res := &latencyResult{interval: config.DefaultSandboxPollInterval}
	opts := sandbox.PollingOptions(res.interval) // as cli does for the embedded sandbox
	opts.PushesPerMinute = n + 5                 // one push per sample; it does not touch the wait
	srv, err := sandbox.Start("", opts)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	pushes := &pushLedger{srv: srv, claimed: map[string]bool{}}
	for i := range n {
		// Spread over the window, each at a random point of its slot.
		slot := window / time.Duration(n)
		at := time.Duration(i)*slot + time.Duration(rand.Int64N(int64(slot)))
		wg.Go(func() {
			sample, polls, err := approveAfter(srv, pushes, res.interval, at)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return
			}
			res.samples = append(res.samples, sample)
			for i := 1; i < len(polls); i++ {
				res.spacing = append(res.spacing, polls[i].Sub(polls[i-1]))
			}
		})
	}
	wg.Wait()
	slices.SortFunc(res.samples, func(a, b latencySample) int { return cmp.Compare(a.waited, b.waited) })
	return res, firstErr
}

// pollRecorder notes when each mfa-oob poll of one client goes out.
type pollRecorder struct {
	base  http.RoundTripper
	mu    sync.Mutex
	polls []time.Time
}

func (p *pollRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Path == "/oauth/token" && req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			b, _ := io.ReadAll(body)
			if bytes.Contains(b, []byte("oob_code=")) {
				p.mu.Lock()
				p.polls = append(p.polls, time.Now())
				p.mu.Unlock()
			}
		}
	}
	return p.base.RoundTrip(req)
}

func (p *pollRecorder) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.polls)
}

// pushLedger tells the copies' pushes apart: one copy at a time sends its
// push and claims the notification that came of it.
type pushLedger struct {
	srv     *sandbox.Server
	mu      sync.Mutex
	claimed map[string]bool
}

// push runs send, waits for its notification on the phone and returns it.
func (l *pushLedger) push(send func() error) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := send(); err != nil {
		return "", err
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		for _, n := range l.srv.Phone.Notifications() {
			if !l.claimed[n.ID] {
				l.claimed[n.ID] = true
				return n.ID, nil
			}
		}
		time.Sleep(time.Millisecond)
	}
	return "", errors.New("no notification came of the push")
}

// approveAfter runs the interface until bob's push waits, approves it on
// the phone once the wait has gone on for after, and times the success
// frame. It returns when each poll of the wait went out.
func approveAfter(srv *sandbox.Server, pushes *pushLedger, interval, after time.Duration) (latencySample, []time.Time, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec := &pollRecorder{base: srv.Client().Transport}
	client, err := auth0.New(auth0.Config{Domain: srv.URL, ClientID: "sandbox-client", ClientSecret: "sandbox-secret",
		HTTPClient: &http.Client{Transport: rec}})
	if err != nil {
		return latencySample{}, nil, err
	}
	env := flow.Env{Client: client, Ctx: ctx, PollInterval: interval}
	m := ui.New(ui.Options{Env: env, Phone: sandboxphone.New(srv.Phone), Sandbox: true,
		Start: ui.JourneyChallenge, Theme: ui.ThemeDark})
	term := newVterm(termWidth, termHeight)
	prog := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(term),
		tea.WithWindowSize(termWidth, termHeight), tea.WithoutSignals(), tea.WithContext(ctx),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithColorProfile(colorprofile.TrueColor))
	done := make(chan struct{})
	go func() {
		prog.Run()
		close(done)
	}()
	defer func() {
		prog.Quit()
		<-done
	}()
	typeText := func(s string) {
		for _, r := range s {
			prog.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	enter := func() { prog.Send(tea.KeyPressMsg{Code: tea.KeyEnter}) }
	if _, err := term.waitFor("Email", 20*time.Second); err != nil {
		return latencySample{}, nil, err
	}
	typeText("bob@example.com")
	enter()
	typeText("bob-password")
	enter()
	if _, err := term.waitFor("3 authenticators", 20*time.Second); err != nil {
		return latencySample{}, nil, err
	}
	note, err := pushes.push(func() error {
		enter() // challenge the push authenticator
		_, err := term.waitFor(challengeWaiting, 20*time.Second)
		return err
	})
	if err != nil {
		return latencySample{}, nil, err
	}
	for rec.count() == 0 {
		time.Sleep(time.Millisecond)
	}
	first := time.Now()
	time.Sleep(after)
	approved := time.Now()
	if err := srv.Phone.Approve(ctx, note); err != nil {
		return latencySample{}, nil, err
	}
	at, err := term.waitFor(successText, after+20*time.Second)
	if err != nil {
		return latencySample{}, nil, err
	}
	if !strings.Contains(term.String(), "bob@example.com") {
		return latencySample{}, nil, errors.New("the result screen does not name bob")
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return latencySample{waited: approved.Sub(first), latency: at.Sub(approved)}, slices.Clone(rec.polls), nil
}
