package trace_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
)

// en is the catalog the trace's own words come from in these tests.
var en, fr = i18n.For(i18n.English), i18n.For(i18n.French)

// needShell skips a test that runs commands when bash or curl is missing.
func needShell(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"bash", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

// shellEnv is the environment commands run in: the given variables, PATH,
// and no proxy settings or curl config files that could change a request.
func shellEnv(t *testing.T, vars map[string]string) []string {
	home := t.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "CURL_HOME=" + home, "XDG_CONFIG_HOME=" + home}
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	return env
}

// checkSyntax has bash parse a command without running it.
func checkSyntax(t *testing.T, command string) {
	t.Helper()
	if out, err := exec.Command("bash", "-n", "-c", command).CombinedOutput(); err != nil {
		t.Fatalf("bash -n rejects the command: %v\n%s\n%s", err, out, command)
	}
}

// runCurl runs a Curl command with bash, the options after it, and the
// variables exported; it returns what curl printed.
func runCurl(t *testing.T, command string, vars map[string]string, options ...string) string {
	t.Helper()
	script := command + " \\\n  " + strings.Join(options, " ")
	cmd := exec.Command("bash", "-c", script)
	cmd.Env = shellEnv(t, vars)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s\n%s", err, stderr.String(), script)
	}
	return string(out)
}

// received is a request as the echo server saw it.
type received struct {
	method, uri string
	header      http.Header
	body        []byte
}

// echoServer records each request and answers 204.
func echoServer(t *testing.T) (url string, last func() received) {
	var mu sync.Mutex
	var got []received
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, received{r.Method, r.RequestURI, r.Header, body})
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() received {
		mu.Lock()
		defer mu.Unlock()
		if len(got) == 0 {
			t.Fatal("the echo server got no request")
		}
		return got[len(got)-1]
	}
}
