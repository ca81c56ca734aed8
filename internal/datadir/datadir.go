// Package datadir finds mfapush's private folder under the user's data
// folder, for what it saves: recovery codes, the helpdesk's audit log.
package datadir

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// Private is mfapush's folder under the user's data folder, made
// readable by the user alone: $XDG_DATA_HOME/mfapush or
// ~/.local/share/mfapush, ~/Library/Application Support/mfapush on macOS,
// %LocalAppData%\mfapush on Windows (os.UserConfigDir's rules, for data).
// What mfapush saves there (a recovery code, the helpdesk's audit log)
// must not end up in a repository or in other users' hands.
func Private() (string, error) {
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
