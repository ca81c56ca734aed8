package flow

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/internal/i18n"
)

func TestFailuresAreWordedInTheUsersLanguage(t *testing.T) {
	fr := i18n.For(i18n.French)
	for err, want := range map[error]string{
		auth0.ErrHTMLPage:                           "page HTML",
		auth0.ErrEmptyBody:                          "réponse vide",
		auth0.ErrTooLarge:                           "1 Mio",
		&auth0.TimeoutError{After: 2 * time.Second}: "délai dépassé après 2 s",
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

// Ten wrong passwords in a row block the account (Auth0's brute-force
// protection, which the sandbox plays): the problem says so, and what to
// do, on Auth0 and on the sandbox, in every language.
func TestABlockedAccountIsExplained(t *testing.T) {
	w := newWorld(t, sandbox.DefaultOptions(), time.Second)
	var err error
	for range 10 {
		_, err = w.client.LoginWithPassword(context.Background(), auth0.PasswordLogin{Username: "bob@example.com", Password: "guess"})
	}
	p := Diagnose(err)
	if p.Kind != ProblemAccountBlocked {
		t.Fatalf("diagnosed %d from %v", p.Kind, err)
	}
	en := i18n.For(i18n.English)
	if got := ProblemTextOn(en, p.Kind, false); got.Title != "This account is blocked" || !strings.Contains(got.Fix, "administrator") || strings.Contains(got.Fix, "sandbox") {
		t.Errorf("on Auth0: %+v", got)
	}
	if got := ProblemTextOn(en, p.Kind, true); !strings.Contains(got.Fix, "restart the sandbox") || !strings.Contains(got.Fix, "15 minutes") {
		t.Errorf("on the sandbox: %+v", got)
	}
	fr := i18n.For(i18n.French)
	if got := ProblemTextOn(fr, p.Kind, true); got.Title != "Ce compte est bloqué" || !strings.Contains(got.Fix, "redémarrez le bac à sable") || !strings.Contains(got.Fix, "15 minutes") {
		t.Errorf("French, on the sandbox: %+v", got)
	}
	if o := sandbox.DefaultOptions(); o.LoginAttempts != 10 || o.LoginBlock != 15*time.Minute {
		t.Errorf("the texts say 10 and 15 minutes; the sandbox blocks after %d for %v", o.LoginAttempts, o.LoginBlock)
	}
	// Other problems read the same on the sandbox.
	if ProblemTextOn(en, ProblemInvalidCode, true) != ProblemText(en, ProblemInvalidCode) {
		t.Error("the sandbox changed another problem's text")
	}
	// Too many wrong MFA codes is another problem.
	if k := Diagnose(&auth0.Error{StatusCode: 429, Code: "too_many_attempts", Description: "Too many failed MFA attempts for this user: try again later", Outcome: auth0.OutcomeRateLimited}).Kind; k != ProblemTooManyAttempts {
		t.Errorf("MFA attempts diagnosed %d", k)
	}
}

// TestSandboxAdviceOnlyOnTheSandbox: the fix for a wrong password names the
// demo users only when the run is on the built-in sandbox, in every
// language; no other fix changes.
func TestSandboxAdviceOnlyOnTheSandbox(t *testing.T) {
	for _, lang := range i18n.Supported {
		c := i18n.For(lang)
		for k := ProblemUnknown; k <= ProblemAccountBlocked; k++ {
			tenant, sandbox := ProblemTextOn(c, k, false).Fix, ProblemTextOn(c, k, true).Fix
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

// The simulated phone is named as a French speaker names a phone: with de,
// elided before a vowel.
func TestPhoneNameInFrench(t *testing.T) {
	fr := i18n.For(i18n.French)
	for user, want := range map[string]string{
		"bob@example.com": "Téléphone de Bob", "alice@example.com": "Téléphone d’Alice",
		"yves.martin@example.com": "Téléphone d’Yves", "émile@example.com": "Téléphone d’Émile",
	} {
		if got := PhoneName(fr, user); got != want {
			t.Errorf("%s: %q, want %q", user, got, want)
		}
	}
	if got := PhoneName(i18n.For(i18n.English), "alice@example.com"); got != "Alice's phone" {
		t.Errorf("English: %q", got)
	}
}
