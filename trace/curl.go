package trace

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mfapush/mfapush/auth0"
)

// Curl is the exact curl command that reproduces the exchange, in the style
// of Auth0's docs: --request, --url, --header, --data (form fields with
// --data-urlencode each, so any value is encoded right), one option per
// line joined with " \\\n  ". Secrets appear as shell variables
// ("$MFA_TOKEN", "Bearer $ACCESS_TOKEN"), inside double quotes so the shell
// expands them; every other value is quoted so that the shell passes it
// through unchanged, whatever it contains (quotes, $, backslashes,
// backticks, newlines). For a revealed exchange (no placeholders) the real
// values are quoted the same safe way.
//
// A variable inside a JSON body is expanded as is, so its value must need
// no JSON escaping; Auth0's tokens and codes never do. A body with a NUL
// byte cannot be passed on a command line; the client never sends one.
func Curl(ex auth0.Exchange) string {
	return strings.Join(build(ex).options, " \\\n  ")
}

// Variables lists the shell variables a Curl command needs, in order of
// first use.
func Variables(ex auth0.Exchange) []string {
	return build(ex).variables
}

// command is a curl command being built.
type command struct {
	expand    bool // placeholders become shell variables (not for revealed exchanges)
	options   []string
	variables []string
}

var plainMethod = regexp.MustCompile(`^[A-Z]+$`)

func build(ex auth0.Exchange) *command {
	c := &command{expand: !ex.Revealed}
	method := ex.Method
	if !plainMethod.MatchString(method) {
		method = c.word(method)
	}
	if ex.Method == http.MethodHead {
		c.add("curl --head") // --request HEAD would wait for a body that never comes
	} else {
		c.add("curl --request " + method)
	}
	if strings.ContainsAny(ex.URL, "[]{}") {
		c.add("--globoff") // else curl reads brackets and braces as a URL pattern
	}
	c.add("--url " + c.word(ex.URL))
	names := make([]string, 0, len(ex.RequestHeader))
	for name := range ex.RequestHeader {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range ex.RequestHeader[name] {
			if v == "" {
				c.add("--header " + c.word(name+";")) // "Name:" would remove the header
				continue
			}
			c.add("--header " + c.word(name+": "+v))
		}
	}
	c.addBody(ex.RequestHeader.Get("Content-Type"), string(ex.RequestBody))
	return c
}

func (c *command) add(option string) { c.options = append(c.options, option) }

func (c *command) addBody(contentType, body string) {
	if body == "" {
		return
	}
	if isForm(contentType) {
		if fields, ok := formFields(body); ok {
			for _, f := range fields {
				if f.key == "" {
					// curl would send "=value" as a bare value: pass it encoded.
					c.add("--data-raw " + c.word("="+url.QueryEscape(f.value)))
					continue
				}
				// curl encodes the value only: the name goes encoded already.
				c.add("--data-urlencode " + c.word(url.QueryEscape(f.key)+"="+f.value))
			}
			return
		}
	}
	if body[0] == '{' || body[0] == '[' {
		c.add("--data " + c.word(body))
		return
	}
	c.add("--data-raw " + c.word(body)) // --data would read a file for a leading @
}

// segment is a piece of a value: literal text, or the shell variable that
// stands for a secret.
type segment struct {
	text     string
	variable string
}

// placeholders are the texts that stand for secrets, longest first so that
// $OTP_SECRET is never read as $OTP followed by _SECRET.
var placeholders = func() []segment {
	var out []segment
	for _, v := range auth0.SecretVariables() {
		out = append(out, segment{text: auth0.Placeholder(v), variable: v})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
}()

// split cuts s at every placeholder. A placeholder followed by a letter,
// digit or underscore is text: the shell would read a longer name.
func (c *command) split(s string) []segment {
	if !c.expand {
		return []segment{{text: s}}
	}
	var out []segment
	start := 0
	for i := 0; i < len(s); i++ {
		for _, p := range placeholders {
			end := i + len(p.text)
			if !strings.HasPrefix(s[i:], p.text) || end < len(s) && isNameByte(s[end]) {
				continue
			}
			if start < i {
				out = append(out, segment{text: s[start:i]})
			}
			out = append(out, p)
			start, i = end, end-1
			break
		}
	}
	if start < len(s) || len(out) == 0 {
		out = append(out, segment{text: s[start:]})
	}
	return out
}

func isNameByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z'
}

// word quotes s as one shell word: literal text passes through unchanged,
// placeholders expand to their variables.
func (c *command) word(s string) string {
	segs := c.split(s)
	for _, seg := range segs {
		if seg.variable != "" && !slices.Contains(c.variables, seg.variable) {
			c.variables = append(c.variables, seg.variable)
		}
	}
	if len(segs) > 1 || segs[0].variable != "" {
		if w, ok := doubleQuoted(segs); ok {
			return w
		}
	}
	var b strings.Builder
	for _, seg := range segs {
		if seg.variable != "" {
			b.WriteString(`"` + shellVariable(seg.variable) + `"`)
		} else {
			b.WriteString(quoteLiteral(seg.text))
		}
	}
	return b.String()
}

// shellVariable is how the shell expands a variable: shell syntax, which
// need not match the placeholder's.
func shellVariable(name string) string { return "$" + name }

// doubleQuoted writes the segments as one double-quoted word, the way
// Auth0's docs write "mfa_token=$MFA_TOKEN", when no literal part holds a
// character special inside double quotes (! is history expansion in an
// interactive shell).
func doubleQuoted(segs []segment) (string, bool) {
	var b strings.Builder
	b.WriteByte('"')
	for _, seg := range segs {
		if seg.variable != "" {
			b.WriteString(shellVariable(seg.variable))
			continue
		}
		if strings.ContainsAny(seg.text, "\"\\$`!") || needsANSIC(seg.text) {
			return "", false
		}
		b.WriteString(seg.text)
	}
	b.WriteByte('"')
	return b.String(), true
}

// quoteLiteral quotes text so the shell passes it unchanged: in single
// quotes, or, when it holds characters a terminal would act on or a line
// break, in ANSI-C quotes ($'…') with those characters escaped, so the
// command stays one option per line and inert on screen.
func quoteLiteral(s string) string {
	if needsANSIC(s) {
		return ansiC(s)
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func needsANSIC(s string) bool {
	if isPlain(s) {
		return false
	}
	for _, r := range s {
		if r == utf8.RuneError || needsEscape(r) { // RuneError: maybe an invalid byte
			return true
		}
	}
	return false
}

func ansiC(s string) string { return "$'" + escape(s, true) + "'" }
