package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The data in testdata/: sources.json names every piece of evidence once;
// endpoints.json lists what the sandbox serves; every other file holds the
// facts about one endpoint or family of endpoints.

// Evidence kinds, strongest first.
var evidenceKinds = []string{"recorded", "reported", "doc", "sdk-source", "sdk-test-mock", "assumed"}

var kindMeaning = map[string]string{
	"recorded":      "a real exchange with an Auth0 tenant, recorded by an SDK's test recorder (some values redacted by it)",
	"reported":      "a real answer quoted in a public issue thread",
	"doc":           "Auth0's documentation (its samples are sometimes hand-written)",
	"sdk-source":    "logic in an official SDK that depends on the fact (an error classifier, a decoder)",
	"sdk-test-mock": "a stub in an official SDK's tests: plausible, not a capture",
	"assumed":       "the sandbox's choice where evidence is missing or conflicts",
}

// source is one piece of evidence.
type source struct {
	Kind string `json:"kind"`
	Ref  string `json:"ref"` // owner/repo@commit path, or a documentation URL
	Note string `json:"note,omitempty"`
}

// evidence ties a source to the checks of a fact it supports. Source
// "assumed" marks the sandbox's own choice, with the reason in Note.
type evidence struct {
	Source   string   `json:"source"`
	Supports []string `json:"supports"`
	Note     string   `json:"note,omitempty"`
}

// difference is a known difference between the sandbox and real Auth0.
type difference struct {
	Checks []string `json:"checks"`
	Issue  int      `json:"issue,omitempty"` // the item of issue 14; 0 when this suite found it
	Note   string   `json:"note"`
	Fix    string   `json:"fix"` // where the sandbox answers it
}

// fact is what real Auth0 answers in one situation.
type fact struct {
	ID          string       `json:"id"`
	Endpoint    string       `json:"endpoint"`
	Situation   string       `json:"situation"`
	Scenario    string       `json:"scenario"`
	Expect      spec         `json:"expect"`
	Sandbox     *spec        `json:"sandbox,omitempty"` // what the sandbox answers instead, for the differing checks
	Differences []difference `json:"differences,omitempty"`
	Evidence    []evidence   `json:"evidence"`
	Note        string       `json:"note,omitempty"`
	Related     []int        `json:"related_issue,omitempty"` // issue items about this fact's wording elsewhere
	file        string
}

type factFile struct {
	Title string `json:"title"`
	Facts []fact `json:"facts"`
	name  string
}

// endpoint is one route the sandbox serves.
type endpoint struct {
	Method  string `json:"method"`
	Path    string `json:"path"`
	Probe   string `json:"probe,omitempty"` // the path to request when Path has a {placeholder}
	Kind    string `json:"kind"`            // auth0, guardian or sandbox-only
	Summary string `json:"summary"`
	// Unserved marks a real endpoint the sandbox does not serve yet: the
	// probe checks it is still refused. CatchAll marks the answer to any
	// path without a route: there is nothing to probe.
	Unserved bool `json:"unserved,omitempty"`
	CatchAll bool `json:"catch_all,omitempty"`
}

func (e endpoint) String() string { return e.Method + " " + e.Path }

type dataset struct {
	sources   map[string]source
	endpoints []endpoint
	files     []factFile
}

func (d *dataset) facts() []*fact {
	var out []*fact
	for i := range d.files {
		for j := range d.files[i].Facts {
			out = append(out, &d.files[i].Facts[j])
		}
	}
	return out
}

// factFileOrder is the order of the fact files in docs/fidelity.md.
var factFileOrder = []string{"token", "associate", "authenticators", "challenge", "factors", "guardian", "push", "management", "ciba", "misc"}

func loadDataset(t *testing.T) *dataset {
	t.Helper()
	d := &dataset{}
	readStrict(t, "sources.json", &d.sources)
	readStrict(t, "endpoints.json", &d.endpoints)
	names, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, n := range names {
		base := strings.TrimSuffix(filepath.Base(n), ".json")
		if base != "sources" && base != "endpoints" {
			found = append(found, base)
		}
	}
	sort.Strings(found)
	ordered := slices.Clone(factFileOrder)
	sort.Strings(ordered)
	if !slices.Equal(found, ordered) {
		t.Fatalf("testdata holds the fact files %v; factFileOrder lists %v", found, factFileOrder)
	}
	for _, name := range factFileOrder {
		f := factFile{name: name}
		readStrict(t, name+".json", &f)
		for i := range f.Facts {
			f.Facts[i].file = name
		}
		d.files = append(d.files, f)
	}
	return d
}

// readStrict decodes a testdata file, refusing unknown fields so that a
// misspelt key cannot silently drop a check.
func readStrict(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("testdata/%s: %v", name, err)
	}
}

// covers reports whether a supports or differences entry names the check:
// the check itself, or a group of it ("values" covers "values.error").
func covers(entry, check string) bool {
	return entry == check || strings.HasPrefix(check, entry+".")
}

func (f *fact) differs(check string) (difference, bool) {
	for _, d := range f.Differences {
		for _, c := range d.Checks {
			if covers(c, check) {
				return d, true
			}
		}
	}
	return difference{}, false
}

// assumedChecks are the checks no real evidence supports, or for which the
// sandbox made a choice among conflicting evidence.
func (f *fact) assumedChecks() []string {
	var out []string
	for _, c := range f.Expect.checks() {
		real, assumed := false, false
		for _, e := range f.Evidence {
			for _, s := range e.Supports {
				if covers(s, c) {
					if e.Source == "assumed" {
						assumed = true
					} else {
						real = true
					}
				}
			}
		}
		if assumed || !real {
			out = append(out, c)
		}
	}
	return out
}

// issues are the issue items of the fact's differences.
func (f *fact) issues() []int {
	var out []int
	for _, d := range f.Differences {
		if d.Issue != 0 && !slices.Contains(out, d.Issue) {
			out = append(out, d.Issue)
		}
	}
	sort.Ints(out)
	return out
}

// validate checks the dataset's own consistency: every check has evidence,
// every source exists, every difference names checks that real evidence
// supports, and the endpoints and facts cover each other.
func (d *dataset) validate() []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for id, s := range d.sources {
		if !slices.Contains(evidenceKinds, s.Kind) || s.Kind == "assumed" {
			bad("source %s: kind %q is not one of %v (assumed is written per fact)", id, s.Kind, evidenceKinds[:len(evidenceKinds)-1])
		}
		if s.Ref == "" {
			bad("source %s: no ref", id)
		}
	}
	endpoints := map[string]endpoint{}
	for _, e := range d.endpoints {
		if !slices.Contains([]string{"auth0", "guardian", "sandbox-only"}, e.Kind) {
			bad("endpoint %s: kind %q", e, e.Kind)
		}
		endpoints[e.String()] = e
	}
	ids := map[string]bool{}
	used := map[string]bool{}
	cited := map[string]bool{}
	for _, f := range d.facts() {
		where := f.file + ": " + f.ID
		if f.ID == "" || ids[f.ID] {
			bad("%s: missing or repeated id", where)
		}
		ids[f.ID] = true
		if _, ok := endpoints[f.Endpoint]; !ok {
			bad("%s: endpoint %q is not in endpoints.json", where, f.Endpoint)
		}
		used[f.Endpoint] = true
		if _, ok := scenarios[f.Scenario]; !ok {
			bad("%s: no scenario %q", where, f.Scenario)
		}
		if f.Situation == "" {
			bad("%s: no situation", where)
		}
		checks := f.Expect.checks()
		if len(checks) == 0 {
			bad("%s: expects nothing", where)
		}
		if err := f.Expect.compile(); err != nil {
			bad("%s: expect: %v", where, err)
		}
		for _, e := range f.Evidence {
			cited[e.Source] = true
			if e.Source != "assumed" {
				if _, ok := d.sources[e.Source]; !ok {
					bad("%s: unknown source %q", where, e.Source)
				}
			} else if e.Note == "" {
				bad("%s: an assumption without its reason", where)
			}
			for _, s := range e.Supports {
				if !slices.ContainsFunc(checks, func(c string) bool { return covers(s, c) }) {
					bad("%s: evidence %s supports %q, which the fact does not check", where, e.Source, s)
				}
			}
		}
		for _, c := range checks {
			if !slices.ContainsFunc(f.Evidence, func(e evidence) bool {
				return slices.ContainsFunc(e.Supports, func(s string) bool { return covers(s, c) })
			}) {
				bad("%s: check %s has no evidence (write an assumed item with its reason)", where, c)
			}
		}
		for _, diff := range f.Differences {
			if diff.Note == "" || diff.Fix == "" {
				bad("%s: a difference needs a note and the fix's place", where)
			}
			for _, dc := range diff.Checks {
				named := false
				for _, c := range checks {
					if !covers(dc, c) {
						continue
					}
					named = true
					if slices.Contains(f.assumedChecks(), c) {
						bad("%s: difference on %s, which only assumed evidence supports", where, c)
					}
				}
				if !named {
					bad("%s: difference names %q, which the fact does not check", where, dc)
				}
			}
		}
		switch {
		case len(f.Differences) > 0 && f.Sandbox == nil:
			bad("%s: differences without what the sandbox answers instead", where)
		case len(f.Differences) == 0 && f.Sandbox != nil:
			bad("%s: a sandbox answer without a difference", where)
		case f.Sandbox != nil:
			if err := f.Sandbox.compile(); err != nil {
				bad("%s: sandbox: %v", where, err)
			}
		}
	}
	for _, e := range d.endpoints {
		if e.Kind != "sandbox-only" && !used[e.String()] {
			bad("endpoint %s has no fact", e)
		}
	}
	for id := range d.sources {
		if !cited[id] {
			bad("source %s supports no fact", id)
		}
	}
	sort.Strings(problems)
	return problems
}
