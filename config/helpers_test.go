package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testEnv is an environment for Load that keeps every test away from the
// real home directory: HOME and XDG_CONFIG_HOME point into t.TempDir.
type testEnv map[string]string

func newEnv(t *testing.T, vars ...string) testEnv {
	t.Helper()
	home := t.TempDir()
	env := testEnv{"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, ".config")}
	for i := 0; i+1 < len(vars); i += 2 {
		env[vars[i]] = vars[i+1]
	}
	return env
}

func (e testEnv) get(name string) string { return e[name] }

// configPath is where Load looks for the config file in env.
func (e testEnv) configPath() string {
	return filepath.Join(e["XDG_CONFIG_HOME"], "mfapush", "config.toml")
}

// writeConfig writes the config file where Load looks for it, with mode.
func (e testEnv) writeConfig(t *testing.T, text string, mode os.FileMode) string {
	t.Helper()
	return writeFile(t, e.configPath(), text, mode)
}

func writeFile(t *testing.T, path, text string, mode os.FileMode) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // WriteFile's mode is cut by the umask
		t.Fatal(err)
	}
	return path
}

// mustLoad loads and fails the test on any problem.
func mustLoad(t *testing.T, flags Flags, env testEnv) (Settings, []Warning) {
	t.Helper()
	s, warnings, err := Load(flags, env.get)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s, warnings
}

// loadErrors loads and returns the problems, failing the test when there are none.
func loadErrors(t *testing.T, flags Flags, env testEnv) (Settings, []*Error) {
	t.Helper()
	s, _, err := Load(flags, env.get)
	problems := Problems(err)
	if err == nil || len(problems) == 0 {
		t.Fatalf("Load succeeded (err %v), want problems", err)
	}
	return s, problems
}

// findProblem returns the problem about setting, failing the test when there is none.
func findProblem(t *testing.T, problems []*Error, setting string) *Error {
	t.Helper()
	for _, p := range problems {
		if p.Setting == setting {
			return p
		}
	}
	t.Fatalf("no problem about %s in %v", setting, problems)
	return nil
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s = %q\nwant it to contain %q", what, text, want)
		}
	}
}
