//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// binaries are the programs measured, built once per run.
type binaries struct {
	dir      string
	mfapush  string // as a user builds it: go build
	stripped string // go build -trimpath -ldflags="-s -w"
	minimal  string
	spinner  string
	profiled string // mfapush with a CPU profile switched by signals
}

// buildAll builds mfapush and the baselines into a temporary directory.
// root is the module's directory.
func buildAll(root string) (*binaries, error) {
	dir, err := os.MkdirTemp("", "mfapush-bench-")
	if err != nil {
		return nil, err
	}
	b := &binaries{dir: dir,
		mfapush:  filepath.Join(dir, "mfapush"),
		stripped: filepath.Join(dir, "mfapush-stripped"),
		minimal:  filepath.Join(dir, "minimal"),
		spinner:  filepath.Join(dir, "spinner"),
		profiled: filepath.Join(dir, "mfapush-profiled"),
	}
	builds := [][]string{
		{"-o", b.mfapush, "."},
		{"-trimpath", "-ldflags=-s -w", "-o", b.stripped, "."},
		{"-o", b.minimal, "./bench/baseline/minimal"},
		{"-o", b.spinner, "./bench/baseline/spinner"},
		{"-o", b.profiled, "./bench/profiled"},
	}
	for _, args := range builds {
		cmd := exec.Command("go", append([]string{"build"}, args...)...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("go build %v: %v\n%s", args, err, out)
		}
	}
	return b, nil
}

func (b *binaries) remove() { os.RemoveAll(b.dir) }

// cleanEnv is the environment every program runs in: no AUTH0_* or
// MFAPUSH_* variables, so mfapush starts its embedded sandbox, and a home
// with no config file.
func cleanEnv(home string) []string {
	return []string{
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"PATH=/usr/bin:/bin",
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
	}
}
