package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/gendoc"
)

// docs/fidelity.md's tables are written from testdata/ by a run of
// TestConformance with MFAPUSH_WRITE_DOCS=1; every other full run checks
// the committed section is what the data says, so it cannot go stale.

const (
	fidelityDoc     = "../../../docs/fidelity.md"
	fidelitySection = "fidelity"
	writeDocsEnv    = "MFAPUSH_WRITE_DOCS"
)

func checkFidelityDoc(t *testing.T, d *dataset) {
	body := fidelityMarkdown(d)
	if os.Getenv(writeDocsEnv) == "1" {
		if t.Failed() {
			t.Fatal("not writing docs/fidelity.md: the sandbox does not answer as the data says")
		}
		if err := gendoc.Replace(fidelityDoc, fidelitySection, body); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := gendoc.Section(fidelityDoc, fidelitySection)
	if err != nil || got != body {
		t.Errorf("docs/fidelity.md is not what testdata/ says (%v); write it again with "+
			"%s=1 go test ./auth0/sandbox/... -run TestConformance", err, writeDocsEnv)
	}
}

// verdict sums up a fact for the table.
func verdict(f *fact) string {
	if len(f.Differences) > 0 {
		var issues, checks []string
		for _, n := range f.issues() {
			issues = append(issues, fmt.Sprintf("#%d", n))
		}
		for _, d := range f.Differences {
			if d.Issue == 0 && !slices.Contains(issues, "new") {
				issues = append(issues, "new")
			}
			checks = append(checks, d.Checks...)
		}
		return "**differs** (" + strings.Join(issues, ", ") + "): " + codeList(checks)
	}
	assumed := f.assumedChecks()
	switch {
	case len(assumed) == 0:
		return "matches"
	case len(assumed) == len(f.Expect.checks()):
		return "assumed"
	}
	return "matches; assumed: " + codeList(assumed)
}

func codeList(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = "`" + s + "`"
	}
	return strings.Join(out, ", ")
}

// expected is the answer in brief: status, error code and content type,
// else what the fact checks instead.
func expected(f *fact) string {
	var parts []string
	if f.Expect.Status != 0 {
		parts = append(parts, fmt.Sprintf("%d", f.Expect.Status))
	}
	for _, key := range []string{"error", "errorCode"} {
		if v, ok := f.Expect.Values[key].(string); ok {
			parts = append(parts, "`"+v+"`")
		}
	}
	if ct := f.Expect.ContentType; ct != nil && *ct != "" {
		parts = append(parts, "`"+*ct+"`")
	}
	if len(parts) > 0 {
		return strings.Join(parts, " ")
	}
	for _, p := range keysOf(f.Expect.TokenFormat) {
		parts = append(parts, fmt.Sprintf("`%s` %s", p, f.Expect.TokenFormat[p]))
	}
	for _, p := range keysOf(f.Expect.Values) {
		v, _ := json.Marshal(f.Expect.Values[p])
		parts = append(parts, fmt.Sprintf("`%s` %s", p, v))
	}
	if len(parts) == 0 && f.Expect.Body != nil {
		parts = append(parts, "the body's keys")
	}
	return strings.Join(parts, ", ")
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func fidelityMarkdown(d *dataset) string {
	ids := keysOf(d.sources)
	number := map[string]int{}
	for i, id := range ids {
		number[id] = i + 1
	}
	facts := d.facts()
	var matching, partly, differing int
	for _, f := range facts {
		switch v := verdict(f); {
		case len(f.Differences) > 0:
			differing++
		case v == "matches":
			matching++
		default:
			partly++
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "Written by `%s=1 go test ./auth0/sandbox/... -run TestConformance` from the facts in "+
		"`auth0/sandbox/conformance/testdata/`; every other run of that test checks this section is current, and drives "+
		"the sandbox over loopback into each situation below to check its answer against the fact.\n\n", writeDocsEnv)
	fmt.Fprintf(&b, "%d facts: %d match real Auth0 on every point, %d rest in part or whole on the sandbox's own "+
		"assumptions (where no evidence exists or it conflicts), %d are known differences.\n\n", len(facts), matching, partly, differing)
	b.WriteString("Evidence kinds, strongest first:\n\n")
	for _, k := range evidenceKinds {
		fmt.Fprintf(&b, "- **%s**: %s.\n", k, kindMeaning[k])
	}
	b.WriteString("\nThe checks a fact makes: `status`, `content_type` (exact), `body` (the exact key set and each value's " +
		"JSON type), `values.<path>` (an exact value, e.g. an error code or description), `patterns.<path>` (a value's " +
		"form), `raw_excludes` (bytes the body must not hold, e.g. `\\u0026`), `headers.<name>`, `token_format.<path>` " +
		"(JWT or opaque), `empty_body`.\n")

	for _, file := range d.files {
		fmt.Fprintf(&b, "\n### %s\n\n", file.Title)
		b.WriteString("| Endpoint | Situation (fact) | Real Auth0 answers | The sandbox | Evidence |\n|---|---|---|---|---|\n")
		for i := range file.Facts {
			f := &file.Facts[i]
			var ev []string
			for _, e := range f.Evidence {
				if e.Source == "assumed" {
					continue
				}
				ref := fmt.Sprintf("%s [%d](#s%d)", d.sources[e.Source].Kind, number[e.Source], number[e.Source])
				if !slices.Contains(ev, ref) {
					ev = append(ev, ref)
				}
			}
			if len(ev) == 0 {
				ev = []string{"none"}
			}
			fmt.Fprintf(&b, "| `%s` | %s (`%s`) | %s | %s | %s |\n", f.Endpoint, cell(f.Situation), f.ID, expected(f), verdict(f), strings.Join(ev, ", "))
		}
	}

	b.WriteString("\n### Known differences\n\n")
	b.WriteString("Each is checked to still differ; fixing one means removing it from the fact, whose check then demands the match.\n\n")
	if differing == 0 {
		b.WriteString("None at present: every difference found so far is fixed, and its fact demands the match.\n")
	}
	for _, f := range facts {
		for _, diff := range f.Differences {
			issue := "found by this suite"
			if diff.Issue != 0 {
				issue = fmt.Sprintf("issue 14 item %d", diff.Issue)
			}
			fmt.Fprintf(&b, "- `%s` (%s; %s): %s Fix: %s.\n", f.ID, codeList(diff.Checks), issue, diff.Note, diff.Fix)
		}
	}

	b.WriteString("\n### Assumptions\n\n")
	b.WriteString("Where the evidence is missing or conflicts, the sandbox answers as it does for the reason given; a real tenant may differ.\n\n")
	for _, f := range facts {
		for _, e := range f.Evidence {
			if e.Source == "assumed" {
				fmt.Fprintf(&b, "- `%s` (%s): %s\n", f.ID, codeList(e.Supports), e.Note)
			}
		}
	}

	b.WriteString("\n### Sandbox-only endpoints\n\nNo Auth0 counterpart: they play the user's and the phone's part.\n\n")
	b.WriteString("| Endpoint | What it does |\n|---|---|\n")
	for _, e := range d.endpoints {
		if e.Kind == "sandbox-only" {
			fmt.Fprintf(&b, "| `%s` | %s |\n", e, cell(e.Summary))
		}
	}

	b.WriteString("\n### Sources\n\n")
	for _, id := range ids {
		s := d.sources[id]
		fmt.Fprintf(&b, "%d. <a id=\"s%d\"></a>`%s` (%s): %s", number[id], number[id], id, s.Kind, s.Ref)
		if s.Note != "" {
			b.WriteString(" — " + s.Note)
		}
		b.WriteString("\n")
	}
	return b.String()
}
