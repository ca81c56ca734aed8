//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
)

// machine describes where the figures were measured.
func machine(root string) []string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	var uts syscall.Utsname
	kernel := runtime.GOOS
	if syscall.Uname(&uts) == nil {
		kernel = runtime.GOOS + " " + utsString(uts.Release[:])
	}
	var si syscall.Sysinfo_t
	mem := ""
	if syscall.Sysinfo(&si) == nil {
		mem = fmt.Sprintf(", %.0f GiB memory", float64(si.Totalram)*float64(si.Unit)/(1<<30))
	}
	goVersion := runtime.Version()
	cmd := exec.Command("go", "env", "GOVERSION")
	cmd.Dir = root
	if out, err := cmd.Output(); err == nil {
		goVersion = strings.TrimSpace(string(out))
	}
	return []string{
		fmt.Sprintf("%s, %d cores%s", cpu, runtime.NumCPU(), mem),
		kernel + ", " + goVersion + "/" + runtime.GOARCH,
	}
}

func utsString(b []int8) string {
	var out []byte
	for _, c := range b {
		if c == 0 {
			break
		}
		out = append(out, byte(c))
	}
	return string(out)
}

// loadAverage is the one-minute load, which says how busy the shared
// machine was.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := bytes.Fields(b)
	if len(f) == 0 {
		return "?"
	}
	return string(f[0])
}
