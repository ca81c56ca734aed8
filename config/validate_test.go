package config

import (
	"strings"
	"testing"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// TestValidationMessages checks that every refusal names where the value
// came from and says what to set instead.
func TestValidationMessages(t *testing.T) {
	tenant := []string{"AUTH0_DOMAIN", "acme.auth0.com", "AUTH0_CLIENT_ID", "AbC123"}
	cases := []struct {
		name    string
		env     []string
		flags   Flags
		profile string
		setting string
		wants   []string
	}{
		{"domain placeholder", []string{"AUTH0_DOMAIN", "{yourDomain}", "AUTH0_CLIENT_ID", "AbC123"}, nil, "", keyDomain, []string{"env AUTH0_DOMAIN", "placeholder", "your tenant's domain"}},
		{"domain with a path", nil, Flags{keyDomain: "acme.auth0.com/oauth/token", keyClientID: "AbC123"}, "", keyDomain, []string{"flag --domain", "path", "set just the host"}},
		{"domain over http", nil, nil, "domain = \"http://acme.auth0.com\"\nclient_id = \"AbC123\"\n", keyDomain, []string{"profile p key domain line 3", "http:// is allowed only", "https://acme.auth0.com"}},
		{"domain port", nil, Flags{keyDomain: "acme.auth0.com:123456", keyClientID: "AbC123"}, "", keyDomain, []string{"port", "set --domain to your tenant's domain"}},
		{"client id placeholder", []string{"AUTH0_DOMAIN", "acme.auth0.com", "AUTH0_CLIENT_ID", "YOUR_CLIENT_ID"}, nil, "", keyClientID, []string{`"YOUR_CLIENT_ID" is a placeholder`, "set AUTH0_CLIENT_ID to your application's Client ID"}},
		{"client id in braces", nil, Flags{keyDomain: "acme.auth0.com", keyClientID: "{yourClientId}"}, "", keyClientID, []string{"placeholder", "set --client-id to"}},
		{"client id camel placeholder", nil, nil, "domain = \"acme.auth0.com\"\nclient_id = \"yourClientId\"\n", keyClientID, []string{"placeholder", `set client_id in profile "p" of`}},
		{"client id with a space", append(tenant[:2:2], "AUTH0_CLIENT_ID", "AbC 123"), nil, "", keyClientID, []string{"contains spaces", "AUTH0_CLIENT_ID"}},
		{"audience placeholder", append(tenant, "AUTH0_AUDIENCE", "https://{yourDomain}/api/v2/"), nil, "", keyAudience, []string{"placeholder", "set AUTH0_AUDIENCE to your API's Identifier"}},
		{"realm placeholder", append(tenant, "AUTH0_REALM", "YOUR_CONNECTION"), nil, "", keyRealm, []string{"placeholder", "set AUTH0_REALM to the name of a database connection"}},
		{"theme", append(tenant, "MFAPUSH_THEME", "solarized"), nil, "", keyTheme, []string{`"solarized" is not a theme`, "set MFAPUSH_THEME to auto, light or dark"}},
		{"lang", tenant, Flags{keyLang: "de"}, "", keyLang, []string{`"de" is not a language`, "set --lang to en or fr"}},
		{"switch", tenant, Flags{keyPlain: "maybe"}, "", keyPlain, []string{"set --plain to true or false"}},
		{"duration", tenant, nil, "poll_interval = \"fast\"\n", keyPollInterval, []string{"not a duration", `set poll_interval in profile "p" of`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newEnv(t, c.env...)
			env.writeConfig(t, "default_profile = \"p\"\n[profiles.p]\n"+c.profile, 0o600)
			_, problems := loadErrors(t, c.flags, env)
			p := findProblem(t, problems, c.setting)
			mustContain(t, "error", p.Error(), c.wants...)
			if !strings.Contains(p.Error(), "set ") && !strings.Contains(p.Error(), "replace it") && !strings.Contains(p.Error(), "use https://") {
				t.Errorf("error %q does not say what to set", p.Error())
			}
		})
	}
}

func TestAllProblemsAreCollected(t *testing.T) {
	env := newEnv(t, "AUTH0_DOMAIN", "{yourDomain}", "AUTH0_CLIENT_ID", "YOUR_CLIENT_ID", "MFAPUSH_THEME", "neon", "MFAPUSH_LANG", "xx")
	_, problems := loadErrors(t, Flags{keyPollInterval: "-1s"}, env)
	for _, setting := range []string{keyDomain, keyClientID, keyTheme, keyLang, keyPollInterval} {
		findProblem(t, problems, setting)
	}
}

func TestRefusedValueFallsBackToDefault(t *testing.T) {
	env := newEnv(t, "MFAPUSH_THEME", "neon", "LANG", "fr_FR.UTF-8", "MFAPUSH_LANG", "xx")
	s, _, _ := Load(nil, env.get)
	if s.Theme != ThemeAuto || s.SourceOf(keyTheme).Kind != FromDefault {
		t.Errorf("theme %q from %+v, want the default", s.Theme, s.SourceOf(keyTheme))
	}
	if s.Lang != LangFrench || s.SourceOf(keyLang).Name != "LANG" {
		t.Errorf("lang %q from %+v, want fr from LANG", s.Lang, s.SourceOf(keyLang))
	}
}

func TestLangDetection(t *testing.T) {
	cases := []struct {
		env      []string
		want     string
		wantFrom string
	}{
		{[]string{"LANG", "fr_FR.UTF-8"}, LangFrench, "LANG"},
		{[]string{"LANG", "C"}, LangEnglish, "LANG"},
		{[]string{"LANG", "en_GB.UTF-8"}, LangEnglish, "LANG"},
		{[]string{"LANG", "de_DE.UTF-8"}, LangEnglish, "LANG"},
		{[]string{"LC_MESSAGES", "fr_CA.UTF-8", "LANG", "en_US.UTF-8"}, LangFrench, "LC_MESSAGES"},
		{[]string{"LC_ALL", "C", "LC_MESSAGES", "fr_FR.UTF-8", "LANG", "fr_FR.UTF-8"}, LangEnglish, "LC_ALL"},
		{[]string{"LC_ALL", "fr_BE@euro", "LANG", "C"}, LangFrench, "LC_ALL"},
		{[]string{"LANG", "fr_FR.UTF-8", "MFAPUSH_LANG", "en"}, LangEnglish, "MFAPUSH_LANG"},
		{[]string{"MFAPUSH_LANG", "FR"}, LangFrench, "MFAPUSH_LANG"},
		{[]string{"MFAPUSH_LANG", "fr-CA"}, LangFrench, "MFAPUSH_LANG"},
		{nil, LangEnglish, ""},
	}
	for _, c := range cases {
		s, _ := mustLoad(t, nil, newEnv(t, c.env...))
		if s.Lang != c.want || s.SourceOf(keyLang).Name != c.wantFrom {
			t.Errorf("env %v: lang %q from %q, want %q from %q", c.env, s.Lang, s.SourceOf(keyLang).Name, c.want, c.wantFrom)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	for _, v := range []string{"{yourClientId}", "<client_id>", "YOUR_CLIENT_ID", "your-client-id", "yourClientSecret", "xxxxxxxx", "********", "client_id", "test-client_secret", "CHANGEME"} {
		if !looksLikePlaceholder(v) {
			t.Errorf("looksLikePlaceholder(%q) = false", v)
		}
	}
	for _, v := range []string{"sandbox-client", "sandbox-secret", "AbC123", "Username-Password-Authentication", "yourcompany-users", "https://acme.auth0.com/mfa/", "alice@example.com"} {
		if looksLikePlaceholder(v) {
			t.Errorf("looksLikePlaceholder(%q) = true", v)
		}
	}
}

// TestPollIntervalFloor: against a real tenant a poll interval under 1 s is
// refused, with the floor and the reason (Auth0 answers 12 mfa-oob polls a
// minute); the sandbox may poll faster, down to its own floor.
func TestPollIntervalFloor(t *testing.T) {
	tenant := []string{"AUTH0_DOMAIN", "acme.auth0.com", "AUTH0_CLIENT_ID", "AbC123"}
	for _, v := range []string{"1ns", "1ms", "999ms"} {
		_, warnings, err := Load(Flags{keyPollInterval: v}, newEnv(t, tenant...).get)
		if len(warnings) > 0 {
			t.Errorf("%s: warnings %v beside the refusal", v, warnings)
		}
		problems := Problems(err)
		p := findProblem(t, problems, keyPollInterval)
		mustContain(t, "error", p.Error(), `"`+v+`" is under 1s`, "12 polls a minute", "set --poll-interval to 1s or more")
		mustContain(t, "French error", p.Text(i18n.For(i18n.French)), `"`+v+`" est en dessous de 1s`, "12 interrogations par minute", "--poll-interval")
	}
	for _, ok := range []string{"1s", "1.5s"} {
		if s, _, err := Load(Flags{keyPollInterval: ok}, newEnv(t, tenant...).get); err != nil || s.PollInterval.String() != ok {
			t.Errorf("%s against a tenant: %v %v", ok, s.PollInterval, err)
		}
	}
	// The sandbox, embedded or on loopback, may poll faster, down to 10ms.
	for _, env := range [][]string{nil, {"AUTH0_DOMAIN", "http://127.0.0.1:8484", "AUTH0_CLIENT_ID", "sandbox-client"}} {
		if s, _, err := Load(Flags{keyPollInterval: "20ms"}, newEnv(t, env...).get); err != nil || s.PollInterval != 20*time.Millisecond {
			t.Errorf("20ms on the sandbox %v: %v %v", env, s.PollInterval, err)
		}
		_, problems := loadErrors(t, Flags{keyPollInterval: "1ns"}, newEnv(t, env...))
		mustContain(t, "error", findProblem(t, problems, keyPollInterval).Error(), `"1ns" is under 10ms`, "set --poll-interval to 10ms or more")
	}
}
