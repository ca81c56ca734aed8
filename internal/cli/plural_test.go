package cli

import (
	"strings"
	"testing"
)

// One problem with the settings is one problem, in both languages.
func TestOneSettingsProblemIsSingular(t *testing.T) {
	env, _ := homeEnv(t)
	env["AUTH0_DOMAIN"] = "acme.auth0.com"
	for lang, want := range map[string]string{"en": "have 1 problem (", "fr": "posent 1 problème ("} {
		_, stderr, status := runCLI(t, env, "enroll", "--plain", "--lang", lang)
		if status == 0 || !strings.Contains(stderr, want) || strings.Contains(stderr, "(s)") {
			t.Errorf("%s: status %d\n%s", lang, status, stderr)
		}
	}
}
