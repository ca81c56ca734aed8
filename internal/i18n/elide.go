package i18n

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sprintf formats as fmt.Sprintf does and, in French, elides "de" before
// an argument that starts with a vowel or an h: "Recherche de %s" with
// alice@example.com reads "Recherche d’alice@example.com", with the
// typographic apostrophe of the catalog. The catalog's own words are left
// as written ("de haut" keeps its h aspiré): only the "de" just before a
// verb changes.
func (c *Catalog) Sprintf(format string, args ...any) string {
	verbs := verb.FindAllStringIndex(format, -1)
	n := 0
	for _, at := range verbs {
		if format[at[0]:at[1]] != "%%" {
			n++
		}
	}
	if c.Lang != French || n != len(args) || strings.ContainsAny(format, "[*") {
		return fmt.Sprintf(format, args...) // fmt also says what is wrong
	}
	var b strings.Builder
	last := 0
	for _, at := range verbs {
		b.WriteString(format[last:at[0]])
		last = at[1]
		v := format[at[0]:at[1]]
		if v == "%%" {
			b.WriteString("%")
			continue
		}
		text := fmt.Sprintf(v, args[0])
		args = args[1:]
		if done := b.String(); (strings.HasSuffix(done, "de ") || strings.HasSuffix(done, "De ")) &&
			startsWord(done, len(done)-3) && takesElision(text) {
			b.Reset()
			b.WriteString(done[:len(done)-2] + "’")
		}
		b.WriteString(text)
	}
	b.WriteString(format[last:])
	return b.String()
}

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// startsWord: nothing of a word comes just before s[i:].
func startsWord(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i == 0 || !unicode.IsLetter(r) && r != '’' && r != '\''
}

// takesElision: the word starts with a vowel or an h ("alice", "Hugo",
// "Émilie"); y is left alone, since French elides before few of its words.
func takesElision(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return strings.ContainsRune("aeiouhàâäéèêëîïôöùûüœæAEIOUHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ", r)
}
