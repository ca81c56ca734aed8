// Package i18ntest finds English left on a screen that should be in
// another language: words of the English catalog that the screen shows.
package i18ntest

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/mfapush/mfapush/internal/i18n"
)

// SameByDesign are the English catalog values that French keeps as they
// are: the program's name, a protocol word, a label of the Auth0 Dashboard,
// a word both languages share, and a bare format. Anything else the same in
// both is a translation left undone (TestSameByDesign says so).
var SameByDesign = []string{"mfapush", "mfa_token", "Audience", "Code", "Client ID", "OTP", "SMS", "%s", "%d×%d"}

// Finder knows the English texts to look for on a screen.
type Finder struct {
	// runs are English runs of three words, and whole texts of one or two
	// words, that no French text holds; each maps to the text it comes from.
	runs map[string]string
}

// NewFinder looks for what the English catalog says and the catalog of
// lang does not.
func NewFinder(lang i18n.Lang) *Finder {
	other := map[string]bool{}
	for _, v := range Texts(i18n.For(lang)) {
		for _, frag := range fragments(v) {
			w := words(frag)
			for n := 1; n <= 3; n++ {
				for _, run := range runs(w, n) {
					other[run] = true
				}
			}
		}
	}
	f := &Finder{runs: map[string]string{}}
	for _, v := range Texts(i18n.For(i18n.English)) {
		if slices.Contains(SameByDesign, v) {
			continue
		}
		for _, frag := range fragments(v) {
			w := words(frag)
			var found []string
			switch {
			case len(w) >= 3:
				found = runs(w, 3)
			case letters(w) >= 4: // a key name or a short label; "up", "now" are too short to tell
				found = []string{strings.Join(w, " ")}
			}
			for _, run := range found {
				if !other[run] {
					f.runs[run] = v
				}
			}
		}
	}
	return f
}

// EnglishOn returns the English words the screen shows, each with the
// English text it comes from, after taking out data (user names, device
// names, scopes, the server's own words) that are no words of the
// program's. Each column of the screen is read on its own: a run of two or
// more spaces, a frame or a separator ends a piece of text.
func (f *Finder) EnglishOn(screen string, data ...string) []string {
	for _, d := range data {
		screen = strings.ReplaceAll(screen, d, " ")
	}
	var found []string
	for _, piece := range columns.Split(screen, -1) {
		w := words(piece)
		for n := 1; n <= 3; n++ {
			for _, run := range runs(w, n) {
				if v, ok := f.runs[run]; ok && !inData(run, data) {
					if s := fmt.Sprintf("%q (from %q)", run, v); !slices.Contains(found, s) {
						found = append(found, s)
					}
				}
			}
		}
	}
	return found
}

// inData reports whether the data itself has the words of run: a piece of
// data broken across lines cannot be taken out whole, and its words are no
// sign of English left untranslated.
func inData(run string, data []string) bool {
	for _, d := range data {
		if strings.Contains(" "+strings.Join(words(strings.ReplaceAll(d, "-", " ")), " ")+" ", " "+run+" ") {
			return true
		}
	}
	return false
}

// Texts lists every string of a catalog.
func Texts(c *i18n.Catalog) []string {
	var out []string
	var walk func(v reflect.Value, top bool)
	walk = func(v reflect.Value, top bool) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Struct:
			for i := range v.NumField() {
				if top && v.Type().Field(i).Name == "Lang" { // the language's code, no text
					continue
				}
				walk(v.Field(i), false)
			}
		}
	}
	walk(reflect.ValueOf(*c), true)
	return out
}

var (
	verbs   = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)
	columns = regexp.MustCompile(`\n|\s{2,}|[│╭╮╰╯─║╔╗╚╝═•·▸✓✗⇄]`)
	word    = regexp.MustCompile(`[\p{L}\p{N}_@./'’+-]+`)
)

// fragments splits a format at its verbs: what fills them is not the
// catalog's.
func fragments(s string) []string { return verbs.Split(s, -1) }

// words are the words of a text, without the punctuation around them.
func words(s string) []string {
	var out []string
	for _, w := range word.FindAllString(s, -1) {
		if strings.HasPrefix(w, "--") { // a command-line flag is a name, in any language
			continue
		}
		if w = strings.Trim(w, ".-'’/"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func runs(w []string, n int) []string {
	var out []string
	for i := 0; i+n <= len(w); i++ {
		out = append(out, strings.Join(w[i:i+n], " "))
	}
	return out
}

func letters(w []string) int {
	n := 0
	for _, s := range w {
		n += len([]rune(s))
	}
	return n
}
