//go:build linux

package main

import (
	"errors"
	"sync"
	"syscall"
	"time"
)

// idleResult is one program's cost over a wait in which nothing happens
// but its animation.
type idleResult struct {
	window time.Duration
	cpu    time.Duration
	bytes  int64
}

func (r idleResult) bytesPerSecond() float64 { return float64(r.bytes) / r.window.Seconds() }
func (r idleResult) cpuShare() float64       { return r.cpu.Seconds() / r.window.Seconds() }

// Markers of the waits.
const (
	challengeWaiting = "Waiting for the approval"
	spinnerWaiting   = "Waiting"
)

// measureIdle drives mfapush to a push challenge nobody answers, mfapush
// in presenter mode too, and the spinner baseline to its wait, then
// measures the three over the same window, side by side. With profile set,
// mfapush is the profiled build and writes a CPU profile of the window
// there.
func measureIdle(b *binaries, window time.Duration, profile string) (mfapush, presenting, baseline idleResult, err error) {
	var wg sync.WaitGroup
	var errM, errP, errB error
	wg.Go(func() {
		bin, env := b.mfapush, []string(nil)
		if profile != "" {
			bin, env = b.profiled, []string{"MFAPUSH_CPUPROFILE=" + profile}
		}
		mfapush, errM = idleRun(bin, nil, env, window, challengeBob, profile != "")
	})
	wg.Go(func() {
		presenting, errP = idleRun(b.mfapush, []string{"--present"}, nil, window, challengeBob, false)
	})
	wg.Go(func() {
		baseline, errB = idleRun(b.spinner, nil, nil, window, func(r *ptyRun) error {
			_, err := r.waitFor(spinnerWaiting, 20*time.Second)
			return err
		}, false)
	})
	wg.Wait()
	return mfapush, presenting, baseline, errors.Join(errM, errP, errB)
}

// challengeBob signs bob in from the home screen and sends a push to his
// phone, which nobody answers.
func challengeBob(r *ptyRun) error {
	return drive(r, []step{
		{mfapushHomeDone, "2"},
		{"Email", "bob@example.com\r"},
		{"Password", "bob-password\r"},
		{"3 authenticators", "\r"},
		{challengeWaiting, ""},
		{"Sign-in request", ""},
	})
}

// step waits for a text on screen, then types keys.
type step struct{ want, keys string }

func drive(r *ptyRun, steps []step) error {
	for _, s := range steps {
		if _, err := r.waitFor(s.want, 20*time.Second); err != nil {
			return err
		}
		r.send(s.keys)
	}
	return nil
}

func idleRun(bin string, args, extraEnv []string, window time.Duration, reach func(*ptyRun) error, profile bool) (idleResult, error) {
	r, err := startIn(bin, args, extraEnv)
	if err != nil {
		return idleResult{}, err
	}
	defer r.stop()
	if err := reach(r); err != nil {
		return idleResult{}, err
	}
	// Let the last frames of the way there settle.
	time.Sleep(500 * time.Millisecond)
	proc := r.cmd.Process
	cpu0, err := cpuTime(proc.Pid)
	if err != nil {
		return idleResult{}, err
	}
	if profile {
		proc.Signal(syscall.SIGUSR1)
	}
	bytes0, t0 := r.bytes.Load(), time.Now()
	time.Sleep(window)
	cpu1, err := cpuTime(proc.Pid)
	res := idleResult{window: time.Since(t0), cpu: cpu1 - cpu0, bytes: r.bytes.Load() - bytes0}
	if profile {
		proc.Signal(syscall.SIGUSR2)
		time.Sleep(200 * time.Millisecond) // the profile is written
	}
	return res, err
}
