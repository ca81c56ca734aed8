package config

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mfapush/mfapush/internal/i18n"
)

const helpdeskSecret = "hd-0123456789abcdefghijklmnopqrstuvwxyz"

func TestHelpdeskApplicationFromTheEnvironment(t *testing.T) {
	env := newEnv(t, "AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "mfa-app",
		"AUTH0_HELPDESK_CLIENT_ID", "hd-app", "AUTH0_HELPDESK_CLIENT_SECRET", helpdeskSecret)
	s, _ := mustLoad(t, nil, env)
	if s.HelpdeskClientID != "hd-app" || s.HelpdeskClientSecret != helpdeskSecret || s.SourceOf(keyHelpdeskClientID).Name != "AUTH0_HELPDESK_CLIENT_ID" {
		t.Errorf("settings %+v", s)
	}
	lines := Describe(s, i18n.For(i18n.English))
	var shown string
	for _, l := range lines {
		shown += l.Label + "=" + l.Value + "\n"
	}
	mustContain(t, "config", shown, "Helpdesk client ID=hd-app")
	if strings.Contains(shown, helpdeskSecret) {
		t.Errorf("the helpdesk secret is shown:\n%s", shown)
	}
}

func TestAProfileHoldsBothApplications(t *testing.T) {
	env := newEnv(t)
	writeFile(t, filepath.Join(filepath.Dir(env.configPath()), "hd.secret"), helpdeskSecret+"\n", 0o600)
	env.writeConfig(t, `[profiles.eu]
domain = "acme.eu.auth0.com"
client_id = "mfa-app"
helpdesk_client_id = "hd-app"
helpdesk_client_secret_file = "hd.secret"
`, 0o600)
	s, _ := mustLoad(t, nil, env)
	if s.ClientID != "mfa-app" || s.HelpdeskClientID != "hd-app" || s.HelpdeskClientSecret != helpdeskSecret || s.SourceOf(keyHelpdeskSecret).Name != keyHelpdeskSecretFile {
		t.Errorf("settings %+v", s)
	}
}

func TestHalfAHelpdeskApplicationIsRefusedInBothLanguages(t *testing.T) {
	env := newEnv(t, "AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "mfa-app", "AUTH0_HELPDESK_CLIENT_ID", "hd-app")
	_, problems := loadErrors(t, nil, env)
	p := findProblem(t, problems, keyHelpdeskSecret)
	mustContain(t, "English", p.Text(i18n.For(i18n.English)), "no client secret", "AUTH0_HELPDESK_CLIENT_SECRET", "helpdesk_client_secret")
	mustContain(t, "French", p.Text(i18n.For(i18n.French)), "pas de Client Secret", "AUTH0_HELPDESK_CLIENT_SECRET")

	env = newEnv(t, "AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "mfa-app", "AUTH0_HELPDESK_CLIENT_SECRET", helpdeskSecret)
	_, problems = loadErrors(t, nil, env)
	p = findProblem(t, problems, keyHelpdeskClientID)
	mustContain(t, "English", p.Text(i18n.For(i18n.English)), "no client ID", "AUTH0_HELPDESK_CLIENT_ID")
	if strings.Contains(p.Text(i18n.For(i18n.English)), helpdeskSecret) {
		t.Error("the message shows the secret")
	}
}

func TestHelpdeskSecretsFollowTheMFASecretsRules(t *testing.T) {
	env := newEnv(t)
	env.writeConfig(t, `[profiles.eu]
domain = "acme.eu.auth0.com"
client_id = "mfa-app"
helpdesk_client_id = "hd-app"
helpdesk_client_secret = "`+helpdeskSecret+`"
helpdesk_client_secret_env = "HD_SECRET"
`, 0o644)
	_, problems := loadErrors(t, nil, env)
	var both, readable bool
	for _, p := range problems {
		text := p.Text(i18n.For(i18n.English))
		both = both || strings.Contains(text, "helpdesk_client_secret and helpdesk_client_secret_env")
		readable = readable || (p.Setting == keyHelpdeskSecret && strings.Contains(text, "chmod 600"))
		if strings.Contains(text, helpdeskSecret) {
			t.Errorf("a problem shows the secret: %s", text)
		}
	}
	if !both || !readable {
		t.Errorf("want the two ways in and the readable file refused: %v", problems)
	}
	_, problems = loadErrors(t, Flags{keyHelpdeskClientID: "{yourClientId}"}, newEnv(t, "AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "mfa-app", "AUTH0_HELPDESK_CLIENT_SECRET", helpdeskSecret))
	mustContain(t, "placeholder", findProblem(t, problems, keyHelpdeskClientID).Text(i18n.For(i18n.French)), "machine à machine du support")
}

// The domain and the helpdesk's application alone are a setup for the
// helpdesk's commands, not half a tenant; an MFA flow is told what to set.
func TestTheHelpdeskApplicationAloneIsAValidSetup(t *testing.T) {
	env := newEnv(t, "AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_HELPDESK_CLIENT_ID", "hd-app", "AUTH0_HELPDESK_CLIENT_SECRET", helpdeskSecret)
	s, _ := mustLoad(t, nil, env)
	if !s.HelpdeskOnly() || s.HasMFAApp() || s.UsesSandbox() {
		t.Fatalf("helpdesk only %v, MFA app %v, sandbox %v", s.HelpdeskOnly(), s.HasMFAApp(), s.UsesSandbox())
	}
	p := s.MissingMFAApp()
	if p == nil {
		t.Fatal("no problem for an MFA flow")
	}
	mustContain(t, "English", p.Text(i18n.For(i18n.English)), "client_id", "AUTH0_CLIENT_ID", "--client-id", "helpdesk's commands work")
	mustContain(t, "French", p.Text(i18n.For(i18n.French)), "AUTH0_CLIENT_ID", "application MFA")
	var shown string
	for _, l := range Describe(s, i18n.For(i18n.English)) {
		shown += l.Label + "=" + l.Value + "\n"
	}
	mustContain(t, "config", shown, "Client ID=(not set: no MFA application", "Client secret=(not set)")

	// A secret of the MFA application without its client ID is still a mistake.
	env["AUTH0_CLIENT_SECRET"] = "mfa-0123456789abcdefghijklmnop"
	_, problems := loadErrors(t, nil, env)
	mustContain(t, "half", findProblem(t, problems, keyClientID).Text(i18n.For(i18n.English)), "half configured")

	// With the MFA application too, nothing is missing.
	delete(env, "AUTH0_CLIENT_SECRET")
	env["AUTH0_CLIENT_ID"] = "mfa-app"
	if s, _ = mustLoad(t, nil, env); s.HelpdeskOnly() || s.MissingMFAApp() != nil {
		t.Errorf("with client_id: helpdesk only %v", s.HelpdeskOnly())
	}
}
