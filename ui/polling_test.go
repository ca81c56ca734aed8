package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Polling discipline through the whole program, from the sandbox's own
// request log on the manual clock: once a wait ends — rejected, expired,
// past its deadline, left with esc, or the program quit — no request
// follows, however far the clock moves.

func TestPollingStopsForGood(t *testing.T) {
	for _, tc := range []struct {
		name   string
		start  Journey
		tenant func(*sandbox.Options)
		end    func(e *e2e) // ends the wait
	}{
		{"rejected on the phone", JourneyChallenge, nil, func(e *e2e) {
			e.pollOnce()
			e.answerPush(false)
			e.advanceUntil(en.Challenge.Rejected)
		}},
		{"expired at the tenant", JourneyChallenge, func(o *sandbox.Options) { o.MFATokenLifetime = 20 * time.Second },
			func(e *e2e) { e.advanceUntil(en.Challenge.Expired) }},
		{"past the deadline", JourneyChallenge, func(o *sandbox.Options) { o.MFATokenLifetime = time.Hour },
			func(e *e2e) { e.advanceUntil(en.Challenge.TimedOut) }},
		{"esc on the approval", JourneyChallenge, nil, func(e *e2e) {
			e.pollOnce()
			e.press("esc")
			e.waitFor("Choose the authenticator")
		}},
		{"esc on the enrollment", JourneyEnroll, nil, func(e *e2e) {
			e.pollOnce()
			e.press("esc")
			e.waitFor("Which factor to enroll?") // one step back: the choice, as from the phone number
		}},
		{"ctrl+c", JourneyChallenge, nil, func(e *e2e) { e.pollOnce(); e.press("ctrl+c"); <-e.exited() }},
		{"q", JourneyChallenge, nil, func(e *e2e) { e.pollOnce(); e.press("q"); <-e.exited() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := startE2EWith(t, 100, 34, tc.start, e2eOptions{manual: true, tenant: tc.tenant})
			e.reachWait(tc.start)
			tc.end(e)
			polls := e.polls(0)
			e.srv.Clock.Advance(time.Hour) // fires any timer still set
			time.Sleep(100 * time.Millisecond)
			if after := e.polls(0); len(after) != len(polls) {
				t.Fatalf("%d polls after the wait ended", len(after)-len(polls))
			}
			if len(polls) == 0 {
				t.Fatal("no poll at all: the test did not reach the wait")
			}
			if gaps := gapsOf(polls); slices.Min(append(gaps, time.Hour)) < 6*time.Second {
				t.Errorf("polls closer than 6s: %v", gaps)
			}
		})
	}
}

// The deadline is checked against the clock at every wake-up: the last
// poll goes out before it and the wait ends at it.
func TestDeadlineHoldsOnScreen(t *testing.T) {
	e := startE2EWith(t, 100, 34, JourneyChallenge, e2eOptions{manual: true, tenant: func(o *sandbox.Options) { o.MFATokenLifetime = time.Hour }})
	e.reachWait(JourneyChallenge)
	signedIn := e.srv.Requests("/oauth/token")[0].Time
	e.advanceUntil(en.Challenge.TimedOut)
	polls := e.polls(0)
	deadline := signedIn.Add(5 * time.Minute)
	if last := polls[len(polls)-1].Time; !last.Before(deadline) {
		t.Errorf("a poll at %v, at or after the deadline %v", last.Sub(signedIn), deadline.Sub(signedIn))
	}
	if ended := e.srv.Clock.Now(); !ended.Equal(deadline) {
		t.Errorf("the wait ended %v after the sign-in, want 5m0s", ended.Sub(signedIn))
	}
}

// Leaving the wait while a poll hangs at the tenant cancels that request:
// the tenant sees its client go within 200 ms. The bound is for
// correctness; the typical time is logged.
func TestLeavingCancelsThePollInFlight(t *testing.T) {
	const runs = 5
	for _, tc := range []struct {
		name, key string
		start     Journey
	}{
		{"esc on the approval", "esc", JourneyChallenge},
		{"esc on the enrollment", "esc", JourneyEnroll},
		{"ctrl+c", "ctrl+c", JourneyChallenge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var took []time.Duration
			for range runs {
				e := startE2EWith(t, 100, 34, tc.start, e2eOptions{manual: true})
				e.reachWait(tc.start)
				if err := e.srv.Tenant.AddFault(sandbox.Fault{Path: "/oauth/token", Kind: "hang"}); err != nil {
					t.Fatal(err)
				}
				e.advance()
				e.waitUntil("a hanging poll", func(string) bool { return e.srv.Tenant.Hanging() == 1 })
				before := len(e.srv.TokenPolls())
				pressed := time.Now()
				e.press(tc.key)
				for e.srv.Tenant.Hanging() != 0 {
					if time.Since(pressed) > 5*time.Second {
						t.Fatal("the poll in flight was not cancelled")
					}
					time.Sleep(100 * time.Microsecond)
				}
				took = append(took, time.Since(pressed))
				e.srv.Clock.Advance(time.Hour)
				time.Sleep(50 * time.Millisecond)
				if n := len(e.srv.TokenPolls()) - before; n != 1 { // the cancelled one, logged as it ended
					t.Fatalf("%d requests after %s, want only the cancelled one", n-1, tc.key)
				}
				e.stop()
			}
			sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
			t.Logf("%s: cancelled in %v typically (median of %d), %v at most", tc.key, took[runs/2], runs, took[runs-1])
			if took[runs-1] > 200*time.Millisecond {
				t.Errorf("cancelling took %v, over 200ms", took[runs-1])
			}
		})
	}
}

// reachWait drives a flow to its approval wait: the challenge's push or
// the enrollment's QR code.
func (e *e2e) reachWait(start Journey) {
	e.t.Helper()
	if start == JourneyEnroll {
		e.signIn("alice@example.com", "alice-password")
		e.choosePush()
		e.waitFor("Waiting for the phone")
		return
	}
	e.challenge()
}

// advanceUntil moves the clock from wait to wait until the screen shows
// want.
func (e *e2e) advanceUntil(want string) {
	e.t.Helper()
	for range 100 {
		e.advance()
		screen := e.waitUntil(want+" or the next wait", func(s string) bool {
			return strings.Contains(s, want) || e.srv.Clock.Waiters() > 0
		})
		if strings.Contains(screen, want) {
			return
		}
	}
	e.t.Fatalf("the screen never showed %q", want)
}

// exited is closed when the program has ended.
func (e *e2e) exited() <-chan struct{} {
	ch := make(chan struct{})
	go func() {
		err := <-e.done
		e.done <- err // for stop
		close(ch)
	}()
	return ch
}

// TestWaitStatesThePaceItKeeps: the sandbox's note on its pace gives the
// policy's spacing (1 s stretched to 1.2 s), which is when the next poll is
// due, as plain mode says it (internal/plain, TestWaitSaysTheNextCheckHonestly);
// the next check counts down to it in whole seconds, so that the figure
// changes once a second and not at every frame of the spinner.
func TestWaitStatesThePaceItKeeps(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{i18n.English: "1.2s", i18n.French: "1,2 s"} {
		f := newFixture(t, fixtureOptions{width: 100, height: 34, lang: lang})
		f.m.env.PollInterval = time.Second
		a := challengeFixture(f)
		words := i18n.For(lang)
		due := a.NextPoll().Sub(f.clock.Now())
		if pace, spacing := words.FormatWait(due), words.FormatWait(a.Spacing()); pace != spacing || pace != want {
			t.Fatalf("%s: the next poll is due in %s, the policy spaces them %s, want %s", lang, pace, spacing, want)
		}
		screen := f.screen()
		countdown := words.FormatCountdown(due)
		for said, figure := range map[string]string{
			fmt.Sprintf(words.App.SandboxPace, want):          want,
			fmt.Sprintf(words.Challenge.NextCheck, countdown): countdown,
		} {
			said = said[:strings.Index(said, figure)+len(figure)] // up to the figure: the rest wraps
			if !strings.Contains(screen, said) {
				t.Errorf("%s: the wait does not say %q:\n%s", lang, said, screen)
			}
		}
	}
}
