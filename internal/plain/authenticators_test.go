package plain_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/plain"
)

func TestAuthenticatorsOneALine(t *testing.T) {
	w := newWorld(t, nil)
	out, errOut, status := runToEnd(t, w.config(plain.CommandAuthenticators, "bob@example.com", "bob-password\n"))
	if status != plain.ExitOK {
		t.Fatalf("exit %d\n%s", status, errOut)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^Authenticators of bob@example\.com:$`),
		regexp.MustCompile(`(?m)^  Guardian push +push\|dev_\w+ +Bob's phone +active$`),
		regexp.MustCompile(`(?m)^  One-time password +totp\|dev_\w+ +active$`),
		regexp.MustCompile(`(?m)^  Recovery code +recovery-code\|dev_\w+ +active$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("no line matches %s:\n%s", want, out)
		}
	}
	assertNoEscapes(t, out+errOut)
	w.secrets.check(t, "the output", out+errOut)
}

func TestAuthenticatorsNoneIsAnEmptyList(t *testing.T) {
	w := newWorld(t, nil)
	_, out, errOut, status := runJSON(t, w.config(plain.CommandAuthenticators, "alice@example.com", "alice-password\n"))
	if status != plain.ExitOK || !strings.Contains(errOut, "This user has no authenticator.") {
		t.Fatalf("exit %d\n%s", status, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if list, ok := doc["authenticators"].([]any); !ok || len(list) != 0 || doc["outcome"] != "listed" {
		t.Errorf("report %v", doc)
	}
	for _, absent := range []string{"enrollment", "challenge", "tokens", "error"} {
		if _, ok := doc[absent]; ok {
			t.Errorf("the report has %q: %v", absent, doc)
		}
	}
}
