package plain

import (
	"fmt"
	"reflect"
	"regexp"
	"testing"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
)

// TestEveryProblemKindHasAName: a kind added to flow without a name here
// would reach scripts as "".
func TestEveryProblemKindHasAName(t *testing.T) {
	seen := map[string]bool{}
	for k := flow.ProblemUnknown; k <= flow.ProblemNoMFAApp; k++ {
		name := problemKinds[k]
		if name == "" || seen[name] {
			t.Errorf("kind %d: name %q (empty or repeated)", k, name)
		}
		seen[name] = true
	}
	if len(problemKinds) != int(flow.ProblemNoMFAApp)+1 {
		t.Errorf("%d names for %d kinds", len(problemKinds), flow.ProblemNoMFAApp+1)
	}
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestPlainCatalogs: every language fills every Plain text, with the
// English verbs in the same order.
func TestPlainCatalogs(t *testing.T) {
	english := reflect.ValueOf(i18n.For(i18n.English).Plain)
	for _, lang := range i18n.Supported {
		c := reflect.ValueOf(i18n.For(lang).Plain)
		for i := range c.NumField() {
			name, text := c.Type().Field(i).Name, c.Field(i).String()
			if text == "" {
				t.Errorf("%s: Plain.%s is empty", lang, name)
			}
			if got, want := fmt.Sprint(verb.FindAllString(text, -1)), fmt.Sprint(verb.FindAllString(english.Field(i).String(), -1)); got != want {
				t.Errorf("%s: Plain.%s has verbs %s, English %s", lang, name, got, want)
			}
		}
	}
}
