package flow

import (
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/i18n"
)

func TestFailuresAreWordedInTheUsersLanguage(t *testing.T) {
	fr := i18n.For(i18n.French)
	for err, want := range map[error]string{
		auth0.ErrHTMLPage:                           "page HTML",
		auth0.ErrEmptyBody:                          "réponse vide",
		auth0.ErrTooLarge:                           "1 Mio",
		&auth0.TimeoutError{After: 2 * time.Second}: "délai dépassé après 2s",
	} {
		got := ProblemDetail(fr, Problem{Err: &auth0.Error{StatusCode: 502, Err: err}})
		if !strings.Contains(got, want) {
			t.Errorf("%v: %q lacks %q", err, got, want)
		}
	}
	if got := ProblemDetail(fr, Problem{Err: &auth0.Error{Err: &auth0.TimeoutError{After: time.Second}}}); !strings.Contains(got, "Pas de réponse : délai dépassé") {
		t.Errorf("no answer: %q", got)
	}
}

// TestSandboxAdviceOnlyOnTheSandbox: the fix for a wrong password names the
// demo users only when the run is on the built-in sandbox, in every
// language; no other fix changes.
func TestSandboxAdviceOnlyOnTheSandbox(t *testing.T) {
	for _, lang := range i18n.Supported {
		c := i18n.For(lang)
		for k := ProblemUnknown; k <= ProblemNoPassword; k++ {
			tenant, sandbox := ProblemAdvice(c, k, false), ProblemAdvice(c, k, true)
			if tenant != ProblemText(c, k).Fix {
				t.Errorf("%s %d: the advice against a tenant is not the fix", lang, k)
			}
			if strings.Contains(tenant, "alice-password") {
				t.Errorf("%s %d: a tenant is told the sandbox's passwords: %q", lang, k, tenant)
			}
			if mentions := strings.Contains(sandbox, "alice-password"); mentions != (k == ProblemWrongCredentials) {
				t.Errorf("%s %d on the sandbox: %q", lang, k, sandbox)
			}
		}
	}
}
