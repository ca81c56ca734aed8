package sandbox

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// Bob's demo device is enrolled through inProcess: it must answer what
// the server answers over a socket, status, headers and body.
func TestInProcessAnswersAsTheServer(t *testing.T) {
	s := startSandbox(t, Options{})
	requests := []struct{ method, path, contentType, body string }{
		{"GET", "/.well-known/openid-configuration", "", ""},
		{"GET", "/no/such/path", "", ""},
		{"DELETE", "/oauth/token", "", ""},
		{"POST", "/oauth/token", "application/x-www-form-urlencoded", "grant_type=password&username=bob%40example.com&password=wrong&client_id=x"},
		{"POST", "/appliance-mfa/api/enroll", "application/json", `{"identifier":"x"}`},
		{"GET", "/appliance-mfa/nothing", "", ""},
	}
	type answer struct {
		status             int
		contentType, allow string
		length, body       string
	}
	send := func(c *http.Client, method, path, contentType, body string) answer {
		t.Helper()
		req, err := http.NewRequest(method, s.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return answer{res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Allow"), res.Header.Get("Content-Length"), string(b)}
	}
	for _, r := range requests {
		over := send(s.client, r.method, r.path, r.contentType, r.body)
		in := send(inProcess(s.Tenant), r.method, r.path, r.contentType, r.body)
		if in != over {
			t.Errorf("%s %s:\nin process %+v\nover HTTP  %+v", r.method, r.path, in, over)
		}
	}
}
