package cli

import (
	"fmt"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/sandbox"
	"github.com/mfapush/mfapush/config"
)

// Sandbox client credentials (public demo values).
const (
	sandboxClientID     = "sandbox-client"
	sandboxClientSecret = "sandbox-secret"
)

// tenant is the tenant a run talks to: a real one, or the embedded sandbox.
type tenant struct {
	// client is the MFA application's; nil when only the helpdesk's is
	// configured (config.Settings.HelpdeskOnly).
	client   *auth0.Client
	domain   string          // the tenant's host, with or without client
	sandbox  *sandbox.Server // nil for a real tenant
	helpdesk []*auth0.Client // more clients on the same tenant (the helpdesk's)
}

func (t *tenant) Close() {
	for _, c := range t.helpdesk {
		c.CloseIdleConnections()
	}
	if t.client != nil {
		t.client.CloseIdleConnections()
	}
	if t.sandbox != nil {
		t.sandbox.Close()
	}
}

// openTenant connects to the configured tenant, or starts the embedded
// sandbox when nothing is configured. observer may be nil.
func openTenant(s config.Settings, observer auth0.Observer) (*tenant, error) {
	cfg := auth0.Config{Version: Version(), Observer: observer, RevealSecrets: s.RevealSecrets}
	t := &tenant{}
	if s.UsesSandbox() {
		// A demo should feel immediate: poll every second, and let the
		// sandbox accept that pace, its spacing and its rate limit.
		opts := sandbox.PollingOptions(s.PollInterval)
		// Bob's phone is named as the simulated phone names the ones it enrolls.
		opts.DemoDeviceName = fmt.Sprintf(catalogOf(s).Phone.DeviceName, "Bob")
		srv, err := sandbox.Start("", opts)
		if err != nil {
			return nil, fmt.Errorf(catalogOf(s).CLI.SandboxFailed, err)
		}
		t.sandbox = srv
		cfg.Domain, cfg.ClientID, cfg.ClientSecret, cfg.HTTPClient = srv.URL, sandboxClientID, sandboxClientSecret, srv.Client()
	} else {
		cfg.Domain, cfg.ClientID, cfg.ClientSecret = s.Domain, s.ClientID, s.ClientSecret
	}
	if !s.HasMFAApp() {
		// The helpdesk's commands open their own client (openHelpdesk);
		// the MFA flows refuse to start (refuseWithoutMFAApp).
		base, err := auth0.ParseDomain(s.Domain)
		if err != nil {
			return nil, err
		}
		t.domain = base.Host
		return t, nil
	}
	client, err := auth0.New(cfg)
	if err != nil {
		t.Close()
		return nil, err
	}
	t.client, t.domain = client, client.Domain()
	return t, nil
}
