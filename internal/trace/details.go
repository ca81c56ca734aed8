package trace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Bounds of a body in the detailed view: a scrollable view stays usable
// with a 64 KiB one-line HTML page.
const (
	maxBodyLines = 200
	maxLineRunes = 400
	tabWidth     = 4
)

// Details is the whole exchange as plain text for a scrollable view: what
// was left out of it, if anything (see CutNote), the request line, request headers (sorted, one per line), the body
// pretty-printed (JSON indented; a form body decoded into one "key: value"
// line per field, in request order), then the status line, response headers
// and pretty body. Every line is safe to print on a terminal: no control
// characters or escape sequences from the server survive. The few words
// that are not the exchange's come from c.
func Details(ex auth0.Exchange, c *i18n.Catalog) string {
	t := &c.Trace
	var b strings.Builder
	if note := CutNote(ex, c); note != "" {
		line(&b, note)
		b.WriteByte('\n')
	}
	line(&b, ex.Method+" "+ex.URL)
	writeHeaders(&b, ex.RequestHeader)
	b.WriteByte('\n')
	writeBody(&b, c, ex.RequestHeader, ex.RequestBody, false)
	b.WriteByte('\n')
	if ex.StatusCode == 0 {
		failure := ex.Failure
		if failure == "" {
			failure = t.NoReason
		}
		line(&b, fmt.Sprintf(t.NoAnswerIn, roundDuration(ex.Duration), failure))
		return b.String()
	}
	line(&b, fmt.Sprintf(t.StatusIn, statusText(ex.StatusCode), roundDuration(ex.Duration)))
	if ex.Failure != "" {
		line(&b, fmt.Sprintf(t.ReadFailed, ex.Failure))
	}
	writeHeaders(&b, ex.ResponseHeader)
	b.WriteByte('\n')
	writeBody(&b, c, ex.ResponseHeader, ex.ResponseBody, ex.BodyTruncated)
	return b.String()
}

// line writes s as one inert, bounded line.
func line(b *strings.Builder, s string) {
	b.WriteString(clip(inert(s), maxLineRunes))
	b.WriteByte('\n')
}

func writeHeaders(b *strings.Builder, h http.Header) {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range h[name] {
			line(b, name+": "+v)
		}
	}
}

func writeBody(b *strings.Builder, c *i18n.Catalog, h http.Header, body []byte, truncated bool) {
	if len(body) == 0 {
		line(b, c.Trace.NoBody)
		return
	}
	contentType := h.Get("Content-Type")
	var lines []string
	switch {
	case isForm(contentType):
		if fields, ok := formFields(string(body)); ok {
			for _, f := range fields {
				lines = append(lines, f.key+": "+f.value)
			}
			break
		}
		lines = textLines(body)
	case looksBinary(body, truncated):
		lines = []string{fmt.Sprintf(c.Plural(len(body), c.Trace.BinaryOne, c.Trace.Binary), len(body))}
	default:
		var pretty bytes.Buffer
		if json.Indent(&pretty, body, "", "  ") == nil {
			body = pretty.Bytes()
		}
		lines = textLines(body)
	}
	shown := min(len(lines), maxBodyLines)
	for _, l := range lines[:shown] {
		line(b, l)
	}
	if more := len(lines) - shown; more > 0 {
		line(b, fmt.Sprintf(c.Plural(more, c.Trace.MoreLineOne, c.Trace.MoreLines), more))
	}
	if truncated {
		line(b, c.Trace.Cut)
	}
}

func isForm(contentType string) bool {
	return strings.HasPrefix(strings.ToLower(contentType), "application/x-www-form-urlencoded")
}

// textLines splits a body into lines, dropping the CR of CRLF endings and
// expanding tabs, which a fixed-width view cannot place.
func textLines(body []byte) []string {
	text := strings.ReplaceAll(string(body), "\t", strings.Repeat(" ", tabWidth))
	text = strings.TrimRight(text, "\r\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// looksBinary reports a body that is not text. A truncated body may end in
// the middle of a character, which does not count.
func looksBinary(body []byte, truncated bool) bool {
	if bytes.IndexByte(body, 0) >= 0 {
		return true
	}
	if truncated {
		for i := 0; i < utf8.UTFMax && len(body) > 0 && !utf8.Valid(body); i++ {
			body = body[:len(body)-1]
		}
	}
	return !utf8.Valid(body)
}

// field is one key and value of a form body.
type field struct{ key, value string }

// formFields decodes a form body in its own order (url.ParseQuery would
// lose it); ok is false when the body is not a well-formed form.
func formFields(body string) (fields []field, ok bool) {
	if body == "" {
		return nil, true
	}
	for pair := range strings.SplitSeq(body, "&") {
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return nil, false
		}
		value, err := url.QueryUnescape(v)
		if err != nil {
			return nil, false
		}
		fields = append(fields, field{key, value})
	}
	return fields, true
}
