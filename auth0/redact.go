package auth0

import (
	"bytes"
	"encoding/json"
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
	"client_secret":    "AUTH0_CLIENT_SECRET", // as the README exports it
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
	// An enrollment ticket lets whoever holds it enroll a factor for the
	// user; a CIBA request id is polled for the user's tokens.
	"ticket_id":   "TICKET_ID",
	"ticket_url":  "TICKET_URL",
	"auth_req_id": "AUTH_REQ_ID",
}

// SecretVariable returns the shell variable that stands for a secret field in
// the trace ("MFA_TOKEN" for "mfa_token"), and false for fields that are not
// secret. Names match without regard to case, as Go's JSON decoder matches
// keys: "Access_Token" is read as access_token, so it is secret too.
func SecretVariable(field string) (string, bool) { return secretVariableOf(field) }

func secretVariableOf(field string) (string, bool) {
	if v, ok := secretFields[field]; ok {
		return v, true
	}
	for name, v := range secretFields {
		if strings.EqualFold(name, field) {
			return v, true
		}
	}
	return "", false
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
	mu       sync.Mutex
	values   map[string]string // value -> variable
	sorted   []string          // values, longest first
	watchers []func(variable, value string)
}

func (r *secretRegistry) remember(variable, value string) {
	if value == "" {
		return
	}
	r.mu.Lock()
	if r.values == nil {
		r.values = make(map[string]string)
	}
	if _, ok := r.values[value]; ok {
		r.mu.Unlock()
		return
	}
	r.values[value] = variable
	r.sorted = append(r.sorted, value)
	sort.SliceStable(r.sorted, func(i, j int) bool { return len(r.sorted[i]) > len(r.sorted[j]) })
	watchers := r.watchers
	r.mu.Unlock()
	for _, w := range watchers {
		w(variable, value)
	}
}

// watch calls fn with every value remembered so far, then with each new one.
func (r *secretRegistry) watch(fn func(variable, value string)) {
	r.mu.Lock()
	known := make(map[string]string, len(r.values))
	for value, variable := range r.values {
		known[value] = variable
	}
	r.watchers = append(r.watchers[:len(r.watchers):len(r.watchers)], fn)
	r.mu.Unlock()
	for value, variable := range known {
		fn(variable, value)
	}
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

// redactBody replaces the values of secret fields in a body, by its
// structure (a form, or JSON read token by token, whatever its size, its
// validity and the case of its keys), remembering the values it replaces;
// then it scrubs remembered values from what is left.
func (r *secretRegistry) redactBody(contentType string, body []byte) []byte {
	if len(body) == 0 {
		return body
	}
	if isFormType(contentType) || looksLikeForm(body) {
		body = []byte(r.redactForm(string(body)))
	} else {
		body = r.redactJSONText(body)
	}
	return []byte(r.scrub(string(body)))
}

func isFormType(contentType string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(contentType)), "application/x-www-form-urlencoded")
}

// looksLikeForm spots a form sent without its content type
// ("access_token=…&token_type=bearer"): fields, and nothing of JSON or HTML.
func looksLikeForm(body []byte) bool {
	return bytes.IndexByte(body, '=') > 0 && !bytes.ContainsAny(body, "{\"<> \n")
}

// redactForm replaces the values of secret fields in a form (or a query),
// keeping every other field, and the order, as they came.
func (r *secretRegistry) redactForm(form string) string {
	pairs := strings.Split(form, "&")
	for i, pair := range pairs {
		key, value, found := strings.Cut(pair, "=")
		if !found {
			continue
		}
		if variable, ok := secretVariableOf(formUnescape(key)); ok {
			r.remember(variable, formUnescape(value))
			pairs[i] = key + "=" + url.QueryEscape(Placeholder(variable))
		}
	}
	return strings.Join(pairs, "&")
}

// formUnescape decodes a form key or value; a malformed one is taken as is.
func formUnescape(s string) string {
	if decoded, err := url.QueryUnescape(s); err == nil {
		return decoded
	}
	return s
}

// redactURL replaces secret parameters in a URL's query and fragment
// (a Location of …#access_token=…).
func (r *secretRegistry) redactURL(s string) string {
	rest, fragment, hasFragment := strings.Cut(s, "#")
	path, query, hasQuery := strings.Cut(rest, "?")
	if hasQuery {
		rest = path + "?" + r.redactForm(query)
	}
	if hasFragment {
		return rest + "#" + r.redactForm(fragment)
	}
	return rest
}

// redactHeader returns a copy of h with credentials replaced.
func (r *secretRegistry) redactHeader(h http.Header) http.Header {
	out := make(http.Header, len(h))
	for name, values := range h {
		redacted := make([]string, len(values))
		for i, v := range values {
			redacted[i] = r.redactHeaderValue(name, v)
		}
		out[name] = redacted
	}
	return out
}

func (r *secretRegistry) redactHeaderValue(name, value string) string {
	switch http.CanonicalHeaderKey(name) {
	case "Authorization", "Proxy-Authorization":
		return r.redactAuthorization(value)
	case "Cookie", "Set-Cookie":
		return "[redacted]"
	case "Location", "Content-Location":
		return r.scrub(r.redactURL(value))
	}
	if variable, ok := headerSecretVariable(name); ok {
		r.remember(variable, value)
		return Placeholder(variable)
	}
	return r.scrub(value)
}

// headerSecretVariable names the variable of a header named after a secret
// field, however it is spelled: X-Access-Token, Refresh_Token, X-MFA-Token.
func headerSecretVariable(name string) (string, bool) {
	field := strings.ReplaceAll(strings.ToLower(name), "-", "_")
	return secretVariableOf(strings.TrimPrefix(field, "x_"))
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
