package datadir

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestPrivateMakesAndTightensTheFolder(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG_DATA_HOME decides the folder on Linux and BSD only")
	}
	base := t.TempDir()
	t.Setenv("XDG_DATA_HOME", base)
	if err := os.MkdirAll(filepath.Join(base, "mfapush"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := Private()
	if err != nil || dir != filepath.Join(base, "mfapush") {
		t.Fatalf("Private() = %q, %v", dir, err)
	}
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("mode %v, %v: want 0700 even for a folder made by hand", info.Mode().Perm(), err)
	}
}
