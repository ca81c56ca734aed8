package flow

import (
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
)

func TestFormOfToken(t *testing.T) {
	for token, want := range map[string]TokenForm{
		"": TokenAbsent,
		"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2ln":  TokenJWT,
		"jpjRGo6JKMeM2NueoFFspoACAhTS6I2T":                           TokenOpaque, // the sandbox's, for /userinfo
		"eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y2lwaGVy.dGFn": TokenOpaque, // a JWE: encrypted, not decodable
		"a.b.c": TokenOpaque,
	} {
		if got := FormOfToken(token); got != want {
			t.Errorf("FormOfToken(%q) = %d, want %d", token, got, want)
		}
	}
	en := i18n.For(i18n.English)
	if note := AccessTokenNote(en, "jpjRGo6JKMeM2NueoFFspoACAhTS6I2T"); note != en.Result.OpaqueWhy || note == "" {
		t.Errorf("opaque note %q", note)
	}
	if note := AccessTokenNote(en, "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2ln"); note != "" {
		t.Errorf("a JWT got a note: %q", note)
	}
}
