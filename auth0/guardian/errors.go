package guardian

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Error is an error answer of a Guardian endpoint:
// {"statusCode":404,"error":"Not Found","message":"…","errorCode":"…"}.
type Error struct {
	StatusCode int    // the HTTP status
	Err        string // "error": the status text
	Message    string // "message" (or "description")
	ErrorCode  string // "errorCode", e.g. enrollment_transaction_not_found
}

func (e *Error) Error() string {
	code := e.ErrorCode
	if code == "" {
		code = http.StatusText(e.StatusCode)
	}
	if e.Message == "" {
		return fmt.Sprintf("guardian: %d %s", e.StatusCode, code)
	}
	return fmt.Sprintf("guardian: %d %s: %s", e.StatusCode, code, e.Message)
}

// parseError reads an error body. Bodies that are not Guardian JSON still
// give an *Error with the status, so callers need only one type.
func parseError(status int, body []byte) *Error {
	var b struct {
		Error       string `json:"error"`
		Message     string `json:"message"`
		Description string `json:"description"`
		ErrorCode   string `json:"errorCode"`
	}
	e := &Error{StatusCode: status}
	if json.Unmarshal(body, &b) != nil {
		e.Message = "the answer is not a Guardian error body"
		return e
	}
	e.Err, e.ErrorCode, e.Message = b.Error, b.ErrorCode, b.Message
	if e.Message == "" {
		e.Message = b.Description
	}
	return e
}
