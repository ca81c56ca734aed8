package cli

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/exitcode"
	"github.com/mfapush/mfapush/internal/i18n"
)

// readme is the repository's README.md.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// readmeSection is the text under a heading of the README, up to the next
// heading of the same level or above.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	_, section, ok := strings.Cut(readme(t), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("the README has no %q", heading)
	}
	level := heading[:strings.Index(heading, " ")+1]
	for _, l := range []string{"\n# ", "\n## ", "\n### "} {
		if len(l)-1 > len(level) {
			break
		}
		if i := strings.Index(section, l); i >= 0 {
			section = section[:i]
		}
	}
	return section
}

// TestExitStatusesAreDocumentedAsTheyAre: the README's table and every
// language's --help list the statuses package exitcode gives, no more.
func TestExitStatusesAreDocumentedAsTheyAre(t *testing.T) {
	want := []int{exitcode.OK, exitcode.Error, exitcode.Cancelled, exitcode.Hangup, exitcode.Interrupted, exitcode.Terminated}
	var rows []int
	for _, m := range regexp.MustCompile(`(?m)^\| (\d+) \|`).FindAllStringSubmatch(readmeSection(t, "### Exit status"), -1) {
		n, _ := strconv.Atoi(m[1])
		rows = append(rows, n)
	}
	if !slices.Equal(rows, want) {
		t.Errorf("the README's table lists %v, want %v", rows, want)
	}
	for _, lang := range i18n.Supported {
		help := newRootCommand(i18n.For(lang)).Long
		var listed []int
		for _, m := range regexp.MustCompile(`(?:^|[\s(:;])(\d+) `).FindAllStringSubmatch(help, -1) {
			n, _ := strconv.Atoi(m[1])
			listed = append(listed, n)
		}
		if !slices.Equal(listed, want) {
			t.Errorf("%s: --help lists %v, want %v:\n%s", lang, listed, want, help)
		}
	}
}
