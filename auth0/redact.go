package auth0

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
)

// secretFields maps each secret field of Auth0's requests and answers to the
// shell variable that stands for it in the trace, so a redacted request
// reads as the curl command that replays it ($MFA_TOKEN, $OOB_CODE…).
var secretFields = map[string]string{
	"client_secret":    "CLIENT_SECRET",
	"client_assertion": "CLIENT_ASSERTION",
	"password":         "PASSWORD",
	"mfa_token":        "MFA_TOKEN",
	"oob_code":         "OOB_CODE",
	"binding_code":     "BINDING_CODE",
	"otp":              "OTP",
	"recovery_code":    "RECOVERY_CODE",
	"recovery_codes":   "RECOVERY_CODE",
	"access_token":     "ACCESS_TOKEN",
	"id_token":         "ID_TOKEN",
	"refresh_token":    "REFRESH_TOKEN",
	"barcode_uri":      "BARCODE_URI",
	"secret":           "OTP_SECRET",
}

// SecretVariable returns the shell variable that stands for a secret field in
// the trace ("MFA_TOKEN" for "mfa_token"), and false for fields that are not
// secret.
func SecretVariable(field string) (string, bool) {
	v, ok := secretFields[field]
	return v, ok
}

// clientCredentialsVariable stands for the base64 client_id:client_secret
// of an HTTP Basic Authorization header.
const clientCredentialsVariable = "CLIENT_CREDENTIALS"

// SecretVariables lists, sorted, every variable whose placeholder can stand
// in an exchange, so the trace can recognise placeholders without a second
// copy of the field table.
func SecretVariables() []string {
	seen := map[string]bool{clientCredentialsVariable: true}
	for _, v := range secretFields {
		seen[v] = true
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// Placeholder is the text that replaces a secret value of the named variable.
func Placeholder(variable string) string { return "$" + variable }

// minNetLength is the shortest secret value replaced wherever it appears.
// Shorter ones (an OTP is 6 digits) are redacted by field only, so that a
// short value does not blank out unrelated text.
const minNetLength = 6

// secretRegistry remembers every secret value a client has sent or received,
// so that the value is replaced wherever else it turns up: in a header, a
// URL, an error description or a body that is not JSON.
type secretRegistry struct {
	mu     sync.Mutex
	values map[string]string // value -> variable
	sorted []string          // values, longest first
}

func (r *secretRegistry) remember(variable, value string) {
	if value == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.values == nil {
		r.values = make(map[string]string)
	}
	if _, ok := r.values[value]; ok {
		return
	}
	r.values[value] = variable
	r.sorted = append(r.sorted, value)
	sort.SliceStable(r.sorted, func(i, j int) bool { return len(r.sorted[i]) > len(r.sorted[j]) })
}

func (r *secretRegistry) variableOf(value string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.values[value]
	return v, ok
}

// scrub replaces every remembered secret value in s, in the encodings in
// which it can appear (plain, URL-encoded, JSON-escaped).
func (r *secretRegistry) scrub(s string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, value := range r.sorted {
		if len(value) < minNetLength {
			continue
		}
		placeholder := Placeholder(r.values[value])
		for _, form := range encodings(value) {
			if strings.Contains(s, form) {
				s = strings.ReplaceAll(s, form, placeholder)
			}
		}
	}
	return s
}

func encodings(value string) []string {
	forms := []string{value}
	if q := url.QueryEscape(value); q != value {
		forms = append(forms, q)
	}
	if p := url.PathEscape(value); p != value {
		forms = append(forms, p)
	}
	if j, err := json.Marshal(value); err == nil {
		if inner := string(j[1 : len(j)-1]); inner != value {
			forms = append(forms, inner)
		}
	}
	return forms
}

// redactBody replaces secret fields in a form or JSON body, remembering the
// values it replaces, then scrubs remembered values from what is left.
func (r *secretRegistry) redactBody(contentType string, body []byte) []byte {
	if len(body) == 0 {
		return body
	}
	switch {
	case strings.HasPrefix(contentType, "application/x-www-form-urlencoded"):
		if values, err := url.ParseQuery(string(body)); err == nil {
			for field, vs := range values {
				if variable, ok := secretFields[field]; ok {
					for i, v := range vs {
						r.remember(variable, v)
						vs[i] = Placeholder(variable)
					}
				}
			}
			body = []byte(values.Encode())
		}
	case strings.Contains(contentType, "json") || json.Valid(body):
		if redacted, ok := r.redactJSON(body); ok {
			body = redacted
		}
	}
	return []byte(r.scrub(string(body)))
}

// redactJSON rewrites a JSON document with secret fields replaced, keeping
// the order of keys so the trace shows the answer as it came.
func (r *secretRegistry) redactJSON(body []byte) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var out bytes.Buffer
	if err := r.copyJSONValue(dec, &out, ""); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	return out.Bytes(), true
}

// copyJSONValue copies one JSON value from dec to out; secretVariable is set
// when the value belongs to a secret field.
func (r *secretRegistry) copyJSONValue(dec *json.Decoder, out *bytes.Buffer, secretVariable string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			out.WriteByte('{')
			for first := true; dec.More(); first = false {
				keyTok, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := keyTok.(string)
				if !first {
					out.WriteByte(',')
				}
				writeJSONString(out, key)
				out.WriteByte(':')
				variable := secretFields[key]
				if err := r.copyJSONValue(dec, out, variable); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte('}')
		case '[':
			out.WriteByte('[')
			for first := true; dec.More(); first = false {
				if !first {
					out.WriteByte(',')
				}
				if err := r.copyJSONValue(dec, out, secretVariable); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte(']')
		}
	case string:
		if secretVariable != "" {
			r.remember(secretVariable, t)
			t = Placeholder(secretVariable)
		}
		writeJSONString(out, t)
	case json.Number:
		out.WriteString(t.String())
	case bool:
		if t {
			out.WriteString("true")
		} else {
			out.WriteString("false")
		}
	case nil:
		out.WriteString("null")
	}
	return nil
}

func writeJSONString(out *bytes.Buffer, s string) {
	enc, _ := json.Marshal(s)
	out.Write(enc)
}

// redactHeader returns a copy of h with credentials replaced.
func (r *secretRegistry) redactHeader(h http.Header) http.Header {
	out := h.Clone()
	for name, values := range out {
		for i, v := range values {
			switch http.CanonicalHeaderKey(name) {
			case "Authorization":
				values[i] = r.redactAuthorization(v)
			case "Cookie", "Set-Cookie":
				values[i] = "[redacted]"
			default:
				values[i] = r.scrub(v)
			}
		}
	}
	return out
}

func (r *secretRegistry) redactAuthorization(v string) string {
	scheme, credentials, found := strings.Cut(v, " ")
	if !found {
		return "[redacted]"
	}
	switch strings.ToLower(scheme) {
	case "bearer":
		variable, ok := r.variableOf(credentials)
		if !ok {
			variable = guessBearerVariable(credentials)
			r.remember(variable, credentials)
		}
		return scheme + " " + Placeholder(variable)
	case "basic":
		return scheme + " " + Placeholder(clientCredentialsVariable)
	default:
		return scheme + " [redacted]"
	}
}

// guessBearerVariable names a bearer token never seen in an answer (one the
// user pasted): access tokens are JWTs, mfa_tokens are opaque.
func guessBearerVariable(token string) string {
	if strings.Count(token, ".") == 2 {
		return "ACCESS_TOKEN"
	}
	return "MFA_TOKEN"
}
