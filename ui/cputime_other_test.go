//go:build !linux

package ui

import "time"

func threadCPU() (time.Duration, bool) { return 0, false }
