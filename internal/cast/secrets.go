package cast

import (
	"encoding/json"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// MinSecret is the shortest secret masked, in characters: shorter values
// (a PIN) would blank out unrelated text wherever they happened to appear.
const MinSecret = 6

// MinFragment is the shortest run of a token's characters that is masked
// where the token does not appear whole: a screen that redraws only what
// changed may write a new token from its middle. Random values share no
// such run with ordinary text.
const MinFragment = 8

// minTokenFragments is the shortest token whose fragments are masked;
// shorter ones are masked whole only.
const minTokenFragments = 2 * MinFragment

// Secrets is a set of secret values that grows while a session learns
// them. It is safe for concurrent use.
type Secrets struct {
	mu      sync.Mutex
	version atomic.Uint64
	seen    map[string]bool
	whole   []string // masked where they appear whole
	tokens  []string // masked whole and by fragments
}

// NewSecrets returns an empty set.
func NewSecrets() *Secrets { return &Secrets{seen: map[string]bool{}} }

// Add adds a value that is masked where it appears whole: a password, a
// code, a link. Spaces and control characters in it are ignored, on
// screen as in the value, so "ABCD EFGH" on screen is the code ABCDEFGH.
func (s *Secrets) Add(value string) { s.add(value, false) }

// AddToken adds a random value (a token, a ticket, a generated code): it is
// masked whole, and so is every run of at least MinFragment of its
// characters, when it has twice that many.
func (s *Secrets) AddToken(value string) { s.add(value, true) }

func (s *Secrets) add(value string, token bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	changed := false
	for _, form := range forms(value) {
		form = normalize(form)
		if utf8.RuneCountInString(form) < MinSecret || s.seen[form] {
			continue
		}
		s.seen[form] = true
		changed = true
		if token && utf8.RuneCountInString(form) >= minTokenFragments {
			s.tokens = append(s.tokens, form)
		} else {
			s.whole = append(s.whole, form)
		}
	}
	if changed {
		s.version.Add(1)
	}
}

// Len is the number of values (counting each written form) in the set.
func (s *Secrets) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.whole) + len(s.tokens)
}

// snapshot returns the set as of its version.
func (s *Secrets) snapshot() (version uint64, whole, tokens []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version.Load(), append([]string(nil), s.whole...), append([]string(nil), s.tokens...)
}

// forms are the ways a value is written: as it is, URL-encoded, and inside
// a JSON string (where & is \u0026).
func forms(value string) []string {
	out := []string{value, url.QueryEscape(value), url.PathEscape(value)}
	if j, err := json.Marshal(value); err == nil {
		out = append(out, string(j[1:len(j)-1]))
	}
	return out
}

// isSeparator reports whether r is ignored when matching: a space or a
// control character, which a screen puts between the groups of a code or
// the lines of a wrapped value.
func isSeparator(r rune) bool { return r <= ' ' || r == 0x7f }

func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if isSeparator(r) {
			return -1
		}
		return r
	}, s)
}
