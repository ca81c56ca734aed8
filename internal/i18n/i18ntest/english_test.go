package i18ntest

import (
	"slices"
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
)

// TestSameByDesign keeps SameByDesign honest: a text French shares with
// English is either listed there or left untranslated.
func TestSameByDesign(t *testing.T) {
	en, fr := Texts(i18n.For(i18n.English)), Texts(i18n.For(i18n.French))
	if len(en) != len(fr) {
		t.Fatalf("English has %d texts, French %d", len(en), len(fr))
	}
	var same []string
	for i := range en {
		if en[i] == fr[i] && !slices.Contains(same, en[i]) {
			same = append(same, en[i])
		}
	}
	for _, s := range same {
		if !slices.Contains(SameByDesign, s) {
			t.Errorf("%q is the same in French: translate it, or add it to SameByDesign", s)
		}
	}
	for _, s := range SameByDesign {
		if !slices.Contains(same, s) {
			t.Errorf("%q is in SameByDesign but French says it otherwise: take it out", s)
		}
	}
}

func TestEnglishOn(t *testing.T) {
	f := NewFinder(i18n.French)
	for _, screen := range []string{
		"  Waiting for the phone     │ Téléphone simulé │",
		" q quit • ? plus de touches",
		"  Open Auth0 Guardian on\n  the phone.",
	} {
		if got := f.EnglishOn(screen); len(got) == 0 {
			t.Errorf("EnglishOn(%q) finds no English", screen)
		}
	}
	for _, french := range Texts(i18n.For(i18n.French)) {
		if got := f.EnglishOn(french); len(got) > 0 {
			t.Errorf("the French %q reads as English %q", french, got)
		}
	}
	if got := f.EnglishOn("  Bob's phone  ", "Bob's phone"); len(got) > 0 {
		t.Errorf("data taken out still reads as English: %q", got)
	}
}
