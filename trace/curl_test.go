package trace_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/trace"
)

// A value with everything the shell could act on.
const nasty = "it's \"quoted\" $HOME ${PATH} `date` $(id) \\back\\slash  two  spaces ! %26 & = + ; | * ? ~ # 日本"

func TestCurlStyle(t *testing.T) {
	form := url.Values{}
	form.Set("grant_type", auth0.GrantMFAOOB)
	form.Set("client_id", "sandbox-client")
	form.Set("client_secret", auth0.Placeholder("CLIENT_SECRET"))
	form.Set("mfa_token", auth0.Placeholder("MFA_TOKEN"))
	form.Set("oob_code", auth0.Placeholder("OOB_CODE"))
	ex := auth0.Exchange{
		Method: "POST", URL: "http://127.0.0.1:8484/oauth/token",
		RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "Accept": {"application/json"}},
		RequestBody:   []byte(form.Encode()),
	}
	want := `curl --request POST \
  --url 'http://127.0.0.1:8484/oauth/token' \
  --header 'Accept: application/json' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'client_id=sandbox-client' \
  --data-urlencode "client_secret=$CLIENT_SECRET" \
  --data-urlencode 'grant_type=http://auth0.com/oauth/grant-type/mfa-oob' \
  --data-urlencode "mfa_token=$MFA_TOKEN" \
  --data-urlencode "oob_code=$OOB_CODE"`
	if got := trace.Curl(ex); got != want {
		t.Errorf("Curl =\n%s\nwant\n%s", got, want)
	}
	if got := trace.Variables(ex); !slices.Equal(got, []string{"CLIENT_SECRET", "MFA_TOKEN", "OOB_CODE"}) {
		t.Errorf("Variables = %v", got)
	}

	list := auth0.Exchange{Method: "GET", URL: "http://h/mfa/authenticators", RequestHeader: http.Header{"Authorization": {"Bearer $ACCESS_TOKEN"}}}
	want = `curl --request GET \
  --url 'http://h/mfa/authenticators' \
  --header "Authorization: Bearer $ACCESS_TOKEN"`
	if got := trace.Curl(list); got != want {
		t.Errorf("Curl =\n%s\nwant\n%s", got, want)
	}

	// $OTP_SECRET is not $OTP followed by text, and $OTPX is no placeholder.
	body := auth0.Exchange{Method: "POST", URL: "http://h/x", RequestHeader: http.Header{"Content-Type": {"application/json"}},
		RequestBody: []byte(`{"a":"$OTP_SECRET","b":"$OTP","c":"$OTPX"}`)}
	want = `curl --request POST \
  --url 'http://h/x' \
  --header 'Content-Type: application/json' \
  --data '{"a":"'"$OTP_SECRET"'","b":"'"$OTP"'","c":"$OTPX"}'`
	if got := trace.Curl(body); got != want {
		t.Errorf("Curl =\n%s\nwant\n%s", got, want)
	}
	if got := trace.Variables(body); !slices.Equal(got, []string{"OTP_SECRET", "OTP"}) {
		t.Errorf("Variables = %v", got)
	}

	// Revealed: a "$MFA_TOKEN" that is a real value stays text.
	ex.Revealed = true
	if got := trace.Variables(ex); len(got) != 0 {
		t.Errorf("Variables of a revealed exchange = %v", got)
	}
	if got := trace.Curl(ex); !strings.Contains(got, `--data-urlencode 'mfa_token=$MFA_TOKEN'`) {
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
		"MFA_TOKEN":     "Fe26.2*abc*$HOME`id`'x'!",             // JSON-safe: no " or \
		"OOB_CODE":      nasty + "\nline two",                   // form values may hold anything
		"ACCESS_TOKEN":  "eyJ.a b'c\"d$e`f\\g!",                 // a header value
		"CLIENT_SECRET": "s3cr3t & = + %26 '\"$PATH ${HOME} \\", // a form value again
	}
	form := "client_id=sandbox-client&client_secret=%24CLIENT_SECRET&oob_code=%24OOB_CODE&note=" +
		url.QueryEscape("literal $OOB_CODEX and $HOME")
	for _, tc := range []struct {
		ex   auth0.Exchange
		want string // the body the server must get, with the variables expanded
		vars []string
	}{
		{
			ex: auth0.Exchange{Method: "POST", URL: base + "/oauth/token",
				RequestHeader: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, RequestBody: []byte(form)},
			want: "client_id=sandbox-client&client_secret=" + url.QueryEscape(vars["CLIENT_SECRET"]) +
				"&oob_code=" + url.QueryEscape(vars["OOB_CODE"]) + "&note=" + url.QueryEscape("literal $OOB_CODEX and $HOME"),
			vars: []string{"CLIENT_SECRET", "OOB_CODE"},
		},
		{
			ex: auth0.Exchange{Method: "POST", URL: base + "/mfa/challenge",
				RequestHeader: http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer $ACCESS_TOKEN"}},
				RequestBody:   []byte(`{"mfa_token":"$MFA_TOKEN","note":"it's $HOME"}`)},
			want: `{"mfa_token":"` + vars["MFA_TOKEN"] + `","note":"it's $HOME"}`,
			vars: []string{"ACCESS_TOKEN", "MFA_TOKEN"},
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

// checkCommandInert fails on a character a terminal acts on, other than the
// newlines between options.
func checkCommandInert(t *testing.T, command string) {
	t.Helper()
	for _, line := range strings.Split(command, " \\\n  ") {
		for _, r := range line {
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
				t.Errorf("character %U in the command line %q", r, line)
			}
		}
	}
}
