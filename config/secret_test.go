package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testSecret = "k8Jq2-s3cr3t-VALUE-never-shown-1a2b"

func TestSecretSources(t *testing.T) {
	const tenant = "[profiles.p]\ndomain = \"acme.auth0.com\"\nclient_id = \"AbC123\"\n"
	cases := []struct {
		name     string
		env      []string
		profile  string // lines added to the profile
		setup    func(t *testing.T, env testEnv)
		wantKind SourceKind
		wantName string
		wantRef  string
	}{
		{name: "environment", env: []string{"AUTH0_CLIENT_SECRET", testSecret}, wantKind: FromEnv, wantName: "AUTH0_CLIENT_SECRET"},
		{name: "environment beats the file", env: []string{"AUTH0_CLIENT_SECRET", testSecret}, profile: "client_secret_file = \"/nonexistent\"\n", wantKind: FromEnv, wantName: "AUTH0_CLIENT_SECRET"},
		{name: "inline, file 0600", profile: "client_secret = \"" + testSecret + "\"\n", wantKind: FromFile, wantName: keyClientSecret},
		{name: "env reference", env: []string{"HELPDESK_EU_SECRET", testSecret}, profile: "client_secret_env = \"HELPDESK_EU_SECRET\"\n", wantKind: FromFile, wantName: keySecretEnv, wantRef: "HELPDESK_EU_SECRET"},
		{
			name: "file under ~", profile: "client_secret_file = \"~/.config/mfapush/p.secret\"\n", wantKind: FromFile, wantName: keySecretFile, wantRef: "~/.config/mfapush/p.secret",
			setup: func(t *testing.T, env testEnv) {
				writeFile(t, filepath.Join(env["HOME"], ".config/mfapush/p.secret"), testSecret+"\n", 0o600)
			},
		},
		{
			name: "file relative to the config file", profile: "client_secret_file = \"p.secret\"\n", wantKind: FromFile, wantName: keySecretFile, wantRef: "p.secret",
			setup: func(t *testing.T, env testEnv) {
				writeFile(t, filepath.Join(filepath.Dir(env.configPath()), "p.secret"), "  "+testSecret+"\r\n", 0o400)
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t, c.env...)
			env.writeConfig(t, tenant+c.profile, 0o600)
			if c.setup != nil {
				c.setup(t, env)
			}
			s, _ := mustLoad(t, nil, env)
			if s.ClientSecret != testSecret {
				t.Errorf("ClientSecret = %q, want the secret", s.ClientSecret)
			}
			src := s.SourceOf(keyClientSecret)
			if src.Kind != c.wantKind || src.Name != c.wantName || src.Ref != c.wantRef {
				t.Errorf("SourceOf(client_secret) = %+v, want kind %d name %q ref %q", src, c.wantKind, c.wantName, c.wantRef)
			}
		})
	}
}

func TestSecretProblems(t *testing.T) {
	const tenant = "[profiles.p]\ndomain = \"acme.auth0.com\"\nclient_id = \"AbC123\"\n"
	secretFile := func(mode os.FileMode, content string) func(t *testing.T, env testEnv) string {
		return func(t *testing.T, env testEnv) string {
			path := writeFile(t, filepath.Join(env["HOME"], "p.secret"), content, mode)
			if mode&0o044 != 0 {
				return "chmod 600 " + path // the fix must name the secret file
			}
			return ""
		}
	}
	cases := []struct {
		name       string
		env        []string
		flags      Flags
		profile    string
		configMode os.FileMode
		setup      func(t *testing.T, env testEnv) string // returns a path the message must name
		wants      []string
	}{
		{name: "inline in a 0644 file", profile: "client_secret = \"" + testSecret + "\"\n", configMode: 0o644, wants: []string{"readable by group or others", "mode 0644", "chmod 600 "}},
		{name: "inline in another profile of a 0640 file", profile: "\n[profiles.q]\nclient_secret = \"" + testSecret + "\"\n", configMode: 0o640, wants: []string{"profile q", "chmod 600 "}},
		{name: "secret file readable by others", profile: "client_secret_file = \"~/p.secret\"\n", setup: secretFile(0o644, testSecret), wants: []string{"client secret file", "readable by group or others", "chmod 600 "}},
		{name: "secret file missing", profile: "client_secret_file = \"~/p.secret\"\n", wants: []string{"cannot be read", "client_secret_file"}},
		{name: "secret file empty", profile: "client_secret_file = \"~/p.secret\"\n", setup: secretFile(0o600, "\n"), wants: []string{"is empty"}},
		{name: "secret file with two lines", profile: "client_secret_file = \"~/p.secret\"\n", setup: secretFile(0o600, testSecret+"\n"+testSecret+"\n"), wants: []string{"only the client secret"}},
		{name: "env reference unset", profile: "client_secret_env = \"HELPDESK_EU_SECRET\"\n", wants: []string{"HELPDESK_EU_SECRET", "not set", "export HELPDESK_EU_SECRET"}},
		{name: "two ways at once", profile: "client_secret = \"" + testSecret + "\"\nclient_secret_env = \"X\"\n", wants: []string{"keep only one"}},
		{name: "placeholder", env: []string{"AUTH0_CLIENT_SECRET", "YOUR_CLIENT_SECRET"}, wants: []string{"placeholder", "set AUTH0_CLIENT_SECRET to your application's Client Secret"}},
		{name: "placeholder in a secret file", profile: "client_secret_file = \"~/p.secret\"\n", setup: secretFile(0o600, "{yourClientSecret}"), wants: []string{"placeholder", "set the content of ~/p.secret to"}},
		{name: "quotes", flags: Flags{keyClientSecret: "\"" + testSecret + "\""}, wants: []string{"contains quotes", "--client-secret"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t, c.env...)
			mode := c.configMode
			if mode == 0 {
				mode = 0o600
			}
			config := env.writeConfig(t, tenant+c.profile, mode)
			wants := c.wants
			if c.setup != nil {
				if want := c.setup(t, env); want != "" {
					wants = append(wants, want)
				}
			} else if c.configMode != 0 {
				wants = append(wants, "chmod 600 "+config)
			}
			_, problems := loadErrors(t, c.flags, env)
			all := ""
			for _, p := range problems {
				all += p.Error() + "\n"
			}
			mustContain(t, "errors", findProblem(t, problems, keyClientSecret).Error(), wants...)
			for _, leak := range []string{testSecret, testSecret[:12], "YOUR_CLIENT_SECRET", "{yourClientSecret}"} {
				if strings.Contains(all, leak) {
					t.Errorf("errors show the secret %q:\n%s", leak, all)
				}
			}
		})
	}
}

func TestSecretFlagWarns(t *testing.T) {
	s, warnings := mustLoad(t, Flags{keyDomain: "acme.auth0.com", keyClientID: "AbC123", keyClientSecret: testSecret}, newEnv(t))
	if s.ClientSecret != testSecret || len(warnings) != 1 || !strings.Contains(warnings[0].String(), "shell history") {
		t.Errorf("secret %v warnings %v", s.ClientSecret == testSecret, warnings)
	}
	if strings.Contains(warnings[0].String(), testSecret) {
		t.Error("the warning shows the secret")
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/ana/.config/mfapush/config.toml": "/home/ana/.config/mfapush/config.toml",
		"/home/ana/My Files/config.toml":        "'/home/ana/My Files/config.toml'",
		"/tmp/it's":                             `'/tmp/it'\''s'`,
		"~/x":                                   "'~/x'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
