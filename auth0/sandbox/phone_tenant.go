package sandbox

import (
	"slices"
)

// tenantLink is what the simulated phone may ask of its tenant beyond the
// Guardian endpoints: the tenant's own records, where Auth0's answer is
// the same for cases the phone's user should hear apart.
type tenantLink struct {
	// ticketExpired reports whether an enrollment ticket was issued and
	// has expired (Auth0 answers it as an unknown one).
	ticketExpired func(ticket string) bool
}

func (p *Phone) connect(l tenantLink) {
	p.mu.Lock()
	p.tenant = l
	p.mu.Unlock()
}

func (p *Phone) tenantRecord() tenantLink {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.tenant
}

// ticketExpired: see tenantLink. An expired ticket is remembered for a
// while (expiredGrace), then it is unknown.
func (t *Tenant) ticketExpired(ticket string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	en := t.enrollments[ticket]
	return en != nil && !en.used && slices.Contains(en.user.auths, en.primary) && !t.now().Before(en.expires)
}
