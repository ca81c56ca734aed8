//go:build linux

package main

import (
	"os"
)

// sizeResult is the binary on disk and the memory of a whole enrollment.
type sizeResult struct {
	plain, stripped int64 // bytes
	peakRSS         int64 // bytes, the whole process life
}

func measureSize(b *binaries) (sizeResult, error) {
	var res sizeResult
	for _, f := range []struct {
		path string
		size *int64
	}{{b.mfapush, &res.plain}, {b.stripped, &res.stripped}} {
		st, err := os.Stat(f.path)
		if err != nil {
			return res, err
		}
		*f.size = st.Size()
	}
	rss, err := enrollmentRSS(b.mfapush)
	res.peakRSS = rss
	return res, err
}

// enrollmentRSS runs a whole enrollment in a pty (alice signs in, chooses
// Guardian push, the phone scans the code, the enrolled screen) and returns the process's
// peak resident set. It is read from /proc (VmHWM) before the program
// exits: wait4's ru_maxrss counts the memory of this process too, which
// the child shared between fork and exec.
func enrollmentRSS(bin string) (int64, error) {
	r, err := startIn(bin, nil, nil)
	if err != nil {
		return 0, err
	}
	defer r.stop()
	err = drive(r, []step{
		{mfapushHomeDone, "1"},
		{"Email", "alice@example.com\r"},
		{"Password", "alice-password\r"},
		{"Which factor to enroll?", "\r"}, // Guardian push, the first
		{"Waiting for the phone", "s"},
		{"Enrolled", ""},
	})
	if err != nil {
		return 0, err
	}
	return peakRSS(r.cmd.Process.Pid)
}
