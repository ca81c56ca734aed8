//go:build linux

package main

import (
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// benchResult is one Go benchmark over its runs: wall and thread CPU time
// per operation, in nanoseconds, one sample per run.
type benchResult struct {
	name      string
	wall, cpu []float64
	allocs    float64
}

// runGoBench runs the benchmarks matching pattern in pkg and returns them
// in the order they ran.
func runGoBench(root, pkg, pattern, benchtime string, count int) ([]*benchResult, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern, "-benchtime", benchtime,
		"-count", strconv.Itoa(count), pkg)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench %s %s: %v\n%s", pattern, pkg, err, out)
	}
	return parseGoBench(string(out)), nil
}

var gomaxprocsSuffix = regexp.MustCompile(`-\d+$`)

func parseGoBench(out string) []*benchResult {
	var order []*benchResult
	byName := map[string]*benchResult{}
	for line := range strings.SplitSeq(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := gomaxprocsSuffix.ReplaceAllString(f[0], "")
		r := byName[name]
		if r == nil {
			r = &benchResult{name: name}
			byName[name] = r
			order = append(order, r)
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				r.wall = append(r.wall, v)
			case "cpu-ns/op":
				r.cpu = append(r.cpu, v)
			case "allocs/op":
				r.allocs = v
			}
		}
	}
	return order
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
