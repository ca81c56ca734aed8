//go:build linux

// Command profiled is mfapush with a CPU profile switched by signals, for
// the bench's -profile runs: SIGUSR1 starts writing $MFAPUSH_CPUPROFILE,
// SIGUSR2 stops. It is mfapush otherwise.
package main

import (
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/mfapush/mfapush/internal/cli"
)

func main() {
	if path := os.Getenv("MFAPUSH_CPUPROFILE"); path != "" {
		go profileOnSignal(path)
	}
	os.Exit(cli.Main(os.Args[1:]))
}

func profileOnSignal(path string) {
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, syscall.SIGUSR1, syscall.SIGUSR2)
	var f *os.File
	for s := range sig {
		switch {
		case s == syscall.SIGUSR1 && f == nil:
			var err error
			if f, err = os.Create(path); err == nil {
				pprof.StartCPUProfile(f)
			}
		case s == syscall.SIGUSR2 && f != nil:
			pprof.StopCPUProfile()
			f.Close()
			f = nil
		}
	}
}
