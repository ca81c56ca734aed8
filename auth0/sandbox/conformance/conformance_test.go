package conformance

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestConformance drives the sandbox into every situation of the facts in
// testdata/ and checks its answer against each fact: a check that matches
// real Auth0 must still match, and a known difference must still differ
// (when it is fixed, the fact's difference is removed and the check then
// demands the match). It also checks that docs/fidelity.md is what the data
// says, or writes it with MFAPUSH_WRITE_DOCS=1.
func TestConformance(t *testing.T) {
	d := loadDataset(t)
	if problems := d.validate(); len(problems) > 0 {
		t.Fatalf("testdata is inconsistent:\n%s", strings.Join(problems, "\n"))
	}
	answers := map[string]response{} // by scenario: facts about one situation share its run
	ran := 0
	for _, file := range d.files {
		t.Run(file.name, func(t *testing.T) {
			for i := range file.Facts {
				f := &file.Facts[i]
				t.Run(f.ID, func(t *testing.T) {
					ran++
					r, ok := answers[f.Scenario]
					if !ok {
						r = scenarios[f.Scenario](newEnv(t))
						answers[f.Scenario] = r
					}
					checkFact(t, d, f, r)
				})
			}
		})
	}
	t.Run("endpoints", func(t *testing.T) { checkEndpointsServed(t, d) })
	if ran == len(d.facts()) {
		checkFidelityDoc(t, d)
	}
}

// checkFact compares one answer with a fact.
func checkFact(t *testing.T, d *dataset, f *fact, r response) {
	t.Helper()
	t.Logf("answer: %d %q %s", r.status, r.header.Get("Content-Type"), truncate(r.raw))
	for _, p := range d.factProblems(f, r) {
		t.Error(p)
	}
}

// factProblems are the ways an answer departs from a fact: a check that
// should match and does not (drift), a known difference that no longer
// differs (fixed: the fact must say so), or a sandbox answer that changed.
func (d *dataset) factProblems(f *fact, r response) []string {
	var out []string
	for _, res := range f.Expect.evaluate(r) {
		diff, differs := f.differs(res.check)
		switch {
		case differs && res.ok:
			out = append(out, fmt.Sprintf("%s: the sandbox now answers as real Auth0 does, so the known difference "+
				"(issue item %d: %s) is fixed: remove %q from the fact's differences and its sandbox block in testdata/%s.json, "+
				"then regenerate docs/fidelity.md", res.check, diff.Issue, diff.Note, res.check, f.file))
		case !differs && !res.ok:
			out = append(out, fmt.Sprintf("%s drifted from real Auth0 (%s): want %s, got %s", res.check, d.basis(f, res.check), res.want, res.detail))
		}
	}
	if f.Sandbox != nil {
		for _, res := range f.Sandbox.evaluate(r) {
			if !res.ok {
				out = append(out, fmt.Sprintf("the known difference changed: the sandbox no longer answers %s as the fact's "+
					"sandbox block says: want %s, got %s", res.check, res.want, res.detail))
			}
		}
	}
	return out
}

// basis names the evidence behind a check, for failure messages.
func (d *dataset) basis(f *fact, check string) string {
	var parts []string
	for _, e := range f.Evidence {
		for _, s := range e.Supports {
			if covers(s, check) {
				if e.Source == "assumed" {
					parts = append(parts, "assumed: "+e.Note)
				} else {
					parts = append(parts, d.sources[e.Source].Kind+" "+e.Source)
				}
				break
			}
		}
	}
	return strings.Join(parts, "; ")
}

// checkEndpointsServed requests every endpoint endpoints.json lists and
// fails if the sandbox answers it with its catch-all 404, so that the
// list, and the fidelity table built from it, cannot name a route the
// sandbox does not serve.
func checkEndpointsServed(t *testing.T, d *dataset) {
	e := newEnv(t)
	for _, ep := range d.endpoints {
		if ep.CatchAll {
			continue
		}
		path := ep.Path
		if ep.Probe != "" {
			path = ep.Probe
		}
		if strings.Contains(path, "{") {
			t.Errorf("%s: a path with a placeholder needs a probe", ep)
			continue
		}
		var body []byte
		if ep.Method == http.MethodPost || ep.Method == http.MethodPatch {
			body = []byte("{}")
		}
		r := e.do(ep.Method, path, http.Header{"Content-Type": {"application/json"}}, body)
		served := r.status != http.StatusMethodNotAllowed && (r.status != http.StatusNotFound ||
			!strings.Contains(string(r.raw), "No such endpoint") && !strings.Contains(string(r.raw), "No such Guardian endpoint"))
		switch {
		case ep.Unserved && served:
			t.Errorf("%s: the sandbox serves it now (%d %s): drop unserved from endpoints.json and update its facts", ep, r.status, r.raw)
		case !ep.Unserved && !served:
			t.Errorf("%s: the sandbox does not serve it: %d %s", ep, r.status, r.raw)
		}
	}
}
