package config

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// profileTOML writes one profile "p", selected by default_profile.
func profileTOML(values map[string]string) string {
	var b strings.Builder
	b.WriteString("default_profile = \"p\"\n\n[profiles.p]\n")
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if isBoolKey(k) {
			fmt.Fprintf(&b, "%s = %s\n", k, values[k])
		} else {
			fmt.Fprintf(&b, "%s = %q\n", k, values[k])
		}
	}
	return b.String()
}

func TestPrecedence(t *testing.T) {
	settings := []struct {
		key             string
		flag, env, file string
		def             string
		get             func(Settings) string
	}{
		{keyDomain, "flag.example.com", "env.example.com", "file.example.com", "", func(s Settings) string { return s.Domain }},
		{keyClientID, "flag-client", "env-client", "file-client", "", func(s Settings) string { return s.ClientID }},
		{keyClientSecret, "flag-secret-0123456789", "env-secret-0123456789", "file-secret-0123456789", "", func(s Settings) string { return s.ClientSecret }},
		{keyAudience, "https://flag.example.com/api", "https://env.example.com/api", "https://file.example.com/api", "", func(s Settings) string { return s.Audience }},
		{keyRealm, "flag-connection", "env-connection", "file-connection", "", func(s Settings) string { return s.Realm }},
		{keyUsername, "flag@example.com", "", "file@example.com", "", func(s Settings) string { return s.Username }},
		{keyPollInterval, "7s", "8s", "9s", "5s", func(s Settings) string { return s.PollInterval.String() }},
		{keyTheme, "dark", "light", "dark", "auto", func(s Settings) string { return s.Theme }},
		{keyLang, "fr", "en", "fr", "en", func(s Settings) string { return s.Lang }},
		{keyRevealSecrets, "false", "", "true", "false", func(s Settings) string { return fmt.Sprint(s.RevealSecrets) }},
		{keyPlain, "false", "", "true", "false", func(s Settings) string { return fmt.Sprint(s.Plain) }},
		{keyInvertQR, "false", "", "true", "false", func(s Settings) string { return fmt.Sprint(s.InvertQR) }},
	}
	for _, c := range settings {
		o, _ := optionFor(c.key)
		layers := []struct {
			name        string
			flag, env   bool
			file        bool
			want        string
			wantKind    SourceKind
			wantSrcName string
		}{
			{"flag", true, true, true, c.flag, FromFlag, "--" + o.Flag()},
			{"env", false, true, true, c.env, FromEnv, o.Env},
			{"file", false, false, true, c.file, FromFile, c.key},
			{"default", false, false, false, c.def, FromDefault, ""},
		}
		for _, layer := range layers {
			if layer.env && c.env == "" && layer.name == "env" {
				continue // no environment variable for this setting
			}
			t.Run(c.key+"/"+layer.name, func(t *testing.T) {
				env := newEnv(t)
				values := map[string]string{keyDomain: "base.example.com", keyClientID: "base-client"}
				if layer.name == "default" && (c.key == keyDomain || c.key == keyClientID) {
					values = map[string]string{} // no tenant at all: the sandbox
				}
				delete(values, c.key)
				flags := Flags{}
				if layer.flag {
					flags[c.key] = c.flag
				}
				if layer.env && o.Env != "" {
					env[o.Env] = c.env
				}
				if layer.file {
					values[c.key] = c.file
				}
				env.writeConfig(t, profileTOML(values), 0o600)
				s, _ := mustLoad(t, flags, env)
				if got := c.get(s); got != layer.want {
					t.Errorf("%s = %q, want %q", c.key, got, layer.want)
				}
				src := s.SourceOf(c.key)
				if src.Kind != layer.wantKind || src.Name != layer.wantSrcName {
					t.Errorf("SourceOf(%s) = %+v, want kind %d name %q", c.key, src, layer.wantKind, layer.wantSrcName)
				}
			})
		}
	}
}

func TestFileSourceNamesProfileAndLine(t *testing.T) {
	env := newEnv(t)
	path := env.writeConfig(t, "[profiles.work]\ndomain = \"acme.eu.auth0.com\"\nclient_id = \"AbC123\"\n", 0o600)
	s, _ := mustLoad(t, nil, env)
	src := s.SourceOf(keyClientID)
	want := Source{Kind: FromFile, Name: keyClientID, File: path, Profile: "work", Line: 3}
	if src != want {
		t.Errorf("SourceOf(client_id) = %+v, want %+v", src, want)
	}
	mustContain(t, "Source.String", src.String(), path, "profile work", "key client_id", "line 3")
}

func TestProfileSelection(t *testing.T) {
	const file = `default_profile = "eu"

[profiles.eu]
domain = "acme-eu.eu.auth0.com"
client_id = "eu-client"

[profiles.us]
domain = "acme-us.us.auth0.com"
client_id = "us-client"
`
	cases := []struct {
		name       string
		flags      Flags
		env        []string
		want       string
		wantKind   SourceKind
		wantName   string
		wantClient string
	}{
		{"by flag", Flags{keyProfile: "us"}, []string{"MFAPUSH_PROFILE", "eu"}, "us", FromFlag, "--profile", "us-client"},
		{"by env", nil, []string{"MFAPUSH_PROFILE", "us"}, "us", FromEnv, "MFAPUSH_PROFILE", "us-client"},
		{"by default_profile", nil, nil, "eu", FromFile, keyDefaultProfile, "eu-client"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t, c.env...)
			env.writeConfig(t, file, 0o600)
			s, _ := mustLoad(t, c.flags, env)
			if s.Profile != c.want || s.ClientID != c.wantClient {
				t.Errorf("profile %q client %q, want %q %q", s.Profile, s.ClientID, c.want, c.wantClient)
			}
			if src := s.SourceOf(keyProfile); src.Kind != c.wantKind || src.Name != c.wantName {
				t.Errorf("SourceOf(profile) = %+v, want kind %d name %q", src, c.wantKind, c.wantName)
			}
			if strings.Join(s.Profiles, ",") != "eu,us" {
				t.Errorf("Profiles = %v, want [eu us] in file order", s.Profiles)
			}
		})
	}
}

func TestOnlyProfileIsUsed(t *testing.T) {
	env := newEnv(t)
	env.writeConfig(t, "[profiles.solo]\ndomain = \"solo.auth0.com\"\nclient_id = \"solo\"\n", 0o600)
	s, _ := mustLoad(t, nil, env)
	if s.Profile != "solo" || s.Domain != "solo.auth0.com" {
		t.Errorf("profile %q domain %q, want the only profile", s.Profile, s.Domain)
	}
}

func TestMissingProfile(t *testing.T) {
	const file = "[profiles.eu]\ndomain = \"a.auth0.com\"\nclient_id = \"x\"\n[profiles.us]\ndomain = \"b.auth0.com\"\nclient_id = \"y\"\n"
	cases := []struct {
		name  string
		flags Flags
		env   []string
		file  string
		want  []string
	}{
		{"flag", Flags{keyProfile: "asia"}, nil, file, []string{`no profile "asia"`, "set --profile to one of", `"eu", "us"`}},
		{"env", nil, []string{"MFAPUSH_PROFILE", "asia"}, file, []string{"env MFAPUSH_PROFILE", "set MFAPUSH_PROFILE to one of", `"eu", "us"`}},
		{"default_profile", nil, nil, "default_profile = \"asia\"\n" + file, []string{"key default_profile line 1", "set default_profile in", `"eu", "us"`}},
		{"no file", Flags{keyProfile: "asia"}, nil, "", []string{"no config file at", "[profiles.asia]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t, c.env...)
			if c.file != "" {
				env.writeConfig(t, c.file, 0o600)
			}
			_, problems := loadErrors(t, c.flags, env)
			mustContain(t, "error", findProblem(t, problems, keyProfile).Error(), c.want...)
		})
	}
}

func TestSeveralProfilesNoneSelected(t *testing.T) {
	env := newEnv(t)
	env.writeConfig(t, "[profiles.eu]\ndomain = \"a.auth0.com\"\nclient_id = \"x\"\n[profiles.us]\ndomain = \"b.auth0.com\"\nclient_id = \"y\"\n", 0o600)
	_, problems := loadErrors(t, nil, env)
	mustContain(t, "error", findProblem(t, problems, keyProfile).Error(), "several profiles", "--profile", "MFAPUSH_PROFILE", "default_profile")

	// With the tenant set in the environment, no profile is needed.
	env["AUTH0_DOMAIN"], env["AUTH0_CLIENT_ID"] = "c.auth0.com", "z"
	s, _ := mustLoad(t, nil, env)
	if s.Domain != "c.auth0.com" || s.Profile != "" {
		t.Errorf("domain %q profile %q", s.Domain, s.Profile)
	}
}

func TestSandboxDecision(t *testing.T) {
	t.Run("nothing set", func(t *testing.T) {
		s, warnings := mustLoad(t, nil, newEnv(t))
		if !s.UsesSandbox() {
			t.Fatal("UsesSandbox() = false with nothing set")
		}
		if s.PollInterval != DefaultSandboxPollInterval {
			t.Errorf("PollInterval = %v on the sandbox, want %v", s.PollInterval, DefaultSandboxPollInterval)
		}
		if len(warnings) != 0 {
			t.Errorf("warnings %v", warnings)
		}
	})
	t.Run("complete tenant", func(t *testing.T) {
		s, _ := mustLoad(t, nil, newEnv(t, "AUTH0_DOMAIN", "acme.auth0.com", "AUTH0_CLIENT_ID", "AbC123"))
		if s.UsesSandbox() || s.TenantURL == nil || s.TenantURL.String() != "https://acme.auth0.com" {
			t.Errorf("UsesSandbox %v TenantURL %v", s.UsesSandbox(), s.TenantURL)
		}
		if s.PollInterval != DefaultPollInterval {
			t.Errorf("PollInterval = %v against a tenant, want %v", s.PollInterval, DefaultPollInterval)
		}
	})
	partial := []struct {
		name    string
		flags   Flags
		env     []string
		missing []string
		wants   []string
	}{
		{"domain only", nil, []string{"AUTH0_DOMAIN", "acme.auth0.com"}, []string{keyClientID}, []string{"AUTH0_CLIENT_ID", "--client-id", "client_id", "env AUTH0_DOMAIN"}},
		{"client id only", Flags{keyClientID: "AbC123"}, nil, []string{keyDomain}, []string{"AUTH0_DOMAIN", "--domain", "flag --client-id"}},
		{"secret only", nil, []string{"AUTH0_CLIENT_SECRET", "s3cr3t-value-0123456789"}, []string{keyDomain, keyClientID}, []string{"AUTH0_DOMAIN", "AUTH0_CLIENT_ID"}},
	}
	for _, c := range partial {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t, c.env...)
			s, problems := loadErrors(t, c.flags, env)
			if s.UsesSandbox() {
				t.Error("UsesSandbox() = true for a partial tenant: that is a silent fallback")
			}
			var all []string
			for _, key := range c.missing {
				all = append(all, findProblem(t, problems, key).Error())
			}
			mustContain(t, "errors", strings.Join(all, "\n"), c.wants...)
			if strings.Contains(strings.Join(all, "\n"), "s3cr3t") {
				t.Error("an error shows the client secret")
			}
		})
	}
	t.Run("missing piece named with the profile", func(t *testing.T) {
		env := newEnv(t)
		path := env.writeConfig(t, "[profiles.eu]\ndomain = \"acme.auth0.com\"\n", 0o600)
		_, problems := loadErrors(t, nil, env)
		mustContain(t, "error", findProblem(t, problems, keyClientID).Error(), `add client_id to profile "eu" in `+path)
	})
	t.Run("realm alone warns", func(t *testing.T) {
		s, warnings := mustLoad(t, nil, newEnv(t, "AUTH0_REALM", "Username-Password-Authentication"))
		if !s.UsesSandbox() || len(warnings) != 1 || !strings.Contains(warnings[0].String(), "AUTH0_DOMAIN") {
			t.Errorf("UsesSandbox %v warnings %v", s.UsesSandbox(), warnings)
		}
	})
}

func TestConfigPath(t *testing.T) {
	env := newEnv(t)
	s, _ := mustLoad(t, nil, env)
	if s.File != env.configPath() || s.FileExists {
		t.Errorf("File %q exists %v, want %q missing", s.File, s.FileExists, env.configPath())
	}

	other := writeFile(t, t.TempDir()+"/other.toml", "[profiles.x]\nrealm = \"r\"\n", 0o600)
	s, _ = mustLoad(t, Flags{keyConfig: other}, env)
	if s.File != other || !s.FileExists || s.Realm != "r" || s.SourceOf(keyConfig).Kind != FromFlag {
		t.Errorf("File %q exists %v realm %q", s.File, s.FileExists, s.Realm)
	}

	home := writeFile(t, env["HOME"]+"/my.toml", "[profiles.x]\nrealm = \"h\"\n", 0o600)
	s, _ = mustLoad(t, Flags{keyConfig: "~/my.toml"}, env)
	if s.File != home || s.Realm != "h" {
		t.Errorf("--config ~/my.toml: File %q realm %q", s.File, s.Realm)
	}

	_, problems := loadErrors(t, Flags{keyConfig: env["HOME"] + "/nope.toml"}, env)
	mustContain(t, "error", findProblem(t, problems, keyConfig).Error(), "flag --config", "nope.toml")
}

func TestPollInterval(t *testing.T) {
	tenant := []string{"AUTH0_DOMAIN", "acme.auth0.com", "AUTH0_CLIENT_ID", "AbC123"}
	t.Run("capped", func(t *testing.T) {
		s, warnings := mustLoad(t, Flags{keyPollInterval: "90s"}, newEnv(t, tenant...))
		if s.PollInterval != MaxPollInterval {
			t.Errorf("PollInterval = %v, want %v", s.PollInterval, MaxPollInterval)
		}
		if len(warnings) != 1 || warnings[0].Setting != keyPollInterval || !strings.Contains(warnings[0].String(), "60s") {
			t.Errorf("warnings = %v, want one about the cap", warnings)
		}
	})
	t.Run("fast against a real tenant warns", func(t *testing.T) {
		_, warnings := mustLoad(t, Flags{keyPollInterval: "2s"}, newEnv(t, tenant...))
		if len(warnings) != 1 || !strings.Contains(warnings[0].String(), "5 seconds") {
			t.Errorf("warnings = %v", warnings)
		}
	})
	t.Run("fast on a loopback tenant is fine", func(t *testing.T) {
		_, warnings := mustLoad(t, Flags{keyPollInterval: "1s"}, newEnv(t, "AUTH0_DOMAIN", "http://127.0.0.1:8484", "AUTH0_CLIENT_ID", "sandbox-client"))
		if len(warnings) != 0 {
			t.Errorf("warnings = %v", warnings)
		}
	})
	for in, want := range map[string]string{
		"0s":    "not positive",
		"-5s":   "not positive",
		"5":     "has no unit",
		"soon":  "not a duration",
		"5 sec": "not a duration",
	} {
		t.Run(in, func(t *testing.T) {
			s, problems := loadErrors(t, nil, newEnv(t, append(tenant, "MFAPUSH_POLL_INTERVAL", in)...))
			mustContain(t, "error", findProblem(t, problems, keyPollInterval).Error(), want, "MFAPUSH_POLL_INTERVAL", `"5s"`)
			if s.PollInterval != DefaultPollInterval {
				t.Errorf("PollInterval = %v after a refused value, want the default", s.PollInterval)
			}
		})
	}
}
