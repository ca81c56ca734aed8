package sandbox

import "time"

// expiredGrace is how long expired tickets and challenges are remembered,
// so that a late use is told "expired" rather than "unknown".
const expiredGrace = 10 * time.Minute

// Stats counts what the tenant remembers; expired state leaves it.
type Stats struct {
	MFATokens             int
	Enrollments           int // tickets, pending or remembered
	OOBCodes              int // enrollment confirmations and push challenges
	CIBARequests          int
	PendingAuthenticators int
	RateBuckets           int
	LoginCounters         int // wrong-password counts and blocks, by user and address
}

// Stats counts what the tenant remembers now. Expired state goes at the
// next request or the next background sweep.
func (t *Tenant) Stats() Stats {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := Stats{
		MFATokens:     len(t.sessions),
		Enrollments:   len(t.enrollments),
		OOBCodes:      len(t.oobs),
		CIBARequests:  len(t.cibas),
		RateBuckets:   len(t.polls.m) + len(t.pushes.m) + len(t.failures.m) + len(t.associations.m) + len(t.phoneSends.m) + len(t.emailSends.m),
		LoginCounters: len(t.logins),
	}
	for _, u := range t.users {
		for _, a := range u.auths {
			if !a.active {
				s.PendingAuthenticators++
			}
		}
	}
	return s
}

// maybeSweep sweeps when the tenant clock has moved on since the last sweep.
func (t *Tenant) maybeSweep() {
	t.mu.Lock()
	now := t.now()
	due := now.Sub(t.lastSweep) >= sweepEvery || now.Before(t.lastSweep)
	if due {
		t.sweepLocked(now)
	}
	phone := t.phone
	t.mu.Unlock()
	if due && phone != nil {
		phone.expire() // on the tenant's clock, which a test may have moved
	}
}

func (t *Tenant) sweepLoop() {
	defer t.sweeper.Done()
	tick := time.NewTicker(t.opts.sweepEvery)
	defer tick.Stop()
	for {
		select {
		case <-t.done:
			return
		case <-tick.C:
			t.mu.Lock()
			t.sweepLocked(t.now())
			phone := t.phone
			t.mu.Unlock()
			if phone != nil {
				phone.expire()
			}
		}
	}
}

func (t *Tenant) sweepLocked(now time.Time) {
	t.lastSweep = now
	for token, s := range t.sessions {
		if !now.Before(s.expires) {
			delete(t.sessions, token)
		}
	}
	for ticket, e := range t.enrollments {
		if now.After(e.expires.Add(expiredGrace)) {
			delete(t.enrollments, ticket)
		}
	}
	for code, tx := range t.oobs {
		if now.After(tx.expires.Add(expiredGrace)) {
			t.forgetOOB(tx)
			delete(t.oobs, code)
		}
	}
	for id, tx := range t.cibas {
		if now.After(tx.expires.Add(expiredGrace)) {
			delete(t.cibas, id)
			delete(t.txs, tx.txToken)
		}
	}
	for _, u := range t.users {
		kept := u.auths[:0]
		for _, a := range u.auths {
			if a.active || now.Sub(a.created) < t.opts.PendingAuthenticatorLifetime {
				kept = append(kept, a)
			}
		}
		clear(u.auths[len(kept):])
		u.auths = kept
		u.recount()
	}
	t.pruneOutboxLocked(now)
	t.polls.sweep(now)
	t.pushes.sweep(now)
	t.failures.sweep(now)
	t.associations.sweep(now)
	t.phoneSends.sweep(now)
	t.emailSends.sweep(now)
	t.sweepLoginsLocked(now)
}

func (t *Tenant) forgetOOB(tx *oobTx) {
	delete(t.oobs, tx.code)
	if tx.txToken != "" {
		delete(t.txs, tx.txToken)
	}
}
