package ui

import (
	"runtime"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkView is the cost of one frame of each screen at 100x34, the
// size docs/performance.md holds every screen to. The runtime calls View
// after every message, so this is also the cost of each spinner frame.
// Besides wall time it reports cpu-ns/op, the thread's CPU time, which a
// busy machine does not inflate.
func BenchmarkView(b *testing.B) {
	for _, sc := range benchScenarios() {
		b.Run(sc.name, func(b *testing.B) {
			f := newFixture(b, fixtureOptions{width: 100, height: 34, present: sc.present})
			sc.setup(f)
			var v tea.View
			b.ReportAllocs()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			cpu0, ok := threadCPU()
			for b.Loop() {
				v = f.m.View()
			}
			if cpu1, _ := threadCPU(); ok {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
			if v.Content == "" {
				b.Fatal("empty frame")
			}
		})
	}
}

// BenchmarkViewFirst is the first frame of each screen: a new model put on
// the screen each time, so nothing drawn before is kept. Only View is
// timed (cpu-ns/op); wall time includes the setup.
func BenchmarkViewFirst(b *testing.B) {
	for _, sc := range benchScenarios() {
		b.Run(sc.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var cpu time.Duration
			b.ReportAllocs()
			for b.Loop() {
				f := newFixture(b, fixtureOptions{width: 100, height: 34, present: sc.present})
				sc.setup(f)
				cpu0, ok := threadCPU()
				v := f.m.View()
				if cpu1, _ := threadCPU(); ok {
					cpu += cpu1 - cpu0
				}
				if v.Content == "" {
					b.Fatal("empty frame")
				}
			}
			if cpu > 0 {
				b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// benchScenario is a golden-file scenario, in presenter mode or not.
type benchScenario struct {
	name    string
	setup   func(f *fixture)
	present bool
}

// benchScenarios are the golden-file scenarios, then those presenter
// mode draws differently (a caption, masked secrets, its QR codes), in
// presenter mode, named present_*.
func benchScenarios() []benchScenario {
	var out []benchScenario
	for _, sc := range slices.Concat(scenarios, helpdeskScenarios) { // every screen
		out = append(out, benchScenario{name: sc.name, setup: sc.setup})
	}
	for _, sc := range scenarios {
		switch sc.name {
		case "home", "signin", "enroll", "enrolled", "list", "challenge", "challenge_otp", "new_recovery_code", "trace_detail", "result":
			out = append(out, benchScenario{name: "present_" + sc.name, setup: sc.setup, present: true})
		}
	}
	return out
}
