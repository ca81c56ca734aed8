package conformance

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// The suite's own machinery must be able to fail: these tests feed it
// answers and data that are wrong in each way it must catch.

func answerOf(status int, contentType, body string) response {
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	return response{status: status, header: h, raw: []byte(body)}
}

func mustFact(t *testing.T, js string) *fact {
	t.Helper()
	var f fact
	if err := json.Unmarshal([]byte(js), &f); err != nil {
		t.Fatal(err)
	}
	f.file = "test"
	return &f
}

func TestFactProblemsTellDriftFixAndChange(t *testing.T) {
	d := &dataset{sources: map[string]source{"rec": {Kind: "recorded", Ref: "x"}}}
	plain := mustFact(t, `{"id":"p","expect":{"status":400,"content_type":"application/json",
		"body":{"error":"string","error_description":"string"},"values":{"error":"authorization_pending"}},
		"evidence":[{"source":"rec","supports":["status","content_type","body","values"]}]}`)
	diff := mustFact(t, `{"id":"d","expect":{"status":403,"content_type":"application/json; charset=utf-8"},
		"sandbox":{"content_type":"application/json"},
		"differences":[{"checks":["content_type"],"issue":8,"note":"n","fix":"f"}],
		"evidence":[{"source":"rec","supports":["status","content_type"]}]}`)

	for _, c := range []struct {
		name string
		f    *fact
		r    response
		want []string // substrings, one per expected problem
	}{
		{"match", plain, answerOf(400, "application/json", `{"error":"authorization_pending","error_description":"x"}`), nil},
		{"wrong code", plain, answerOf(400, "application/json", `{"error":"slow_down","error_description":"x"}`), []string{"values.error drifted"}},
		{"extra key", plain, answerOf(400, "application/json", `{"error":"authorization_pending","error_description":"x","hint":1}`), []string{"body drifted"}},
		{"charset added", plain, answerOf(400, "application/json; charset=utf-8", `{"error":"authorization_pending","error_description":"x"}`), []string{"content_type drifted"}},
		{"still differs", diff, answerOf(403, "application/json", `{}`), nil},
		{"fixed", diff, answerOf(403, "application/json; charset=utf-8", `{}`), []string{"now answers as real Auth0 does", "known difference changed"}},
		{"differs otherwise", diff, answerOf(403, "text/plain", `{}`), []string{"known difference changed"}},
		{"status drift beside a difference", diff, answerOf(400, "application/json", `{}`), []string{"status drifted"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := d.factProblems(c.f, c.r)
			if len(got) != len(c.want) {
				t.Fatalf("got %d problems, want %d: %q", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to say %q", i, got[i], w)
				}
			}
		})
	}
}

func TestShapesValuesAndPatterns(t *testing.T) {
	s := spec{
		Body:        []any{map[string]any{"id": "string", "active": "boolean", "name?": "string"}},
		Values:      map[string]any{"[].active": true},
		Patterns:    map[string]string{"[].id": `push\|dev_[A-Za-z0-9]{16}`},
		RawExcludes: []string{`\u0026`},
	}
	ok := `[{"id":"push|dev_ABCDEFGHIJKLMNOP","active":true,"name":"x"},{"id":"push|dev_ABCDEFGHIJKLMNOQ","active":true}]`
	for _, res := range s.evaluate(answerOf(200, "", ok)) {
		if !res.ok {
			t.Errorf("%s failed on a matching answer: %s", res.check, res.detail)
		}
	}
	for name, body := range map[string]string{
		"body":             `[{"id":"push|dev_ABCDEFGHIJKLMNOP","active":true,"extra":1}]`,
		"values.[].active": `[{"id":"push|dev_ABCDEFGHIJKLMNOP","active":false}]`,
		"patterns.[].id":   `[{"id":"totp|dev_ABCDEFGHIJKLMNOP","active":true}]`,
		"raw_excludes":     `[{"id":"push|dev_ABCDEFGHIJKLMNOP","active":true,"name":"a\u0026b"}]`,
	} {
		failed := false
		for _, res := range s.evaluate(answerOf(200, "", body)) {
			failed = failed || (res.check == name && !res.ok)
		}
		if !failed {
			t.Errorf("%s passed on %s", name, body)
		}
	}
	if f := tokenFormat("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"); f != "jwt" {
		t.Errorf("a JWT reads as %s", f)
	}
	if f := tokenFormat("a.b.c"); f != "opaque" {
		t.Errorf("three dotted words read as %s", f)
	}
}

func TestValidateCatchesUnsupportedChecks(t *testing.T) {
	d := &dataset{
		sources:   map[string]source{"doc": {Kind: "doc", Ref: "x"}},
		endpoints: []endpoint{{Method: "POST", Path: "/oauth/token", Kind: "auth0"}, {Method: "GET", Path: "/mfa/authenticators", Kind: "auth0"}},
		files: []factFile{{name: "test", Facts: []fact{
			*mustFact(t, `{"id":"a","endpoint":"POST /oauth/token","situation":"s","scenario":"oob_pending",
				"expect":{"status":400,"values":{"error":"x"}},
				"evidence":[{"source":"doc","supports":["status"]}]}`),
			*mustFact(t, `{"id":"b","endpoint":"POST /oauth/token","situation":"s","scenario":"oob_pending",
				"expect":{"status":400},"sandbox":{"status":200},
				"differences":[{"checks":["status"],"issue":1,"note":"n","fix":"f"}],
				"evidence":[{"source":"assumed","supports":["status"],"note":"why"}]}`),
			*mustFact(t, `{"id":"c","endpoint":"POST /oauth/token","situation":"s","scenario":"no_such_scenario",
				"expect":{"status":400},"evidence":[{"source":"nowhere","supports":["status"]}]}`),
		}}},
	}
	got := strings.Join(d.validate(), "\n")
	for _, want := range []string{
		"a: check values.error has no evidence",
		"b: difference on status, which only assumed evidence supports",
		`c: no scenario "no_such_scenario"`,
		`c: unknown source "nowhere"`,
		"endpoint GET /mfa/authenticators has no fact",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("validate missed %q; it said:\n%s", want, got)
		}
	}
}
