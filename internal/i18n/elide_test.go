package i18n

import "testing"

// French elides "de" before a vowel or an h an argument brings; English
// formats as fmt does.
func TestSprintfElidesDe(t *testing.T) {
	fr, en := For(French), For(English)
	for _, tc := range []struct{ format, arg, want string }{
		{"Recherche de %s…", "alice@example.com", "Recherche d’alice@example.com…"},
		{"Téléphone de %s", "Alice", "Téléphone d’Alice"},
		{"Téléphone de %s", "Hugo", "Téléphone d’Hugo"},
		{"Téléphone de %s", "Émilie", "Téléphone d’Émilie"},
		{"De %s", "Ève", "D’Ève"},
		{"Téléphone de %s", "Bob", "Téléphone de Bob"},
		{"Téléphone de %s", "Yves", "Téléphone de Yves"},
		{"au bout de %s", "1 s", "au bout de 1 s"},
		{"pomme de %s", "/home/ana", "pomme de /home/ana"},
		{"lignes de haut pour %s", "alice", "lignes de haut pour alice"}, // the catalog's own words stay
		{"aide %s", "alice", "aide alice"},                               // "aide" ends in "de" without being the word
		{"%d%% de %s", "Ana", "%!d(string=Ana)% de %!s(MISSING)"},        // a mistake, said as fmt says it
		{"100%% de %s", "Ana", "100% d’Ana"},
	} {
		if got := fr.Sprintf(tc.format, tc.arg); got != tc.want {
			t.Errorf("French %q with %q: %q, want %q", tc.format, tc.arg, got, tc.want)
		}
	}
	if got := fr.Sprintf("Supprimer %s de %s ?", "otp", "Émilie"); got != "Supprimer otp d’Émilie ?" {
		t.Errorf("two arguments: %q", got)
	}
	if got := en.Sprintf("Looking up de %s", "alice"); got != "Looking up de alice" {
		t.Errorf("English changed: %q", got)
	}
}
