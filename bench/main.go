//go:build linux

// Command bench measures what a user of mfapush feels, each figure beside a
// baseline measured in the same run, and writes docs/performance.md:
//
//	go run ./bench          # the full run, a few minutes
//	go run ./bench -quick   # fewer samples and shorter windows
//
// It exits 1 when a figure misses its target. Run it from the module root.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"
)

func main() {
	quick := flag.Bool("quick", false, "fewer samples and shorter windows (about a minute)")
	out := flag.String("out", "docs/performance.md", "the report to write")
	profile := flag.String("profile", "", "a directory: write CPU profiles of mfapush's idle wait (idle.prof) and of the sandbox under load (load.prof) there")
	only := flag.String("only", "", "measure only these figures, comma-separated ("+strings.Join(figureNames(), ",")+"), and write no report")
	flag.Parse()
	if err := run(*quick, *out, *profile, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// figures are the measurements, in the report's order.
var figures = []struct {
	name    string
	measure func(plan) section
}{
	{"first-frame", firstFrameSection},
	{"view", viewSection},
	{"idle", idleSection},
	{"latency", latencySection},
	{"throughput", throughputSection},
	{"size", sizeSection},
}

func figureNames() []string {
	var names []string
	for _, f := range figures {
		names = append(names, f.name)
	}
	return names
}

func run(quick bool, out, profileDir, only string) error {
	chosen := map[string]bool{}
	for name := range strings.SplitSeq(only, ",") {
		if name = strings.TrimSpace(name); name != "" {
			if !slices.Contains(figureNames(), name) {
				return fmt.Errorf("-only %s: no such figure; the figures are %s", name, strings.Join(figureNames(), ", "))
			}
			chosen[name] = true
		}
	}
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run it from the module root: %w", err)
	}
	info := runInfo{started: time.Now(), quick: quick, loadBefore: loadAverage()}
	p := fullPlan()
	if quick {
		p = quickPlan()
	}
	p.root = "."
	if profileDir != "" {
		if err := os.MkdirAll(profileDir, 0o755); err != nil {
			return err
		}
		p.profileIdleTo = filepath.Join(profileDir, "idle.prof")
		p.profileLoadTo = filepath.Join(profileDir, "load.prof")
	}
	info.machine = machine(p.root)
	fmt.Fprintln(os.Stderr, "building mfapush and the baselines")
	b, err := buildAll(p.root)
	if err != nil {
		return err
	}
	defer b.remove()
	p.binaries = b

	var sections []section
	for _, f := range figures {
		if len(chosen) > 0 && !chosen[f.name] {
			continue
		}
		t0 := time.Now()
		fmt.Fprintf(os.Stderr, "measuring %s… ", f.name)
		s := f.measure(p)
		fmt.Fprintf(os.Stderr, "%s\n", time.Since(t0).Round(100*time.Millisecond))
		sections = append(sections, s)
	}
	info.finished, info.loadAfter = time.Now(), loadAverage()
	doc := render(info, sections)
	if len(chosen) > 0 {
		out = "" // a partial run writes no report
	}
	if err := writeReport(out, doc); err != nil {
		return err
	}
	failed := 0
	for _, s := range sections {
		for _, r := range s.rows {
			status := "pass"
			if !r.pass {
				status = "FAIL"
			}
			fmt.Printf("%-4s  %-50s %s", status, r.figure, r.measured)
			if r.baseline != "" {
				fmt.Printf("  vs %s (%s)", r.baseline, r.ratio)
			}
			fmt.Printf("  target %s\n", r.target)
		}
		if s.err != nil {
			fmt.Printf("FAIL  %s: %v\n", s.title, s.err)
		}
		if !s.passed() {
			failed++
		}
	}
	if out != "" {
		fmt.Printf("wrote %s in %s\n", out, info.finished.Sub(info.started).Round(time.Second))
	}
	if failed > 0 {
		return fmt.Errorf("%d figures miss their targets", failed)
	}
	return nil
}

func writeReport(out, doc string) error {
	if out == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(doc), 0o644)
}

// startProfile writes this process's CPU profile to path until the
// returned function is called; it does nothing for an empty path.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if pprof.StartCPUProfile(f) != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

func coreCount() int { return runtime.NumCPU() }
