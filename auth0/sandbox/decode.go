package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
)

// maxBodyBytes bounds every request body.
const maxBodyBytes = 1 << 20

// params are a request's body fields: a string, a list of strings (a JSON
// array or a repeated form field), or badType for any other JSON value.
type params map[string]any

type badType struct{}

var errSlowBody = newError(http.StatusRequestTimeout, "request_timeout",
	"The request body came too slowly: the sandbox waits "+readTimeout.String()+" at most for a whole request")

// readBody reads the whole body through the 1 MiB limit.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, *apiError) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, invalidRequest("The request body is over 1 MiB")
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, errSlowBody
		}
		return nil, invalidRequest("The request body could not be read")
	}
	return b, nil
}

// readParams reads a form or JSON body (JSON only when !allowForm) and
// notes the field names in the request log.
func readParams(w http.ResponseWriter, r *http.Request, allowForm bool) (params, *apiError) {
	body, e := readBody(w, r)
	if e != nil {
		return nil, e
	}
	p, e := parseParams(r.Header.Get("Content-Type"), body, allowForm)
	if e == nil {
		noteFields(r, p.names())
	}
	return p, e
}

// parseParams decodes a body by its Content-Type. An absent Content-Type
// means form where forms are allowed, else JSON.
func parseParams(contentType string, body []byte, allowForm bool) (params, *apiError) {
	mediaType := ""
	if contentType != "" {
		var err error
		if mediaType, _, err = mime.ParseMediaType(contentType); err != nil {
			return nil, invalidRequest("The Content-Type header is malformed")
		}
	}
	switch {
	case mediaType == "application/json" || (mediaType == "" && !allowForm):
		return parseJSONParams(body)
	case allowForm && (mediaType == "application/x-www-form-urlencoded" || mediaType == ""):
		return parseFormParams(body)
	case allowForm:
		return nil, invalidRequest("Content-Type must be application/x-www-form-urlencoded or application/json")
	default:
		return nil, invalidRequest("Content-Type must be application/json")
	}
}

func parseJSONParams(body []byte) (params, *apiError) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, invalidRequest("The body must be a JSON object")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil || raw == nil {
		return nil, invalidRequest("The body must be a JSON object")
	}
	p := params{}
	for k, v := range raw {
		var s string
		var list []string
		switch {
		case bytes.Equal(bytes.TrimSpace(v), []byte("null")):
			// null is absent
		case json.Unmarshal(v, &s) == nil:
			p[k] = s
		case json.Unmarshal(v, &list) == nil:
			p[k] = list
		default:
			p[k] = badType{}
		}
	}
	return p, nil
}

func parseFormParams(body []byte) (params, *apiError) {
	values, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, invalidRequest("The form body is not URL-encoded")
	}
	p := params{}
	for k, vs := range values {
		if len(vs) == 1 {
			p[k] = vs[0]
		} else {
			p[k] = vs
		}
	}
	return p, nil
}

// str is a string field; "" when absent.
func (p params) str(name string) (string, *apiError) {
	switch v := p[name].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	default:
		return "", invalidRequest("Parameter " + name + " must be a single string")
	}
}

// required is a string field that must be present and not empty.
func (p params) required(name string) (string, *apiError) {
	s, e := p.str(name)
	if e == nil && s == "" {
		e = missingParam(name)
	}
	return s, e
}

// list is an array of strings; a bare string counts as a list of one, as
// Auth0's older samples send ("oob_channels":"sms").
func (p params) list(name string) ([]string, *apiError) {
	switch v := p[name].(type) {
	case nil:
		return nil, nil
	case string:
		if v == "" {
			return nil, nil
		}
		return []string{v}, nil
	case []string:
		return v, nil
	default:
		return nil, invalidRequest("Parameter " + name + " must be an array of strings")
	}
}

func (p params) names() []string {
	names := make([]string, 0, len(p))
	for k := range p {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// bearer is the token of an "Authorization: Bearer …" header.
func bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
