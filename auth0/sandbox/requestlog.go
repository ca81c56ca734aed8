package sandbox

import (
	"context"
	"net/http"
)

type recordKey struct{}

func withRecord(r *http.Request, rec *RequestRecord) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), recordKey{}, rec))
}

// noteFields records the names of a request's body fields for the log.
func noteFields(r *http.Request, names []string) {
	if rec, ok := r.Context().Value(recordKey{}).(*RequestRecord); ok {
		rec.Fields = append(rec.Fields, names...)
	}
}

// recorder remembers the status written. Unwrap lets
// http.ResponseController reach the connection (for the reset fault).
type recorder struct {
	http.ResponseWriter
	status   int
	hijacked bool
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
