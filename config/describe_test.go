package config

import (
	"strings"
	"testing"
)

func TestMaskSecret(t *testing.T) {
	for _, c := range []struct {
		secret string
		reveal bool
		want   string
	}{
		{"", false, "(not set)"},
		{"short-secret", false, "set"},
		{"0123456789abcdef1a2b", false, "••••••••1a2b"},
		{"0123456789abcdef1a2b", true, "0123456789abcdef1a2b"},
		{"0123456789abcdefé\x1b[2J", false, "••••••••\\x1b[2J"},
	} {
		if got := MaskSecret(c.secret, c.reveal); got != c.want {
			t.Errorf("MaskSecret(%q, %v) = %q, want %q", c.secret, c.reveal, got, c.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	env := newEnv(t, "AUTH0_CLIENT_ID", "AbC123", "LANG", "fr_FR.UTF-8")
	secretPath := writeFile(t, env["HOME"]+"/eu.secret", testSecret+"\n", 0o600)
	path := env.writeConfig(t, `default_profile = "helpdesk-eu"

[profiles.helpdesk-eu]
domain = "acme-eu.eu.auth0.com"
client_secret_file = "`+secretPath+`"
realm = "Username-Password-Authentication"

[profiles.other]
`, 0o600)
	s, _ := mustLoad(t, nil, env)
	got := map[string]Line{}
	var all strings.Builder
	for _, l := range Describe(s, english) {
		got[l.Label] = l
		all.WriteString(l.Label + " " + l.Value + " " + l.Source + "\n")
	}
	if strings.Contains(all.String(), testSecret) || strings.Contains(all.String(), testSecret[:8]) {
		t.Fatalf("Describe shows the secret:\n%s", all.String())
	}
	for label, want := range map[string]Line{
		"Config file":   {Value: path + " (profile helpdesk-eu)"},
		"Profiles":      {Value: "helpdesk-eu, other"},
		"Profile":       {Value: "helpdesk-eu", Source: "default_profile in config file"},
		"Tenant":        {Value: "acme-eu.eu.auth0.com", Source: "profile helpdesk-eu"},
		"Client ID":     {Value: "AbC123", Source: "env AUTH0_CLIENT_ID"},
		"Client secret": {Value: "••••••••" + testSecret[len(testSecret)-4:], Source: "file " + secretPath},
		"Audience":      {Value: "(not set)"},
		"Poll interval": {Value: "5s", Source: "default"},
		"Language":      {Value: "fr", Source: "env LANG"},
		"Plain output":  {Value: "no", Source: "default"},
	} {
		want.Label = label
		if got[label] != want {
			t.Errorf("%s: got %+v, want %+v", label, got[label], want)
		}
	}

	s, _ = mustLoad(t, nil, newEnv(t))
	if l := Describe(s, english)[3]; l.Label != "Tenant" || l.Value != "built-in sandbox" {
		t.Errorf("sandbox: %+v", l)
	}
}
