package trace

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mfapush/mfapush/auth0"
)

// Curl is the curl command that replays the exchange, in the style of
// Auth0's docs and of the README's walk-through: --request, --url, --header,
// --data (form fields with --data-urlencode each, so any value is encoded
// right), one option per line joined with " \\\n  ", and --silent
// --show-error so that only the answer, or curl's error, shows.
//
// It names the tenant, the application and each secret the way the README's
// exports do: "$AUTH0_DOMAIN/oauth/token", "client_id=$AUTH0_CLIENT_ID",
// "client_secret=$AUTH0_CLIENT_SECRET", "Bearer $ACCESS_TOKEN". A variable
// stands only where the client put a placeholder, found by the request's
// structure (a secret field's value, the Authorization credentials); text
// anywhere else, such as an authenticator id from the server, is quoted so
// that the shell passes it through unchanged, whatever it contains (quotes,
// $, backslashes, backticks, newlines). A revealed exchange names nothing:
// its real values are quoted the same safe way.
//
// A JSON body is indented, one field a line, so that no line of the command
// is long enough to wrap inside a quoted string when shown, and a copy by
// mouse (margin included) is still the same JSON. A variable inside it is
// expanded as is, so its value must need no JSON escaping; Auth0's tokens
// and codes never do. A body with a NUL byte cannot be passed on a command
// line; the client never sends one.
func Curl(ex auth0.Exchange) string {
	return strings.Join(build(ex).options, " \\\n  ")
}

// Variables lists the shell variables a Curl command needs, in order of
// first use.
func Variables(ex auth0.Exchange) []string {
	return build(ex).variables
}

// The variables of the README's exports (and of "mfapush sandbox").
const (
	domainVariable   = "AUTH0_DOMAIN"
	clientIDVariable = "AUTH0_CLIENT_ID"
)

// command is a curl command being built.
type command struct {
	expand    bool // placeholders become shell variables (not for revealed exchanges)
	options   []string
	variables []string
}

var plainMethod = regexp.MustCompile(`^[A-Z]+$`)

func build(ex auth0.Exchange) *command {
	c := &command{expand: !ex.Revealed}
	c.add("curl --silent --show-error")
	origin, path := splitOrigin(ex.URL)
	if c.expand && origin != "" && strings.HasPrefix(origin, "https://") {
		// $AUTH0_DOMAIN may be a bare host, as the README sets it for a
		// tenant: without this, curl would guess http:// and send the
		// secrets in the clear.
		c.add("--proto-default https")
	}
	method := ex.Method
	if !plainMethod.MatchString(method) {
		method = c.word(text(method))
	}
	if ex.Method == http.MethodHead {
		c.add("--head") // --request HEAD would wait for a body that never comes
	} else {
		c.add("--request " + method)
	}
	if strings.ContainsAny(ex.URL, "[]{}") {
		c.add("--globoff") // else curl reads brackets and braces as a URL pattern
	}
	if c.expand && origin != "" {
		c.add("--url " + c.word(variable(domainVariable), text(path)))
	} else {
		c.add("--url " + c.word(text(ex.URL)))
	}
	names := make([]string, 0, len(ex.RequestHeader))
	for name := range ex.RequestHeader {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range ex.RequestHeader[name] {
			if v == "" {
				c.add("--header " + c.word(text(name+";"))) // "Name:" would remove the header
				continue
			}
			c.add("--header " + c.word(c.header(name, v)...))
		}
	}
	c.addBody(ex.RequestHeader.Get("Content-Type"), string(ex.RequestBody))
	return c
}

// splitOrigin cuts a URL into its origin ("https://host") and the rest;
// origin is "" when the URL has none.
func splitOrigin(raw string) (origin, rest string) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" || u.User != nil {
		return "", raw
	}
	origin = u.Scheme + "://" + u.Host
	if !strings.HasPrefix(raw, origin) {
		return "", raw
	}
	return origin, raw[len(origin):]
}

func (c *command) add(option string) { c.options = append(c.options, option) }

// header is a header line; its credentials are a variable when the client
// put a placeholder there.
func (c *command) header(name, value string) []segment {
	if c.expand && strings.EqualFold(name, "Authorization") {
		if scheme, credentials, ok := strings.Cut(value, " "); ok {
			if v, ok := placeholderVariable(credentials); ok {
				return []segment{text(name + ": " + scheme + " "), variable(v)}
			}
		}
	}
	return []segment{text(name + ": " + value)}
}

func (c *command) addBody(contentType, body string) {
	if body == "" {
		return
	}
	if isForm(contentType) {
		if fields, ok := formFields(body); ok {
			for _, f := range fields {
				if f.key == "" {
					// curl would send "=value" as a bare value: pass it encoded.
					c.add("--data-raw " + c.word(text("="+url.QueryEscape(f.value))))
					continue
				}
				// curl encodes the value only: the name goes encoded already.
				name := text(url.QueryEscape(f.key) + "=")
				if v, ok := c.fieldVariable(f.key, f.value); ok {
					c.add("--data-urlencode " + c.word(name, variable(v)))
				} else {
					c.add("--data-urlencode " + c.word(text(url.QueryEscape(f.key)+"="+f.value)))
				}
			}
			return
		}
	}
	if body[0] == '{' || body[0] == '[' {
		c.add("--data " + c.jsonWord(body))
		return
	}
	c.add("--data-raw " + c.word(text(body))) // --data would read a file for a leading @
}

// fieldVariable is the variable a field's value stands for: a secret field
// holding its own placeholder, or the client ID.
func (c *command) fieldVariable(key, value string) (string, bool) {
	if !c.expand {
		return "", false
	}
	if key == "client_id" {
		return clientIDVariable, true
	}
	if v, ok := auth0.SecretVariable(key); ok && value == auth0.Placeholder(v) {
		return v, true
	}
	return "", false
}

// placeholderVariable tells whether s is exactly a placeholder.
func placeholderVariable(s string) (string, bool) {
	for _, v := range auth0.SecretVariables() {
		if s == auth0.Placeholder(v) {
			return v, true
		}
	}
	return "", false
}

// segment is a piece of a shell word: literal text, or a variable.
type segment struct {
	text     string
	variable string
	lines    bool // the text's line breaks may stay as they are (JSON's white space)
}

func text(s string) segment     { return segment{text: s} }
func variable(v string) segment { return segment{variable: v} }

// jsonWord is a JSON body as one word, indented, with the variables its
// structure holds; a body that is not JSON goes as it is.
func (c *command) jsonWord(body string) string {
	var indented bytes.Buffer
	if json.Indent(&indented, []byte(body), "  ", "  ") != nil {
		return c.word(text(body))
	}
	segs := c.jsonSegments(indented.String())
	for i := range segs {
		segs[i].lines = true
	}
	return c.word(segs...)
}

// jsonSegments cuts a JSON document at each string value that a variable
// stands for (see fieldVariable), found by walking its structure, so that
// no other text becomes a variable.
func (c *command) jsonSegments(doc string) []segment {
	dec := json.NewDecoder(strings.NewReader(doc))
	type level struct {
		object   bool
		key      string
		keyIsDue bool
	}
	var (
		stack []level
		segs  []segment
		done  int // bytes of doc already in segs
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		var top *level
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				key := ""
				if top != nil {
					key = top.key
				}
				if top != nil && top.object {
					top.keyIsDue = true
				}
				stack = append(stack, level{object: t == '{', key: key, keyIsDue: t == '{'})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		case string:
			if top != nil && top.object && top.keyIsDue {
				top.key, top.keyIsDue = t, false
				continue
			}
			if top != nil {
				if v, ok := c.fieldVariable(top.key, t); ok {
					end := int(dec.InputOffset())
					literal := `"` + t + `"`
					if start := end - len(literal); start >= done && doc[start:end] == literal {
						segs = append(segs, text(doc[done:start+1]), variable(v))
						done = end - 1
					}
				}
			}
		}
		if top != nil && top.object {
			top.keyIsDue = true
		}
	}
	return append(segs, text(doc[done:]))
}

// word quotes segments as one shell word: literal text passes through
// unchanged, variables expand.
func (c *command) word(segs ...segment) string {
	segs = slices.DeleteFunc(segs, func(s segment) bool { return s.variable == "" && s.text == "" })
	if len(segs) == 0 {
		segs = []segment{text("")}
	}
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
			b.WriteString(quoteLiteral(seg.text, seg.lines))
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
// command stays one option per line and inert on screen. With lines, line
// breaks alone stay in single quotes, as they are.
func quoteLiteral(s string, lines bool) string {
	if lines && !needsANSIC(strings.ReplaceAll(s, "\n", "")) {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
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
