package config

import (
	"errors"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// document is a parsed config file, with the tables decoded once each.
type document struct {
	md     *toml.MetaData
	tables map[string]map[string]toml.Primitive // by key; "" is the top
}

// table returns the keys of the table at key, and false when key is no table.
func (d *document) table(key toml.Key) (map[string]toml.Primitive, bool) {
	name := key.String()
	if t, ok := d.tables[name]; ok {
		return t, t != nil
	}
	d.tables[name] = nil
	above, ok := d.table(key[:len(key)-1])
	if !ok {
		return nil, false
	}
	prim, ok := above[key[len(key)-1]]
	if !ok {
		return nil, false
	}
	// The decoder turns a value that is no table into an empty map without
	// an error, hence the look at its type first.
	var v any
	_ = d.md.PrimitiveDecode(prim, &v) // into an empty interface it cannot fail
	var keys map[string]toml.Primitive
	if _, isTable := v.(map[string]any); !isTable || d.md.PrimitiveDecode(prim, &keys) != nil {
		return nil, false
	}
	d.tables[name] = keys
	return keys, true
}

// value returns the value at key as the decoder gives it: string, bool,
// int64, map[string]any and so on; nil when there is none.
func (d *document) value(key toml.Key) any {
	above, ok := d.table(key[:len(key)-1])
	if !ok {
		return nil
	}
	prim, ok := above[key[len(key)-1]]
	if !ok {
		return nil
	}
	var v any
	_ = d.md.PrimitiveDecode(prim, &v) // into an empty interface it cannot fail
	return v
}

// line finds the line of a key. The decoder keeps positions to itself and
// reveals them only in a ParseError, so a decoder that always fails is aimed
// at the key. A table made implicitly, by a dotted key or a [a.b] header, has
// no position of its own: it takes that of the first key inside it.
func (d *document) line(key toml.Key) int {
	for _, k := range d.md.Keys() {
		if len(k) < len(key) || !slices.Equal(k[:len(key)], key) {
			continue
		}
		if len(k) > maxLineDepth {
			return 0 // reaching it would cost the square of its depth
		}
		above, ok := d.table(k[:len(k)-1])
		if !ok {
			return 0
		}
		var pe toml.ParseError
		if err := d.md.PrimitiveDecode(above[k[len(k)-1]], &lineProbe{}); errors.As(err, &pe) {
			return pe.Position.Line
		}
		return 0
	}
	return 0
}

// maxLineDepth is deeper than any key a config file needs (three).
const maxLineDepth = 8

type lineProbe struct{}

func (*lineProbe) UnmarshalTOML(any) error { return errors.New("probe") }

// syntaxError reports a TOML syntax error with its line. The parser's words
// may quote the text it choked on, so they are left out when that line
// mentions a secret.
func syntaxError(path string, data []byte, err error) error {
	src := Source{Kind: FromFile, File: path}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return &Error{Setting: keyConfig, Source: src, Message: say(func(w *words) string { return w.NotTOML })} // no parser message: it might quote a secret
	}
	src.Line = pe.Position.Line
	if mentionsSecret(pe.LastKey) || mentionsSecret(lineText(data, src.Line)) {
		return &Error{Setting: keyConfig, Source: src, Message: say(func(w *words) string { return w.NotTOMLSecret })}
	}
	return &Error{Setting: keyConfig, Source: src, Message: say(func(w *words) string { return w.NotTOMLAt }, printable(strings.TrimPrefix(pe.Message, "toml: ")))}
}

func mentionsSecret(s string) bool { return strings.Contains(strings.ToLower(s), "secret") }

func lineText(data []byte, line int) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}
