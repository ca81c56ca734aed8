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
