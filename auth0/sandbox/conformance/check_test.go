package conformance

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// response is an answer as the wire carried it.
type response struct {
	status int
	header http.Header
	raw    []byte
}

// spec is what a fact expects of an answer, or what the sandbox answers
// instead. Each field is one or more checks, named as in checks().
type spec struct {
	Status      int               `json:"status,omitempty"`
	ContentType *string           `json:"content_type,omitempty"` // "" means no Content-Type header
	Body        any               `json:"body,omitempty"`         // a shape; see matchShape
	Values      map[string]any    `json:"values,omitempty"`       // path: exact JSON value
	Patterns    map[string]string `json:"patterns,omitempty"`     // path: regexp the string must match in full
	RawExcludes []string          `json:"raw_excludes,omitempty"` // byte strings the body must not hold
	RawContains []string          `json:"raw_contains,omitempty"` // byte strings the body must hold
	Headers     map[string]string `json:"headers,omitempty"`      // header: regexp its value must match in full
	TokenFormat map[string]string `json:"token_format,omitempty"` // path: "jwt" or "opaque"
	EmptyBody   bool              `json:"empty_body,omitempty"`
}

// checks names the spec's checks, each a unit that passes or fails.
func (s *spec) checks() []string {
	var out []string
	if s.Status != 0 {
		out = append(out, "status")
	}
	if s.ContentType != nil {
		out = append(out, "content_type")
	}
	if s.Body != nil {
		out = append(out, "body")
	}
	out = append(out, prefixed("values", keysOf(s.Values))...)
	out = append(out, prefixed("patterns", keysOf(s.Patterns))...)
	if len(s.RawExcludes) > 0 {
		out = append(out, "raw_excludes")
	}
	if len(s.RawContains) > 0 {
		out = append(out, "raw_contains")
	}
	out = append(out, prefixed("headers", keysOf(s.Headers))...)
	out = append(out, prefixed("token_format", keysOf(s.TokenFormat))...)
	if s.EmptyBody {
		out = append(out, "empty_body")
	}
	return out
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + "." + n
	}
	return out
}

// compile reports a malformed spec: a bad regexp, an unknown token format
// or shape type.
func (s *spec) compile() error {
	for _, p := range keysOf(s.Patterns) {
		if _, err := regexp.Compile(s.Patterns[p]); err != nil {
			return fmt.Errorf("pattern %s: %w", p, err)
		}
	}
	for _, h := range keysOf(s.Headers) {
		if _, err := regexp.Compile(s.Headers[h]); err != nil {
			return fmt.Errorf("header %s: %w", h, err)
		}
	}
	for p, f := range s.TokenFormat {
		if f != "jwt" && f != "opaque" {
			return fmt.Errorf("token_format %s: %q is neither jwt nor opaque", p, f)
		}
	}
	if s.Body != nil {
		if err := checkShape(s.Body); err != nil {
			return fmt.Errorf("body: %w", err)
		}
	}
	return nil
}

var shapeTypes = []string{"string", "number", "boolean", "null", "object", "array", "any"}

func checkShape(shape any) error {
	switch sh := shape.(type) {
	case string:
		for _, t := range shapeTypes {
			if sh == t {
				return nil
			}
		}
		return fmt.Errorf("unknown type %q", sh)
	case []any:
		if len(sh) != 1 {
			return fmt.Errorf("an array shape has one item shape")
		}
		return checkShape(sh[0])
	case map[string]any:
		for k, v := range sh {
			if err := checkShape(v); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
		return nil
	}
	return fmt.Errorf("a shape is a type name, an object of shapes or [shape]")
}

// result is one check of an answer.
type result struct {
	check  string
	ok     bool
	want   string // what the spec asks, when it failed
	detail string // what the answer had, when it failed
}

// evaluate runs every check of s on the answer.
func (s *spec) evaluate(r response) []result {
	var body any
	bodyErr := json.Unmarshal(r.raw, &body)
	var out []result
	add := func(check string, want any, ok bool, format string, args ...any) {
		res := result{check: check, ok: ok}
		if !ok {
			w, _ := json.Marshal(want)
			res.want, res.detail = string(w), fmt.Sprintf(format, args...)
		}
		out = append(out, res)
	}
	if s.Status != 0 {
		add("status", s.Status, r.status == s.Status, "status %d", r.status)
	}
	if s.ContentType != nil {
		got := r.header.Get("Content-Type")
		add("content_type", *s.ContentType, got == *s.ContentType, "Content-Type %q", got)
	}
	if s.Body != nil {
		if bodyErr != nil {
			add("body", s.Body, false, "not JSON: %q", truncate(r.raw))
		} else {
			problems := matchShape(s.Body, body, "")
			add("body", s.Body, len(problems) == 0, "%s in %s", strings.Join(problems, "; "), truncate(r.raw))
		}
	}
	for _, p := range keysOf(s.Values) {
		got, err := valuesAt(body, p)
		ok := err == nil && bodyErr == nil
		for _, g := range got {
			ok = ok && reflect.DeepEqual(g, s.Values[p])
		}
		add("values."+p, s.Values[p], ok, "%s", describe(got, err))
	}
	for _, p := range keysOf(s.Patterns) {
		re := regexp.MustCompile("^(?:" + s.Patterns[p] + ")$")
		got, err := valuesAt(body, p)
		ok := err == nil && bodyErr == nil
		for _, g := range got {
			str, isString := g.(string)
			ok = ok && isString && re.MatchString(str)
		}
		add("patterns."+p, s.Patterns[p], ok, "%s", describe(got, err))
	}
	if len(s.RawExcludes) > 0 {
		var held []string
		for _, x := range s.RawExcludes {
			if bytes.Contains(r.raw, []byte(x)) {
				held = append(held, x)
			}
		}
		add("raw_excludes", s.RawExcludes, len(held) == 0, "the body holds %q", held)
	}
	if len(s.RawContains) > 0 {
		var missing []string
		for _, x := range s.RawContains {
			if !bytes.Contains(r.raw, []byte(x)) {
				missing = append(missing, x)
			}
		}
		add("raw_contains", s.RawContains, len(missing) == 0, "the body lacks %q", missing)
	}
	for _, h := range keysOf(s.Headers) {
		re := regexp.MustCompile("^(?:" + s.Headers[h] + ")$")
		vals, present := r.header[http.CanonicalHeaderKey(h)]
		add("headers."+h, s.Headers[h], present && len(vals) == 1 && re.MatchString(vals[0]), "%s: %q", h, vals)
	}
	for _, p := range keysOf(s.TokenFormat) {
		got, err := valuesAt(body, p)
		ok := err == nil && len(got) == 1
		format := "?"
		if ok {
			str, _ := got[0].(string)
			format = tokenFormat(str)
			ok = format == s.TokenFormat[p]
		}
		add("token_format."+p, s.TokenFormat[p], ok, "a %s token (%s)", format, describe(got, err))
	}
	if s.EmptyBody {
		add("empty_body", "no body", len(r.raw) == 0, "body %q", truncate(r.raw))
	}
	return out
}

var jwtForm = regexp.MustCompile(`^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$`)

// tokenFormat tells a JWT (three base64url parts, the first a JSON header
// with alg) from an opaque token.
func tokenFormat(tok string) string {
	if !jwtForm.MatchString(tok) {
		return "opaque"
	}
	var header struct {
		Alg string `json:"alg"`
	}
	head, err := decodeSegment(strings.SplitN(tok, ".", 2)[0])
	if err != nil || json.Unmarshal(head, &header) != nil || header.Alg == "" {
		return "opaque"
	}
	return "jwt"
}

func decodeSegment(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }

// matchShape compares a decoded JSON value with a shape: a type name; an
// object of shapes, whose keys must be exactly those (a key ending in "?"
// may be absent); or [shape], an array whose every item matches.
func matchShape(shape, v any, at string) []string {
	name := at
	if name == "" {
		name = "the body"
	}
	switch sh := shape.(type) {
	case string:
		if sh == "any" || jsonType(v) == sh {
			return nil
		}
		return []string{fmt.Sprintf("%s is %s, not %s", name, jsonType(v), sh)}
	case []any:
		arr, ok := v.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s is %s, not an array", name, jsonType(v))}
		}
		var out []string
		for i, item := range arr {
			out = append(out, matchShape(sh[0], item, fmt.Sprintf("%s[%d]", at, i))...)
		}
		return out
	case map[string]any:
		obj, ok := v.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s is %s, not an object", name, jsonType(v))}
		}
		var out []string
		for _, key := range keysOf(sh) {
			k, optional := strings.CutSuffix(key, "?")
			item, present := obj[k]
			switch {
			case !present && !optional:
				out = append(out, fmt.Sprintf("%s lacks %q", name, k))
			case present:
				out = append(out, matchShape(sh[key], item, join(at, k))...)
			}
		}
		for _, k := range keysOf(obj) {
			if _, ok := sh[k]; !ok {
				if _, ok := sh[k+"?"]; !ok {
					out = append(out, fmt.Sprintf("%s has %q, which Auth0 does not send", name, k))
				}
			}
		}
		return out
	}
	return []string{"bad shape"}
}

func join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "?"
}

// valuesAt finds the values at a dotted path; a segment "[]" (or a key
// followed by "[]") goes through every item of an array.
func valuesAt(v any, path string) ([]any, error) {
	cur := []any{v}
	for _, seg := range strings.Split(path, ".") {
		key, each := strings.CutSuffix(seg, "[]")
		var next []any
		for _, c := range cur {
			if key != "" {
				obj, ok := c.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("no object at %q", key)
				}
				item, ok := obj[key]
				if !ok {
					return nil, fmt.Errorf("no %q", key)
				}
				c = item
			}
			if each {
				arr, ok := c.([]any)
				if !ok {
					return nil, fmt.Errorf("%q is not an array", seg)
				}
				next = append(next, arr...)
				continue
			}
			next = append(next, c)
		}
		cur = next
	}
	if len(cur) == 0 {
		return nil, fmt.Errorf("nothing at %s", path)
	}
	return cur, nil
}

func describe(vals []any, err error) string {
	if err != nil {
		return err.Error()
	}
	b, _ := json.Marshal(vals)
	return truncate(b)
}

func truncate(b []byte) string {
	const most = 300
	if len(b) > most {
		return string(b[:most]) + "…"
	}
	return string(b)
}
