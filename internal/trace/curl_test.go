package trace_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/trace"
)

// A value with everything the shell could act on.
const nasty = "it's \"quoted\" $HOME ${PATH} `date` $(id) \\back\\slash  two  spaces ! %26 & = + ; | * ? ~ # 日本"

func TestCurlStyle(t *testing.T) {
	form := url.Values{}
	form.Set("grant_type", auth0.GrantMFAOOB)
	form.Set("client_id", "sandbox-client")
	form.Set("client_secret", auth0.Placeholder("AUTH0_CLIENT_SECRET"))
	form.Set("mfa_token", auth0.Placeholder("MFA_TOKEN"))
	form.Set("oob_code", auth0.Placeholder("OOB_CODE"))
	ex := auth0.Exchange{
		Method: "POST", URL: "http://127.0.0.1:8484/oauth/token",
		RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "Accept": {"application/json"}},
		RequestBody:   []byte(form.Encode()),
	}
	// The variables are the README's: $AUTH0_DOMAIN, $AUTH0_CLIENT_ID…
	want := `curl --silent --show-error \
  --request POST \
  --url "$AUTH0_DOMAIN/oauth/token" \
  --header 'Accept: application/json' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode "client_id=$AUTH0_CLIENT_ID" \
  --data-urlencode "client_secret=$AUTH0_CLIENT_SECRET" \
  --data-urlencode 'grant_type=http://auth0.com/oauth/grant-type/mfa-oob' \
  --data-urlencode "mfa_token=$MFA_TOKEN" \
  --data-urlencode "oob_code=$OOB_CODE"`
	if got := trace.Curl(ex); got != want {
		t.Errorf("Curl =\n%s\nwant\n%s", got, want)
	}
	if got := trace.Variables(ex); !slices.Equal(got, []string{"AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET", "MFA_TOKEN", "OOB_CODE"}) {
		t.Errorf("Variables = %v", got)
	}

	// A tenant's $AUTH0_DOMAIN is a bare host in the README: curl must not
	// take it for http.
	list := auth0.Exchange{Method: "GET", URL: "https://acme.eu.auth0.com/mfa/authenticators", RequestHeader: http.Header{"Authorization": {"Bearer $ACCESS_TOKEN"}}}
	want = `curl --silent --show-error \
  --proto-default https \
  --request GET \
  --url "$AUTH0_DOMAIN/mfa/authenticators" \
  --header "Authorization: Bearer $ACCESS_TOKEN"`
	if got := trace.Curl(list); got != want {
		t.Errorf("Curl =\n%s\nwant\n%s", got, want)
	}

	// A JSON body goes one field a line, so no line wraps inside its quotes;
	// a variable stands only for a secret field's own placeholder.
	body := auth0.Exchange{Method: "POST", URL: "http://h/x", RequestHeader: http.Header{"Content-Type": {"application/json"}},
		RequestBody: []byte(`{"secret":"$OTP_SECRET","otp":"$OTP","oob_code":"$OTPX","a":"$OTP","b":["it's"]}`)}
	want = `curl --silent --show-error \
  --request POST \
  --url "$AUTH0_DOMAIN/x" \
  --header 'Content-Type: application/json' \
  --data '{
    "secret": "'"$OTP_SECRET"'",
    "otp": "'"$OTP"'",
    "oob_code": "$OTPX",
    "a": "$OTP",
    "b": [
      "it'\''s"
    ]
  }'`
	if got := trace.Curl(body); got != want {
		t.Errorf("Curl =\n%s\nwant\n%s", got, want)
	}
	if got := trace.Variables(body); !slices.Equal(got, []string{"AUTH0_DOMAIN", "OTP_SECRET", "OTP"}) {
		t.Errorf("Variables = %v", got)
	}

	// Revealed: the command is whole, no variable, and a "$MFA_TOKEN" that
	// is a real value stays text.
	ex.Revealed = true
	if got := trace.Variables(ex); len(got) != 0 {
		t.Errorf("Variables of a revealed exchange = %v", got)
	}
	if got := trace.Curl(ex); !strings.Contains(got, `--data-urlencode 'mfa_token=$MFA_TOKEN'`) || !strings.Contains(got, `--url 'http://127.0.0.1:8484/oauth/token'`) {
		t.Errorf("revealed Curl expands a variable:\n%s", got)
	}
}

func TestCurlPassesRevealedValuesThroughUnchanged(t *testing.T) {
	needShell(t)
	base, last := echoServer(t)
	withControls := nasty + "\nnew line\ttab\x1b[31m\u202e end\n"
	jsonBody := `{"mfa_token":"` + strings.ReplaceAll(nasty, `"`, `\"`) + `","n":1}`
	for _, ex := range []auth0.Exchange{
		{
			Method: "POST", URL: base + "/oauth/token",
			RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "User-Agent": {nasty}},
			// In an order that is not sorted, with a repeated key and an empty value.
			RequestBody: []byte("username=" + url.QueryEscape(nasty) + "&password=" + url.QueryEscape(withControls) +
				"&a+key=x&username=second&empty=&" + url.QueryEscape("k'$`\"") + "=v"),
		},
		{
			Method: "POST", URL: base + "/mfa/challenge",
			RequestHeader: http.Header{"Content-Type": {"application/json"}, "X-Empty": {""}, "X-Many": {"one", "two 'quoted'"}},
			RequestBody:   []byte(jsonBody),
		},
		{
			// Valid JSON, which the command indents; with a bidi control
			// that JSON leaves raw, and one without.
			Method: "POST", URL: base + "/mfa/challenge", RequestHeader: http.Header{"Content-Type": {"application/json"}},
			RequestBody: validJSON(map[string]any{"mfa_token": withControls, "client_id": nasty, "list": []string{nasty, "'"}}),
		},
		{
			Method: "POST", URL: base + "/mfa/challenge", RequestHeader: http.Header{"Content-Type": {"application/json"}},
			RequestBody: validJSON(map[string]any{"mfa_token": nasty, "client_id": "it's", "n": []any{1, map[string]string{"otp": "x'y"}}}),
		},
		{
			Method: "PUT", URL: base + "/raw", RequestHeader: http.Header{"Content-Type": {"text/plain"}},
			RequestBody: []byte("@not-a-file " + withControls),
		},
		{
			Method: "DELETE", URL: base + "/mfa/authenticators/push%7Cdev_1?q='$x'&r=[1]{2}&s=%24HOME",
			RequestHeader: http.Header{"Authorization": {"Bearer " + nasty}},
		},
	} {
		ex.Revealed = true
		command := trace.Curl(ex)
		checkSyntax(t, command)
		checkCommandInert(t, command)
		if vars := trace.Variables(ex); len(vars) != 0 {
			t.Errorf("revealed exchange needs variables %v", vars)
		}
		runCurl(t, command, nil, "--silent", "--show-error", "--fail")
		checkReceived(t, ex, last(), ex.RequestBody)
	}
}

func TestCurlExpandsPlaceholdersToTheExportedValues(t *testing.T) {
	needShell(t)
	base, last := echoServer(t)
	vars := map[string]string{
		"MFA_TOKEN":           "Fe26.2*abc*$HOME`id`'x'!",             // JSON-safe: no " or \
		"OOB_CODE":            nasty + "\nline two",                   // form values may hold anything
		"ACCESS_TOKEN":        "eyJ.a b'c\"d$e`f\\g!",                 // a header value
		"AUTH0_CLIENT_SECRET": "s3cr3t & = + %26 '\"$PATH ${HOME} \\", // a form value again
		"AUTH0_CLIENT_ID":     "the client's id",
		"AUTH0_DOMAIN":        base,
	}
	form := "client_id=sandbox-client&client_secret=%24AUTH0_CLIENT_SECRET&oob_code=%24OOB_CODE&note=" +
		url.QueryEscape("literal $OOB_CODEX and $HOME")
	for _, tc := range []struct {
		ex   auth0.Exchange
		want string // the body the server must get, with the variables expanded
		vars []string
	}{
		{
			ex: auth0.Exchange{Method: "POST", URL: base + "/oauth/token",
				RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, RequestBody: []byte(form)},
			want: "client_id=" + url.QueryEscape(vars["AUTH0_CLIENT_ID"]) + "&client_secret=" + url.QueryEscape(vars["AUTH0_CLIENT_SECRET"]) +
				"&oob_code=" + url.QueryEscape(vars["OOB_CODE"]) + "&note=" + url.QueryEscape("literal $OOB_CODEX and $HOME"),
			vars: []string{"AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET", "OOB_CODE"},
		},
		{
			ex: auth0.Exchange{Method: "POST", URL: base + "/mfa/challenge",
				RequestHeader: http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer $ACCESS_TOKEN"}},
				RequestBody:   []byte(`{"mfa_token":"$MFA_TOKEN","note":"it's $HOME"}`)},
			want: `{"mfa_token":"` + vars["MFA_TOKEN"] + `","note":"it's $HOME"}`,
			vars: []string{"AUTH0_DOMAIN", "ACCESS_TOKEN", "MFA_TOKEN"},
		},
	} {
		command := trace.Curl(tc.ex)
		checkSyntax(t, command)
		checkCommandInert(t, command)
		if got := trace.Variables(tc.ex); !slices.Equal(got, tc.vars) {
			t.Errorf("Variables = %v, want %v", got, tc.vars)
		}
		runCurl(t, command, vars, "--silent", "--show-error", "--fail")
		got := last()
		if auth := got.header.Get("Authorization"); tc.ex.RequestHeader.Get("Authorization") != "" && auth != "Bearer "+vars["ACCESS_TOKEN"] {
			t.Errorf("Authorization = %q", auth)
		}
		expanded := tc.ex
		expanded.RequestHeader = tc.ex.RequestHeader.Clone()
		expanded.RequestHeader.Del("Authorization")
		checkReceived(t, expanded, got, []byte(tc.want))
	}
}

// checkReceived compares what the echo server got with the exchange: the
// method, path and query as sent, each header, and the body: byte for byte,
// or for a form body field by field in order (curl and Go may encode the
// same value differently).
func checkReceived(t *testing.T, ex auth0.Exchange, got received, wantBody []byte) {
	t.Helper()
	u, _ := url.Parse(ex.URL)
	if got.method != ex.Method || got.uri != u.RequestURI() {
		t.Errorf("server got %s %s, want %s %s", got.method, got.uri, ex.Method, u.RequestURI())
	}
	for name, values := range ex.RequestHeader {
		if g := got.header.Values(name); !slices.Equal(g, values) {
			t.Errorf("header %s = %q, want %q", name, g, values)
		}
	}
	if strings.HasPrefix(ex.RequestHeader.Get("Content-Type"), "application/x-www-form-urlencoded") {
		if g, w := formPairs(t, string(got.body)), formPairs(t, string(wantBody)); !slices.Equal(g, w) {
			t.Errorf("form fields\n%q\nwant\n%q", g, w)
		}
		return
	}
	var g, w bytes.Buffer
	if json.Valid(wantBody) {
		// The command indents JSON: the same document, other white space.
		if json.Compact(&g, got.body) != nil || json.Compact(&w, wantBody) != nil || g.String() != w.String() {
			t.Errorf("JSON body\n%s\nwant\n%s", got.body, wantBody)
		}
		return
	}
	if string(got.body) != string(wantBody) {
		t.Errorf("body\n%q\nwant\n%q", got.body, wantBody)
	}
}

func formPairs(t *testing.T, body string) []string {
	var out []string
	for pair := range strings.SplitSeq(body, "&") {
		k, v, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(k)
		value, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad form pair %q", pair)
		}
		out = append(out, key+"="+value)
	}
	return out
}

// checkCommandInert fails on a character a terminal acts on, other than
// line breaks (between options, and in an indented JSON body).
func checkCommandInert(t *testing.T, command string) {
	t.Helper()
	for _, line := range strings.Split(command, "\n") {
		for _, r := range line {
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
				t.Errorf("character %U in the command line %q", r, line)
			}
		}
	}
}

// TestCurlExpandsOnlyOurOwnVariables: a server can put the text of a
// placeholder in a value that flows into a request (an authenticator id, a
// name); the shell must pass it as text, and expand only the placeholders
// the client put in place of secrets.
func TestCurlExpandsOnlyOurOwnVariables(t *testing.T) {
	needShell(t)
	secretVar, _ := auth0.SecretVariable("client_secret")
	bait := auth0.Placeholder(secretVar) // "$…CLIENT_SECRET", as a server could write it
	vars := map[string]string{secretVar: "LEAKED-SECRET", "CLIENT_SECRET": "LEAKED-SECRET", "AUTH0_CLIENT_SECRET": "LEAKED-SECRET",
		"MFA_TOKEN": "the-mfa-token", "ACCESS_TOKEN": "the-access-token", "AUTH0_DOMAIN": "http://h", "AUTH0_CLIENT_ID": "cid"}
	for _, tc := range []struct {
		ex      auth0.Exchange
		literal int // how many times the server's text must pass as text
	}{
		{auth0.Exchange{Method: "DELETE", URL: "http://h/mfa/authenticators/push%7Cdev_" + bait,
			RequestHeader: http.Header{"Authorization": {"Bearer $ACCESS_TOKEN"}}}, 1},
		{auth0.Exchange{Method: "POST", URL: "http://h/mfa/challenge", RequestHeader: http.Header{"Content-Type": {"application/json"}},
			RequestBody: []byte(`{"client_id":"cid","client_secret":"` + bait + `","mfa_token":"$MFA_TOKEN","authenticator_id":"push|dev_` + bait + `","n":"` + bait + `x"}`)}, 2},
		{auth0.Exchange{Method: "POST", URL: "http://h/oauth/token", RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}},
			RequestBody: []byte("client_secret=" + url.QueryEscape(bait) + "&username=" + url.QueryEscape(bait) + "&mfa_token=%24MFA_TOKEN")}, 1},
	} {
		ex := tc.ex
		command := trace.Curl(ex)
		// curl is a function that prints its arguments, one a line.
		cmd := exec.Command("bash", "-c", "curl() { printf '%s\\n' \"$@\"; }\n"+command)
		cmd.Env = shellEnv(t, vars)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v\n%s", err, command)
		}
		args := string(out)
		if strings.Count(args, "LEAKED-SECRET") != strings.Count(string(ex.RequestBody), "client_secret") {
			t.Errorf("the shell expanded a server's text into the secret:\n%s\nfrom\n%s", args, command)
		}
		if strings.Count(args, bait) != tc.literal {
			t.Errorf("the server's text did not pass unchanged:\n%s\nfrom\n%s", args, command)
		}
		if strings.Contains(string(ex.RequestBody), "MFA_TOKEN") && !strings.Contains(args, "the-mfa-token") {
			t.Errorf("our own $MFA_TOKEN was not expanded:\n%s", args)
		}
	}
}

func validJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
