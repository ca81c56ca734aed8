//go:build !linux

// Command bench measures mfapush on Linux only: it reads each process's
// CPU time and memory from /proc and drives the program in a Linux
// pseudo-terminal.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	fmt.Fprintf(os.Stderr, "bench: the figures are measured on Linux only (they read /proc); this is %s\n", runtime.GOOS)
	os.Exit(1)
}
