package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fault makes the next Count requests to Path fail in the way Kind says.
type Fault struct {
	Path  string `json:"path"`
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// FaultKinds are the kinds a fault can have:
//   - 429, 500, 502, 503: that status with a JSON error body (429 with the
//     rate-limit headers and Retry-After);
//   - hang: no answer until the client gives up or the sandbox closes;
//   - reset: the connection is closed with a TCP reset, no answer;
//   - html: 200 with an HTML page, as a captive portal or proxy sends;
//   - invalid_json: 200, application/json, a body cut short;
//   - huge: 200, application/json, a valid body over 1 MiB;
//   - slow: the real answer, after Options.SlowFaultDelay (3 s).
var FaultKinds = []string{"429", "500", "502", "503", "hang", "reset", "html", "invalid_json", "huge", "slow"}

// How much the fault queue keeps: faults for paths never requested stay
// until cleared.
const (
	maxFaults    = 100 // entries waiting, all paths together
	maxFaultPath = 256 // bytes of a path
)

// faultQueue holds pending faults by exact path, in the order added.
type faultQueue struct {
	mu      sync.Mutex
	m       map[string][]*Fault
	waiting int // entries in m, all paths together
}

func newFaultQueue() *faultQueue { return &faultQueue{m: map[string][]*Fault{}} }

var errTooManyFaults = newError(http.StatusConflict, "too_many_faults",
	strconv.Itoa(maxFaults)+" faults are waiting already, the most the sandbox keeps: clear them with DELETE /sandbox/faults")

func (q *faultQueue) add(f Fault) *apiError {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.waiting >= maxFaults {
		return errTooManyFaults
	}
	q.waiting++
	q.m[f.Path] = append(q.m[f.Path], &f)
	return nil
}

func (q *faultQueue) next(path string) (Fault, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	list := q.m[path]
	if len(list) == 0 {
		return Fault{}, false
	}
	f := *list[0]
	if list[0].Count--; list[0].Count <= 0 {
		list = list[1:]
		q.waiting--
	}
	if len(list) == 0 {
		delete(q.m, path)
	} else {
		q.m[path] = list
	}
	return f, true
}

func (q *faultQueue) clear() {
	q.mu.Lock()
	defer q.mu.Unlock()
	clear(q.m)
	q.waiting = 0
}

// AddFault queues a fault, as POST /sandbox/faults does.
func (t *Tenant) AddFault(f Fault) error {
	if e := checkFault(&f); e != nil {
		return e
	}
	if e := t.faults.add(f); e != nil {
		return e
	}
	return nil
}

// Hanging counts the requests a hang fault holds now: a test sees that a
// request is in flight, and that it ends when its client gives up.
func (t *Tenant) Hanging() int { return int(t.hanging.Load()) }

// ClearFaults drops every pending fault.
func (t *Tenant) ClearFaults() { t.faults.clear() }

func checkFault(f *Fault) *apiError {
	switch {
	case !strings.HasPrefix(f.Path, "/"):
		return invalidRequest("path must be a request path such as /oauth/token")
	case len(f.Path) > maxFaultPath:
		return invalidRequest("path must be at most " + strconv.Itoa(maxFaultPath) + " characters")
	case f.Path == "/sandbox/faults":
		return invalidRequest("/sandbox/faults cannot be faulted: it is how faults are cleared")
	case !slices.Contains(FaultKinds, f.Kind):
		return invalidRequest("kind must be one of " + strings.Join(FaultKinds, ", "))
	case f.Count == 0:
		f.Count = 1
	case f.Count < 0 || f.Count > 1000:
		return invalidRequest("count must be from 1 to 1000")
	}
	return nil
}

func decodeFault(body []byte) (Fault, *apiError) {
	var f Fault
	if err := json.Unmarshal(body, &f); err != nil {
		return f, invalidRequest(`The body must be {"path": "/oauth/token", "kind": "500", "count": 1}`)
	}
	return f, checkFault(&f)
}

func (t *Tenant) handleAddFault(w http.ResponseWriter, r *http.Request) {
	body, e := readControlBody(w, r)
	if e == nil {
		var f Fault
		if f, e = decodeFault(body); e == nil {
			noteFields(r, []string{"count", "kind", "path"})
			e = t.faults.add(f)
		}
	}
	if e != nil {
		writeError(w, e)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (t *Tenant) handleClearFaults(w http.ResponseWriter, r *http.Request) {
	t.faults.clear()
	w.WriteHeader(http.StatusNoContent)
}

const faultDesc = "The sandbox was told to fail this request (fault "

func (t *Tenant) serveFault(w *recorder, r *http.Request, f Fault) {
	now := t.now()
	// An error fault answers in the shape of the path's API: the
	// Management API's {statusCode, error, message, errorCode} under
	// /api/v2/, the Authentication API's everywhere else.
	fail := func(e *apiError) {
		if strings.HasPrefix(r.URL.Path, "/api/v2/") {
			writeMgmtError(w, &mgmtError{status: e.status, code: e.code, message: e.desc, header: e.header})
			return
		}
		writeError(w, e)
	}
	switch f.Kind {
	case "429":
		e := newError(http.StatusTooManyRequests, "too_many_requests", faultDesc+"429)")
		e.header = rate{limit: 10, remaining: 0, reset: now.Add(time.Second)}.headers(now, true)
		fail(e)
	case "500":
		fail(newError(http.StatusInternalServerError, "server_error", faultDesc+"500)"))
	case "502":
		fail(newError(http.StatusBadGateway, "bad_gateway", faultDesc+"502)"))
	case "503":
		fail(newError(http.StatusServiceUnavailable, "temporarily_unavailable", faultDesc+"503)"))
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head>\n<body><h1>Service unavailable</h1><p>" + faultDesc + "html).</p></body></html>\n"))
	case "invalid_json":
		w.Header().Set("Content-Type", contentJSON)
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`{"access_token":"eyJhbGciOiJSUzI1NiIs`))
	case "huge":
		writeHuge(w)
	case "slow":
		keepBody(r)
		timer := time.NewTimer(t.opts.SlowFaultDelay)
		defer timer.Stop()
		select {
		case <-timer.C:
			t.mux.ServeHTTP(w, r)
		case <-r.Context().Done():
		case <-t.done:
			abort(w)
		}
	case "hang":
		keepBody(r)
		t.hanging.Add(1)
		defer t.hanging.Add(-1)
		select {
		case <-r.Context().Done():
		case <-t.done:
		}
		abort(w)
	case "reset":
		abort(w)
	}
}

// keepBody reads the request body into memory before a fault waits: the
// server notices a client that gives up only once the body has been read,
// and a waiting handler it never told would hold its goroutine and
// connection until the sandbox closes. The handler after a slow answer
// reads the body from memory.
func keepBody(r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	r.Body = io.NopCloser(bytes.NewReader(body))
}

// writeHuge sends a valid JSON body of 1 MiB and 64 KiB.
func writeHuge(w http.ResponseWriter) {
	w.Header().Set("Content-Type", contentJSON)
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(`{"error":"server_error","error_description":"`))
	chunk := []byte(strings.Repeat("x", 64<<10))
	for range 17 {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
	w.Write([]byte(`"}`))
}

// abort closes the connection without an answer: a TCP reset where the
// connection can be taken over, else the server's own abort.
func abort(w *recorder) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	w.hijacked = true
	raw := conn
	if nc, ok := conn.(interface{ NetConn() net.Conn }); ok {
		raw = nc.NetConn() // under TLS, reset the TCP connection itself
	}
	if tcp, ok := raw.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	raw.Close()
}
