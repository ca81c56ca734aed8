package auth0

import (
	"context"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
)

// TestObserverNeverSeesSecrets runs every operation and searches every
// exchange the observer received for every secret value of the run.
func TestObserverNeverSeesSecrets(t *testing.T) {
	rs := newReplayServer(t)
	var mu sync.Mutex
	var seen []Exchange
	c := newClient(t, Config{Domain: rs.URL, ClientID: "cid", ClientSecret: "client-secret-value", Observer: func(ex Exchange) {
		mu.Lock()
		seen = append(seen, ex)
		mu.Unlock()
	}})
	var err error
	ctx := context.Background()
	secrets := []string{"client-secret-value", "hunter2-password", "Fe26.2*mfa*token&value", "oob-code-value-1",
		"MZCRK3YX5V3AKNNYY6JEBQCL", "otpauth://totp/T:u?enrollment_tx_id=ticket12345&base_url=x",
		"eyJhbGciOi.access.sig", "eyJhbGciOi.id.sig", "refresh-token-value", "NEWRECOVERYCODE12345678", "654321"}

	rs.answer(403, `{"error":"mfa_required","error_description":"Multifactor authentication required","mfa_token":"Fe26.2*mfa*token&value"}`)
	if _, err := c.LoginWithPassword(ctx, PasswordLogin{Username: "bob@example.com", Password: "hunter2-password"}); err != nil {
		t.Fatal(err)
	}
	rs.answer(200, `{"authenticator_type":"oob","barcode_uri":"otpauth://totp/T:u?enrollment_tx_id=ticket12345\u0026base_url=x","oob_channel":"auth0","oob_code":"oob-code-value-1","recovery_codes":["MZCRK3YX5V3AKNNYY6JEBQCL"]}`)
	if _, err := c.Associate(ctx, "Fe26.2*mfa*token&value", PushEnrollment()); err != nil {
		t.Fatal(err)
	}
	rs.answer(400, `{"error":"authorization_pending","error_description":"Authorization pending: please repeat the request in a few seconds."}`)
	c.VerifyOOB(ctx, "Fe26.2*mfa*token&value", "oob-code-value-1", "")
	rs.answer(200, `{"access_token":"eyJhbGciOi.access.sig","id_token":"eyJhbGciOi.id.sig","refresh_token":"refresh-token-value","expires_in":600,"token_type":"Bearer","recovery_code":"NEWRECOVERYCODE12345678"}`)
	c.VerifyRecoveryCode(ctx, "Fe26.2*mfa*token&value", "MZCRK3YX5V3AKNNYY6JEBQCL")
	c.VerifyOTP(ctx, "Fe26.2*mfa*token&value", "654321")
	rs.answer(204, "")
	c.DeleteAuthenticator(ctx, "eyJhbGciOi.access.sig", "push|dev_x")
	// A server that echoes a secret in an error must not leak it either.
	rs.answer(400, `{"error":"invalid_request","error_description":"bad oob_code oob-code-value-1"}`)
	_, err = c.VerifyOOB(ctx, "Fe26.2*mfa*token&value", "oob-code-value-1", "")
	if err == nil || strings.Contains(err.Error(), "oob-code-value-1") {
		t.Errorf("error text leaks a secret: %v", err)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 7 {
		t.Fatalf("observer saw %d exchanges, want 7", len(seen))
	}
	for _, ex := range seen {
		text := dumpExchange(ex)
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("%s: exchange contains secret %q:\n%s", ex.Op, s, text)
			}
		}
		if ex.Revealed {
			t.Errorf("%s: marked revealed", ex.Op)
		}
	}
	// The placeholders name the variable, so a trace reads as a curl command.
	first := dumpExchange(seen[1])
	if !strings.Contains(first, "Bearer $MFA_TOKEN") || !strings.Contains(first, `"oob_code":"$OOB_CODE"`) ||
		!strings.Contains(first, `"barcode_uri":"$BARCODE_URI"`) || !strings.Contains(first, `"recovery_codes":["$RECOVERY_CODE"]`) {
		t.Errorf("associate exchange lacks the expected placeholders:\n%s", first)
	}
	if !strings.Contains(dumpExchange(seen[2]), "authorization_pending") || seen[2].Outcome != OutcomePending || seen[2].ErrorCode != "authorization_pending" {
		t.Errorf("poll exchange: outcome %v code %q", seen[2].Outcome, seen[2].ErrorCode)
	}
}

func TestRevealSecretsLeavesValues(t *testing.T) {
	rs := newReplayServer(t)
	var got Exchange
	c := newClient(t, Config{Domain: rs.URL, ClientID: "cid", ClientSecret: "client-secret-value", RevealSecrets: true, Observer: func(ex Exchange) { got = ex }})
	rs.answer(400, `{"error":"authorization_pending"}`)
	c.VerifyOOB(context.Background(), "mfa-token-value", "oob-code-value", "")
	if !got.Revealed || !strings.Contains(string(got.RequestBody), "mfa-token-value") || !strings.Contains(string(got.RequestBody), "client-secret-value") {
		t.Errorf("revealed exchange = %s", got.RequestBody)
	}
}

func TestRedactKeepsKeyOrderAndNonSecrets(t *testing.T) {
	var r secretRegistry
	out := r.redactBody("application/json", []byte(`{"z":1,"access_token":"tok-123456","a":[true,null,"x"],"nested":{"id_token":"idt-123456","n":1.5e3}}`))
	want := `{"z":1,"access_token":"$ACCESS_TOKEN","a":[true,null,"x"],"nested":{"id_token":"$ID_TOKEN","n":1.5e3}}`
	if string(out) != want {
		t.Errorf("redacted = %s\nwant       %s", out, want)
	}
	// Once seen, a value is scrubbed from any text.
	if s := r.scrub("token tok-123456 in a message"); s != "token $ACCESS_TOKEN in a message" {
		t.Errorf("scrub = %q", s)
	}
	// Broken JSON is scrubbed as text rather than dropped.
	if out := r.redactBody("application/json", []byte(`{"access_token":"tok-123456"`)); strings.Contains(string(out), "tok-123456") {
		t.Errorf("truncated JSON leaked: %s", out)
	}
}

func dumpExchange(ex Exchange) string {
	var b strings.Builder
	b.WriteString(ex.Method + " " + ex.URL + "\n")
	writeHeader(&b, ex.RequestHeader)
	b.Write(ex.RequestBody)
	b.WriteString("\n")
	writeHeader(&b, ex.ResponseHeader)
	b.Write(ex.ResponseBody)
	b.WriteString(ex.Failure)
	return b.String()
}

func writeHeader(b *strings.Builder, h http.Header) {
	for k, vs := range h {
		for _, v := range vs {
			b.WriteString(k + ": " + v + "\n")
		}
	}
}

func TestSecretVariablesCoverEveryPlaceholder(t *testing.T) {
	vars := SecretVariables()
	has := map[string]bool{}
	for _, v := range vars {
		has[v] = true
	}
	for field, v := range secretFields {
		if !has[v] {
			t.Errorf("%s's variable %s missing", field, v)
		}
	}
	if !has[clientCredentialsVariable] || !sort.StringsAreSorted(vars) || len(has) != len(vars) {
		t.Errorf("SecretVariables() = %v", vars)
	}
}

// secretsOfALongAnswer are the token values of the answers below.
var secretsOfALongAnswer = []string{"eyJhbGciOi.long-access.sig", "eyJhbGciOi.long-id.sig", "long-refresh-token-value"}

// TestLongTokenAnswerIsRedactedByStructure sends token answers longer than
// the part the trace keeps (64 KiB), and longer than the client reads
// (1 MiB): the tokens must be hidden wherever they stand, not only once the
// client has seen them whole.
func TestLongTokenAnswerIsRedactedByStructure(t *testing.T) {
	padding := strings.Repeat("x", maxTracedBody)
	tokens := `"access_token":"eyJhbGciOi.long-access.sig","id_token":"eyJhbGciOi.long-id.sig","refresh_token":"long-refresh-token-value"`
	for name, body := range map[string]string{
		"tokens first":        `{` + tokens + `,"expires_in":600,"note":"` + padding + `"}`,
		"tokens across a cut": `{"note":"` + padding[:maxTracedBody-60] + `",` + tokens + `,"expires_in":600}`,
		"over the read limit": `{` + tokens + `,"note":"` + strings.Repeat(padding, 17) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			rs := newReplayServer(t)
			var seen []Exchange
			c := newClient(t, Config{Domain: rs.URL, ClientID: "cid", Observer: func(ex Exchange) { seen = append(seen, ex) }})
			rs.answer(200, body)
			c.VerifyOTP(context.Background(), "mfa-token-value", "123456")
			if len(seen) != 1 {
				t.Fatalf("%d exchanges", len(seen))
			}
			text := dumpExchange(seen[0])
			for _, s := range secretsOfALongAnswer {
				for _, part := range []string{s, s[:12]} {
					if strings.Contains(text, part) {
						t.Errorf("the trace shows %q", part)
					}
				}
			}
			if len(seen[0].ResponseBody) > maxTracedBody+len(`"$REFRESH_TOKEN"`) || !seen[0].BodyTruncated {
				t.Errorf("kept %d bytes of the body, truncated %v", len(seen[0].ResponseBody), seen[0].BodyTruncated)
			}
		})
	}
}

// TestRedactionIgnoresTheCaseOfKeys: Go's decoder reads "Access_Token" as
// access_token, so the client takes it as the token; the trace must hide it
// too, in JSON, forms and headers.
func TestRedactionIgnoresTheCaseOfKeys(t *testing.T) {
	rs := newReplayServer(t)
	var seen []Exchange
	c := newClient(t, Config{Domain: rs.URL, ClientID: "cid", Observer: func(ex Exchange) { seen = append(seen, ex) }})
	rs.answer(200, `{"Access_Token":"eyJhbGciOi.long-access.sig","ID_TOKEN":"eyJhbGciOi.long-id.sig","refresh_Token":"long-refresh-token-value","expires_in":600}`)
	tokens, err := c.VerifyOTP(context.Background(), "mfa-token-value", "123456")
	if err != nil || tokens.AccessToken != secretsOfALongAnswer[0] {
		t.Fatalf("the client did not take the tokens: %+v %v", tokens, err)
	}
	text := dumpExchange(seen[0])
	for _, s := range secretsOfALongAnswer {
		if strings.Contains(text, s) {
			t.Errorf("the trace shows %q:\n%s", s, text)
		}
	}
	if !strings.Contains(text, `"Access_Token":"$ACCESS_TOKEN"`) {
		t.Errorf("the key's own spelling is not kept:\n%s", text)
	}

	var r secretRegistry
	form := r.redactBody("Application/X-WWW-Form-Urlencoded; charset=utf-8", []byte("Access_Token=form-secret-1&MFA_TOKEN=form-secret-2&note=kept"))
	if s := string(form); strings.Contains(s, "form-secret") || !strings.Contains(s, "note=kept") || !strings.HasPrefix(s, "Access_Token=%24ACCESS_TOKEN&") {
		t.Errorf("form = %s", s)
	}
	h := r.redactHeader(http.Header{"X-Access-Token": {"header-secret-1"}, "Proxy-Authorization": {"Basic aGVhZGVyLXNlY3JldC0y"}, "Refresh_token": {"header-secret-3"}, "X-Note": {"kept"}})
	text = ""
	for k, vs := range h {
		text += k + ": " + strings.Join(vs, ",") + "\n"
	}
	if strings.Contains(text, "header-secret") || strings.Contains(text, "aGVhZGVyLXNlY3JldC0y") || !strings.Contains(text, "X-Note: kept") {
		t.Errorf("headers =\n%s", text)
	}
}

// TestJSONRedactionReadsTokensNotSyntax: bodies that are not valid JSON
// still have their secret values hidden, and other bytes are kept.
func TestJSONRedactionReadsTokensNotSyntax(t *testing.T) {
	for body, want := range map[string]string{
		`{"otp": 123456, "ok": true}`:                   `{"otp": "$OTP", "ok": true}`,
		`{"recovery_codes":["AAA111","BBB222"],"n":1}`:  `{"recovery_codes":["$RECOVERY_CODE","$RECOVERY_CODE"],"n":1}`,
		`{"access_token":{"deep":["x1y2z3"]},"a":"b"}`:  `{"access_token":{"deep":["$ACCESS_TOKEN"]},"a":"b"}`,
		`{"access_token":"cut short`:                    `{"access_token":"$ACCESS_TOKEN"`,
		`{"access_token":"v1":"v2"}`:                    `{"access_token":"$ACCESS_TOKEN":"v2"}`,
		`{"refresh\u005ftoken":"esc-aped"}`:             `{"refresh\u005ftoken":"$REFRESH_TOKEN"}`,
		`<script>var a = {access_token: "in-a-page"}`:   `<script>var a = {access_token: "$ACCESS_TOKEN"}`,
		`{"mfa_token":null,"oob_code":"",  "x" : "y" }`: `{"mfa_token":null,"oob_code":"$OOB_CODE",  "x" : "y" }`,
	} {
		var r secretRegistry
		if got := string(r.redactBody("application/json", []byte(body))); got != want {
			t.Errorf("%s\n got %s\nwant %s", body, got, want)
		}
	}
}

// A hidden exchange keeps its secrets aside, for a reveal the user asks for
// later; the exchange itself still shows none.
func TestHiddenSecretsCanBeRevealedLater(t *testing.T) {
	rs := newReplayServer(t)
	var got Exchange
	c := newClient(t, Config{Domain: rs.URL, ClientID: "cid", ClientSecret: "client-secret-value", Observer: func(ex Exchange) { got = ex }})
	rs.answer(400, `{"error":"authorization_pending"}`)
	c.VerifyOOB(context.Background(), "mfa-token-value", "oob-code-value", "")
	if got.Revealed || strings.Contains(dumpExchange(got), "mfa-token-value") {
		t.Fatalf("the exchange shows a secret:\n%s", dumpExchange(got))
	}
	revealed, ok := got.WithSecrets()
	if !ok || !revealed.Revealed || !strings.Contains(string(revealed.RequestBody), "mfa-token-value") ||
		!strings.Contains(string(revealed.RequestBody), "client-secret-value") || revealed.Outcome != got.Outcome {
		t.Errorf("revealed: ok %v, %s", ok, revealed.RequestBody)
	}
}

// The copy kept for a reveal is bounded and counted like the exchange, so
// that the trace's memory bound holds for it too.
func TestRevealCopyIsBoundedAndCounted(t *testing.T) {
	rs := newReplayServer(t)
	var got Exchange
	c := newClient(t, Config{Domain: rs.URL, ClientID: "cid", ClientSecret: "client-secret-value", Observer: func(ex Exchange) { got = ex }})
	rs.answer(400, `{"error":"authorization_pending","note":"`+strings.Repeat("x", 50_000)+`"}`)
	c.VerifyOOB(context.Background(), "mfa-token-value", "oob-code-value", "")
	raw, ok := got.WithSecrets()
	if !ok || got.Revealed {
		t.Fatal("no copy kept for a reveal")
	}
	if got.Size() < 2*len(got.ResponseBody) {
		t.Errorf("size %d does not count the reveal copy (body %d)", got.Size(), len(got.ResponseBody))
	}
	bounded := got.Bounded(1000)
	braw, _ := bounded.WithSecrets()
	if len(braw.ResponseBody) > 1000 || len(raw.ResponseBody) <= 1000 {
		t.Errorf("the reveal copy keeps %d bytes after Bounded(1000)", len(braw.ResponseBody))
	}
}
