package i18n

import "testing"

func TestPluralFollowsEachLanguagesRule(t *testing.T) {
	for _, c := range []struct {
		lang Lang
		n    int
		want string
	}{{English, 0, "many"}, {English, 1, "one"}, {English, 2, "many"}, {French, 0, "one"}, {French, 1, "one"}, {French, 2, "many"}} {
		if got := For(c.lang).Plural(c.n, "one", "many"); got != c.want {
			t.Errorf("%s %d: %s, want %s", c.lang, c.n, got, c.want)
		}
	}
}
