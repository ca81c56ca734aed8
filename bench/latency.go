package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
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
	"github.com/mfapush/mfapush/ui"
)

// latencyResult is the approval latency: from the phone's approval to the
// success frame on screen, beside the spacing of the polls that found it.
type latencyResult struct {
	interval time.Duration   // the configured poll interval of the embedded sandbox
	samples  []time.Duration // approval -> "Signed in with MFA" on screen
	spacing  []time.Duration // between consecutive polls of one wait
}

// successText is on the result screen once a push was approved.
const successText = "Signed in with MFA"

// measureLatency runs the real interface in a virtual terminal against a
// sandbox set up as the embedded one is (the same poll interval and slow_down
// spacing), and approves each push at a random point of its wait.
func measureLatency(n int) (*latencyResult, error) {
	res := &latencyResult{interval: config.DefaultSandboxPollInterval}
	var mu sync.Mutex
	var polls []time.Time
	opts := sandbox.DefaultOptions()
	opts.MinPollInterval = res.interval // as cli does for the embedded sandbox
	opts.PushesPerMinute = 1000         // one push per sample; it does not touch the wait
	opts.RequestLog = func(r sandbox.RequestRecord) {
		if r.Path == "/oauth/token" && slices.Contains(r.Fields, "oob_code") {
			mu.Lock()
			polls = append(polls, r.Time)
			mu.Unlock()
		}
	}
	srv, err := sandbox.Start("", opts)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	client, err := auth0.New(auth0.Config{Domain: srv.URL, ClientID: "sandbox-client", ClientSecret: "sandbox-secret", HTTPClient: srv.Client()})
	if err != nil {
		return nil, err
	}
	pollCount := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(polls)
	}
	for range n {
		mu.Lock()
		polls = polls[:0]
		mu.Unlock()
		d, err := latencySample(srv, client, res.interval, pollCount)
		if err != nil {
			return nil, err
		}
		res.samples = append(res.samples, d)
		mu.Lock()
		for i := 1; i < len(polls); i++ {
			res.spacing = append(res.spacing, polls[i].Sub(polls[i-1]))
		}
		mu.Unlock()
	}
	return res, nil
}

func latencySample(srv *sandbox.Server, client *auth0.Client, interval time.Duration, polls func() int) (time.Duration, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := flow.Env{Client: client, Ctx: ctx, PollInterval: interval}
	m := ui.New(ui.Options{Env: env, Phone: flow.SandboxPhone(srv.Phone), Sandbox: true,
		Start: ui.FlowChallenge, Theme: ui.ThemeDark})
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
	steps := []struct {
		want string
		then func()
	}{
		{"Email", func() { typeText("bob@example.com"); enter(); typeText("bob-password"); enter() }},
		{"3 authenticators", enter},
		{"Sign-in request", nil},
	}
	for _, s := range steps {
		if _, err := term.waitFor(s.want, 20*time.Second); err != nil {
			return 0, err
		}
		if s.then != nil {
			s.then()
		}
	}
	// A random point in the wait: once the first poll was answered
	// pending, anywhere in the next spacing (interval x 1.2), so that the
	// answer comes with the poll after it at the latest.
	for polls() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(time.Duration(rand.Int64N(int64(interval * 6 / 5))))
	notes := srv.Phone.Notifications()
	if len(notes) != 1 {
		return 0, fmt.Errorf("the phone has %d notifications, want 1", len(notes))
	}
	approved := time.Now()
	if err := srv.Phone.Approve(ctx, notes[0].ID); err != nil {
		return 0, err
	}
	at, err := term.waitFor(successText, 20*time.Second)
	if err != nil {
		return 0, err
	}
	if !strings.Contains(term.String(), "bob@example.com") {
		return 0, errors.New("the result screen does not name bob")
	}
	return at.Sub(approved), nil
}
