package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// privateDataDir is mfapush's folder under the user's data folder, made
// readable by the user alone: $XDG_DATA_HOME/mfapush or
// ~/.local/share/mfapush, ~/Library/Application Support/mfapush on macOS,
// %LocalAppData%\mfapush on Windows (os.UserConfigDir's rules, for data).
// A recovery code saved in the current folder could end up in a
// repository.
func privateDataDir() (string, error) {
	var base string
	switch runtime.GOOS {
	case "windows":
		if base = os.Getenv("LocalAppData"); base == "" {
			return "", errors.New("%LocalAppData% is not set")
		}
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, "Library", "Application Support")
	case "plan9":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, "lib")
	default:
		if base = os.Getenv("XDG_DATA_HOME"); !filepath.IsAbs(base) {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			base = filepath.Join(home, ".local", "share")
		}
	}
	dir := filepath.Join(base, "mfapush")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	// The folder may predate mfapush's care (made by hand, or by an
	// older version): it is mfapush's own, so it is made private.
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

// pathLines breaks a path to fit w columns at its separators only, so
// that the file name stays whole on its line (cut only where it is wider
// than a line by itself).
func pathLines(path string, w int) string {
	if cellWidth(path) <= w {
		return path
	}
	dir, name := filepath.Split(path)
	var lines []string
	line := ""
	for _, part := range strings.SplitAfter(dir, string(filepath.Separator)) {
		if line != "" && cellWidth(line+part) > w {
			lines = append(lines, line)
			line = ""
		}
		line += part
	}
	if line != "" && cellWidth(line+name) > w {
		lines = append(lines, line)
		line = ""
	}
	return strings.Join(append(lines, line+name), "\n")
}
