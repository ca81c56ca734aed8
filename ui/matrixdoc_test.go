package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/gendoc"
)

// The fault matrix's section of docs/reliability.md is written by a run of
// TestFaultMatrix with MFAPUSH_WRITE_DOCS=1; every other run checks that
// the committed section is what the run produced, so it cannot go stale.

const (
	reliabilityDoc = "../docs/reliability.md"
	matrixSection  = "fault-matrix"
	writeDocsEnv   = "MFAPUSH_WRITE_DOCS"
)

func checkMatrixDoc(t *testing.T, cells []*matrixCell) {
	for _, c := range cells {
		if c.outcome == "" {
			return // a partial run (-run) proves only part of the matrix
		}
	}
	body := matrixMarkdown(cells)
	if os.Getenv(writeDocsEnv) == "1" {
		if err := gendoc.Replace(reliabilityDoc, matrixSection, body); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := gendoc.Section(reliabilityDoc, matrixSection)
	if err != nil || got != body {
		t.Errorf("docs/reliability.md's fault matrix is not what this run produced (%v); "+
			"write it again with %s=1 go test ./ui -run TestFaultMatrix\nthis run:\n%s", err, writeDocsEnv, body)
	}
}

func matrixMarkdown(cells []*matrixCell) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Written by `%s=1 go test ./ui -run TestFaultMatrix`; checked by every other run of it.\n\n", writeDocsEnv)
	fmt.Fprintf(&b, "Every cell passed: the program ran in a virtual terminal against the sandbox over loopback, on a manual "+
		"clock shared by both (Auth0's numbers: 5 s interval, polls 6 s apart, 12 a minute), with a client timeout of %v "+
		"and the sandbox's `slow` fault set to %v. One-shot calls got the fault %d times (so that the transport's own "+
		"replay of a GET is faulted too), then the fault was cleared and enter pressed once; polls got it %d times in a "+
		"row, then the phone answered. Backoff jitter is fixed at the middle of its range (+10%%) so that the figures are exact.\n\n",
		matrixTimeout, matrixSlowFault, oneShotFaults, pollFaults)

	b.WriteString("| phase |")
	for _, k := range sandbox.FaultKinds {
		b.WriteString(" `" + k + "` |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(sandbox.FaultKinds)) + "\n")
	for i := 0; i < len(cells); i += len(sandbox.FaultKinds) {
		b.WriteString("| " + cells[i].phase + " |")
		for _, c := range cells[i : i+len(sandbox.FaultKinds)] {
			b.WriteString(" " + cellMark(c) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n✓ problem: the screen said what happened and what to do, and enter carried the flow through once the " +
		"fault cleared. ✓ retried: the wait retried on schedule and succeeded. ✓ waited: a 429 was honoured. " +
		"✓ late: the answer came after the delay and nothing failed.\n\n")

	b.WriteString("| phase | fault | outcome | figures |\n|---|---|---|---|\n")
	for _, c := range cells {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", c.phase, c.kind, c.outcome, c.figures)
	}
	return b.String()
}

func cellMark(c *matrixCell) string {
	switch {
	case c.kind == "slow":
		return "✓ late"
	case c.kind == "429" && strings.Contains(c.phase, "poll"):
		return "✓ waited"
	case strings.Contains(c.phase, "poll"):
		return "✓ retried"
	}
	return "✓ problem"
}
