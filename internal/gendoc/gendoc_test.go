package gendoc

import (
	"os"
	"path/filepath"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestReplaceKeepsTheRestOfTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.md")
	if err := os.WriteFile(path, []byte("# Title\nby hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"first\n", "second, longer\nand two lines"} {
		if err := Replace(path, "a", body); err != nil {
			t.Fatal(err)
		}
	}
	if err := Replace(path, "b", "other\n"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := "# Title\nby hand\n\n" +
		"<!-- BEGIN a (generated: do not edit by hand) -->\nsecond, longer\nand two lines\n<!-- END a -->\n\n" +
		"<!-- BEGIN b (generated: do not edit by hand) -->\nother\n<!-- END b -->\n"
	if string(got) != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if s, err := Section(path, "a"); err != nil || s != "second, longer\nand two lines\n" {
		t.Fatalf("Section = %q, %v", s, err)
	}
	if _, err := Section(path, "missing"); err == nil {
		t.Fatal("a missing section read without error")
	}
}
