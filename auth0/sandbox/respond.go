package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
)

const (
	contentJSON        = "application/json"
	contentJSONCharset = "application/json; charset=utf-8"
)

// apiError is an Authentication API error: {"error","error_description"}.
type apiError struct {
	status int
	code   string
	desc   string
	header http.Header // extra headers, e.g. rate limits
	body   func() []byte
}

func (e *apiError) Error() string { return e.code + ": " + e.desc }

func newError(status int, code, desc string) *apiError {
	e := &apiError{status: status, code: code, desc: desc}
	// Encoded once: the same errors (authorization_pending above all) are
	// answered to every poll.
	e.body = sync.OnceValue(func() []byte {
		b, _ := marshalJSON(map[string]string{"error": e.code, "error_description": e.desc})
		return b
	})
	return e
}

func invalidRequest(desc string) *apiError { return newError(400, "invalid_request", desc) }

func missingParam(name string) *apiError {
	return invalidRequest("Missing required parameter: " + name)
}

var (
	errUnauthorizedClient = newError(401, "access_denied", "Unauthorized")
	errMalformedMFAToken  = newError(403, "invalid_grant", "Malformed mfa_token")
	errExpiredMFAToken    = newError(403, "expired_token", "mfa_token is expired")
)

// marshalJSON encodes as Auth0 does: &, < and > as they are, where
// json.Marshal writes \u0026, \u003c and \u003e (in every barcode_uri).
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	b, err := marshalJSON(v)
	if err != nil {
		status, b = 500, []byte(`{"error":"server_error","error_description":"could not encode the answer"}`)
	}
	writeBody(w, status, contentType, b)
}

func writeBody(w http.ResponseWriter, status int, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

func writeError(w http.ResponseWriter, e *apiError) { writeErrorAs(w, e, contentJSON) }

// writeErrorAs writes an error with another Content-Type: /bc-authorize's
// carry a charset, as its recorded answers do.
func writeErrorAs(w http.ResponseWriter, e *apiError, contentType string) {
	for k, vs := range e.header {
		w.Header()[k] = vs
	}
	writeBody(w, e.status, contentType, e.body())
}

// guardianError is a Guardian endpoint error:
// {"statusCode","error","message","errorCode"}.
type guardianError struct {
	status  int
	code    string
	message string
}

func writeGuardianError(w http.ResponseWriter, e *guardianError) {
	writeJSON(w, e.status, contentJSON, statusBody(e.status, e.code, e.message))
}

// statusBody is the error body of Guardian and of the Management API:
// {statusCode, error (the status's text), message, errorCode}.
func statusBody(status int, code, message string) map[string]any {
	body := map[string]any{"statusCode": status, "error": http.StatusText(status), "message": message}
	if code != "" {
		body["errorCode"] = code
	}
	return body
}

func setHeaders(w http.ResponseWriter, h http.Header) {
	for k, vs := range h {
		w.Header()[k] = vs
	}
}
