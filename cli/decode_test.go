package cli

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/i18n"
)

func TestDecodeToken(t *testing.T) {
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	token := enc(`{"alg":"RS256","typ":"JWT","kid":"k1"}`) + "." +
		enc(`{"sub":"auth0|bob","exp":1772391600,"scope":"openid","amr":["mfa"]}`) + ".c2ln"
	now := time.Unix(1772391600-90, 0)
	var out bytes.Buffer
	if err := decodeToken(strings.NewReader("\n  Bearer "+token+"\n"), &out, i18n.For(i18n.English), now); err != nil {
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
	if err := decodeToken(strings.NewReader(token), &out, i18n.For(i18n.English), now.Add(time.Hour)); err != nil || !strings.Contains(out.String(), "Expired 58m 30s ago.") {
		t.Errorf("expired: %v\n%s", err, out.String())
	}
	for _, bad := range []string{"", "Fe26.2*opaque*mfa_token", "a.b"} {
		err := decodeToken(strings.NewReader(bad), &out, i18n.For(i18n.English), now)
		if exitStatus(err) != 1 {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
