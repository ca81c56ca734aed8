package flow

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/mfapush/mfapush/internal/i18n"
)

// FuzzReadCode: whatever is typed or pasted in a code's field, reading it
// never panics, and a code it accepts is what its factor sends: 6 digits
// for the app's and the codes sent, no space in any.
func FuzzReadCode(f *testing.F) {
	for _, s := range []string{"123 456", " 482913\n", "12a456", "17eq hnzc 2szd yg7x 4qxv x9sw", "", "１２３４５６", "12345\u00a06"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		for _, fac := range Factors {
			if !fac.Typed() {
				continue
			}
			code, ok := fac.ReadCode(typed)
			if !ok {
				continue
			}
			if code == "" || strings.ContainsFunc(code, unicode.IsSpace) {
				t.Fatalf("%s accepted %q as %q", fac.ID, typed, code)
			}
			if d := fac.Code.Digits; d > 0 && (len(code) != d || strings.Trim(code, "0123456789") != "") {
				t.Fatalf("%s accepted %q as %q, not %d digits", fac.ID, typed, code, d)
			}
		}
	})
}

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// FuzzCheckEnrollInput: whatever is typed for a phone number or an
// address, checking it never panics, accepts only what the tenant takes
// (E.164; one address without spaces), and otherwise says what to fix in
// the catalog's words, never the client's error text.
func FuzzCheckEnrollInput(f *testing.F) {
	for _, s := range []string{"+1 (555) 555-0100", "0033 6 12 34 56 78", "555 0100", "+0 1", "alice@example.com", "a@b", "＋44 20 7946 0958", ""} {
		f.Add(s)
	}
	en := i18n.For(i18n.English)
	f.Fuzz(func(t *testing.T, typed string) {
		for _, fac := range []*Factor{SMS, Email} {
			in, problem := CheckEnrollInput(en, fac, EnrollInput{PhoneNumber: typed, Email: typed})
			switch {
			case problem != "" && !strings.HasSuffix(problem, "."):
				t.Fatalf("%s: %q: the problem %q is not a sentence in the catalog's words", fac.ID, typed, problem)
			case problem != "":
			case fac == SMS && !e164.MatchString(in.PhoneNumber):
				t.Fatalf("accepted %q as %q, not E.164", typed, in.PhoneNumber)
			case fac == Email && (strings.ContainsFunc(in.Email, unicode.IsSpace) || strings.Count(in.Email, "@") != 1):
				t.Fatalf("accepted %q as the address %q", typed, in.Email)
			}
		}
	})
}
