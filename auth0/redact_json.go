package auth0

import (
	"bytes"
	"encoding/json"
)

// redactJSONText replaces the values of secret fields in JSON text. It reads
// the text token by token instead of parsing it, so it works the same on a
// body cut short, a malformed one, or a page with JSON inside, and keeps
// every other byte as it came. A key is a string followed by a colon; the
// value of a key that names a secret field (in any case: Go's decoder
// ignores it), and everything inside that value when it is an object or an
// array, is replaced by the field's placeholder.
func (r *secretRegistry) redactJSONText(body []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(body))
	type container struct {
		variable string // what its values stand for, or ""
		array    bool
	}
	var (
		open     []container
		key      string // the variable the last key names, while its value is due
		afterKey bool
	)
	// variable is what the next value stands for: its key's, or, inside a
	// secret value, the enclosing one's.
	variable := func() string {
		if afterKey && key != "" {
			return key
		}
		if len(open) > 0 {
			return open[len(open)-1].variable
		}
		return ""
	}
	// isKey: a string or word followed by a colon where a key may stand.
	// Inside an array, or where a value is due, nothing is a key, so that a
	// malformed answer cannot pass a secret off as one.
	isKey := func(end int) bool {
		return !afterKey && (len(open) == 0 || !open[len(open)-1].array) && followedByColon(body, end)
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '{' || c == '[':
			open = append(open, container{variable(), c == '['})
			afterKey = false
			out.WriteByte(c)
			i++
		case c == '}' || c == ']':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			afterKey = false
			out.WriteByte(c)
			i++
		case c == ',':
			afterKey = false
			out.WriteByte(c)
			i++
		case c == ':' || isSpace(c):
			out.WriteByte(c)
			i++
		default:
			// A string; or a number, true, false, null, or text that is not JSON.
			end, value := bareEnd(body, i), ""
			if c == '"' {
				end = stringEnd(body, i)
			}
			token := body[i:end]
			if c == '"' {
				value = jsonStringValue(token)
			} else {
				value = string(token)
			}
			v := variable()
			switch {
			case isKey(end):
				key, _ = secretVariableOf(value)
				afterKey = true
				out.Write(token)
			case v != "" && (c == '"' || !isJSONLiteral(value)):
				r.remember(v, value)
				writeJSONString(&out, Placeholder(v))
				afterKey = false
			default:
				out.Write(token)
				afterKey = false
			}
			i = end
		}
	}
	return out.Bytes()
}

// stringEnd is the index just past the string literal that starts at
// body[start], or len(body) when the text ends inside it.
func stringEnd(body []byte, start int) int {
	for j := start + 1; j < len(body); j++ {
		switch body[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(body)
}

// bareEnd is the index just past a run of bytes that are not JSON's
// punctuation, quotes or white space.
func bareEnd(body []byte, start int) int {
	j := start + 1
	for j < len(body) && !isSpace(body[j]) && !isPunctuation(body[j]) {
		j++
	}
	return j
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isPunctuation(c byte) bool {
	switch c {
	case '{', '}', '[', ']', ',', ':', '"':
		return true
	}
	return false
}

func followedByColon(body []byte, from int) bool {
	for j := from; j < len(body); j++ {
		if !isSpace(body[j]) {
			return body[j] == ':'
		}
	}
	return false
}

// jsonStringValue decodes a string literal; one cut short or malformed
// gives its raw text between the quotes.
func jsonStringValue(literal []byte) string {
	var s string
	if json.Unmarshal(literal, &s) == nil {
		return s
	}
	inner := literal[1:]
	if len(inner) > 0 && inner[len(inner)-1] == '"' {
		inner = inner[:len(inner)-1]
	}
	return string(inner)
}

func isJSONLiteral(word string) bool {
	switch word {
	case "true", "false", "null":
		return true
	}
	return false
}

func writeJSONString(out *bytes.Buffer, s string) {
	enc, _ := json.Marshal(s)
	out.Write(enc)
}
