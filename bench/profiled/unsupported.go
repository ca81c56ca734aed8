//go:build !linux

// Command profiled is mfapush with a CPU profile switched by signals, for
// the bench's -profile runs, which measure on Linux only.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "profiled: the bench's profiles are taken on Linux only")
	os.Exit(1)
}
