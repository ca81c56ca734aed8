package cli

import (
	"bytes"
	"context"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// jwtFor is a token with this header and these claims, and a signature
// nothing checks.
func jwtFor(header, claims string) string {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	return enc(header) + "." + enc(claims) + ".c2ln"
}

func TestDecodeToken(t *testing.T) {
	en, ctx := i18n.For(i18n.English), context.Background()
	token := jwtFor(`{"alg":"RS256","typ":"JWT","kid":"k1"}`, `{"sub":"auth0|bob","exp":1772391600,"scope":"openid","amr":["mfa"]}`)
	now := time.Unix(1772391600-90, 0)
	var out bytes.Buffer
	read, err := readToken(ctx, strings.NewReader("\n  Bearer "+token+"\n"), &out, en)
	if err != nil || read != token {
		t.Fatalf("read %q, %v", read, err)
	}
	if err := printDecoded(token, &out, en, now); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"alg", "RS256", "kid", "sub", "auth0|bob", `["mfa"]`, "2026-03-01 19:00:00 UTC", "Expires in 1m 30s.", "not verified"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), token) || strings.Contains(out.String(), "c2ln") {
		t.Error("the token itself was printed")
	}
	out.Reset()
	if err := printDecoded(token, &out, en, now.Add(time.Hour)); err != nil || !strings.Contains(out.String(), "Expired 58m 30s ago.") {
		t.Errorf("expired: %v\n%s", err, out.String())
	}
	for _, bad := range []string{"Fe26.2*opaque*mfa_token", "a.b"} {
		if err := printDecoded(bad, &out, en, now); exitStatus(ctx, err) != 1 {
			t.Errorf("%q: %v", bad, err)
		}
	}
	// An empty pipe is an error, not a cancellation: no one was asked.
	if _, err := readToken(ctx, strings.NewReader("\n \n"), &out, en); exitStatus(ctx, err) != 1 || !strings.Contains(err.Error(), "no token on stdin") {
		t.Errorf("empty input: %v", err)
	}
}
