package main

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestNoTLSVerificationIsSkippedAnywhere fails when any file of the tree
// (code, tests, docs, scripts) names the field that turns certificate checks
// off: the sandbox's --tls mode trusts its own CA instead.
func TestNoTLSVerificationIsSkippedAnywhere(t *testing.T) {
	needle := []byte("Insecure" + "SkipVerify") // split so this file does not match itself
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
			return nil // a compiled binary (a test binary left by -cpuprofile): it carries the standard library's names
		}
		files++
		if bytes.Contains(data, needle) {
			t.Errorf("%s names %s", path, needle)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("only %d files searched: is the test running at the module root?", files)
	}
}

// TestEveryPackageChecksForLeaks fails when a package has tests but no
// goleak.VerifyTestMain: a goroutine left behind by its tests would go
// unseen.
func TestEveryPackageChecksForLeaks(t *testing.T) {
	tested, checked := map[string]bool{}, map[string]bool{}
	walkTestFiles(t, func(path string, data []byte) {
		dir := filepath.Dir(path)
		tested[dir] = true
		if bytes.Contains(data, []byte("goleak.VerifyTestMain(")) {
			checked[dir] = true
		}
	})
	for dir := range tested {
		if !checked[dir] {
			t.Errorf("%s has tests but no goleak.VerifyTestMain in a TestMain", dir)
		}
	}
}

// TestEveryFuzzerHasACorpusAndARow fails when a fuzz target has no seed
// corpus under its package's testdata/fuzz/, or no row in the fuzzers'
// table of docs/reliability.md (its Parsing section) naming its package
// and itself.
func TestEveryFuzzerHasACorpusAndARow(t *testing.T) {
	doc, err := os.ReadFile("docs/reliability.md")
	if err != nil {
		t.Fatal(err)
	}
	_, parsing, _ := strings.Cut(string(doc), "\n## Parsing\n")
	parsing, _, _ = strings.Cut(parsing, "\n## ")
	rows := regexp.MustCompile(`(?m)^\|.*$`).FindAllString(parsing, -1)
	target := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	found := 0
	walkTestFiles(t, func(path string, data []byte) {
		dir := filepath.ToSlash(filepath.Dir(path))
		for _, m := range target.FindAllSubmatch(data, -1) {
			name := string(m[1])
			found++
			if seeds, _ := os.ReadDir(filepath.Join(filepath.Dir(path), "testdata", "fuzz", name)); len(seeds) == 0 {
				t.Errorf("%s %s has no seed corpus in %s/testdata/fuzz/%s/", dir, name, dir, name)
			}
			if !slices.ContainsFunc(rows, func(row string) bool {
				return strings.Contains(row, "`"+dir+"`") && strings.Contains(row, "`"+name+"`")
			}) {
				t.Errorf("docs/reliability.md has no row naming `%s` `%s`", dir, name)
			}
		}
	})
	if found < 16 {
		t.Fatalf("only %d fuzz targets found: is the test running at the module root?", found)
	}
}

// walkTestFiles calls fn with the path and text of every _test.go file of
// the tree, testdata folders aside.
func walkTestFiles(t *testing.T, fn func(path string, data []byte)) { walkGoFiles(t, true, fn) }

// walkGoFiles calls fn with the path and text of every .go file of the
// tree, testdata folders aside: the tests, or every other file.
func walkGoFiles(t *testing.T, tests bool, fn func(path string, data []byte)) {
	t.Helper()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") != tests {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fn(path, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sharedLeaves are the packages of docs/architecture.md's "Shared
// leaves": small tools any layer may use.
var sharedLeaves = []string{"internal/audit", "internal/cast", "internal/clock", "internal/datadir", "internal/exitcode", "internal/gendoc", "internal/i18n", "internal/qr"}

// TestImportsRunOneWay holds the layers of docs/architecture.md: main ->
// internal/cli -> ui | internal/plain -> flow -> auth0, the sandbox wing
// apart. A package may not import, outside its tests, what lies above it
// or beside it.
func TestImportsRunOneWay(t *testing.T) {
	const module = "github.com/mfapush/mfapush/"
	forbidden := map[string][]string{
		"auth0":          {"flow", "ui", "config", "internal/cli", "internal/plain", "internal/sandboxphone"},
		"auth0/sandbox":  {"flow", "ui", "config", "internal/cli", "internal/plain", "internal/sandboxphone", "internal/i18n"},
		"flow":           {"ui", "config", "internal/cli", "internal/plain", "auth0/sandbox", "internal/sandboxphone"},
		"ui":             {"config", "internal/cli", "internal/plain", "auth0/sandbox", "internal/sandboxphone"},
		"internal/plain": {"ui", "config", "internal/cli", "auth0/sandbox", "internal/sandboxphone"},
		"config":         {"flow", "ui", "internal/cli", "internal/plain"},
		"internal/trace": {"flow", "ui", "config", "internal/cli", "internal/plain", "auth0/sandbox", "internal/sandboxphone"},
	}
	// The shared leaves serve every layer and stand on none of them.
	for _, leaf := range sharedLeaves {
		forbidden[leaf] = []string{"auth0", "flow", "ui", "config", "internal/cli", "internal/plain", "internal/sandboxphone", "internal/trace", "internal/demo"}
	}
	fset := token.NewFileSet()
	checked := 0
	walkGoFiles(t, false, func(path string, data []byte) {
		pkg := filepath.ToSlash(filepath.Dir(path))
		var rules []string
		for layer, deny := range forbidden {
			if pkg == layer || strings.HasPrefix(pkg, layer+"/") {
				rules = append(rules, deny...)
			}
		}
		if len(rules) == 0 {
			return
		}
		f, err := parser.ParseFile(fset, path, data, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, spec := range f.Imports {
			imported, _ := strconv.Unquote(spec.Path.Value)
			rel, ok := strings.CutPrefix(imported, module)
			if !ok {
				continue
			}
			for _, deny := range rules {
				if (rel == deny || strings.HasPrefix(rel, deny+"/")) && !strings.HasPrefix(rel, pkg+"/") && rel != pkg {
					t.Errorf("%s imports %s: the layers run main -> internal/cli -> ui | internal/plain -> flow -> auth0 (docs/architecture.md)", path, rel)
				}
			}
		}
	})
	if checked < 50 {
		t.Fatalf("only %d files checked: is the test running at the module root?", checked)
	}
}
