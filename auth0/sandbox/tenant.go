package sandbox

import (
	"crypto/rand"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The tenant's fixed contents.
const (
	clientID     = "sandbox-client"
	clientSecret = "sandbox-secret"
	connection   = "Username-Password-Authentication"
	// socialConnection holds users who sign in with Google: no password.
	socialConnection = "google-oauth2"
	friendlyName     = "mfapush sandbox"
)

// Tenant is the sandbox's Auth0 tenant: an http.Handler for the
// Authentication API's token and MFA endpoints, the Guardian device
// endpoints and the sandbox control API. It is safe for concurrent use.
type Tenant struct {
	opts    Options
	signer  signer
	sealKey []byte
	mux     *http.ServeMux

	mu           sync.Mutex
	users        []*user
	usersByEmail map[string]*user
	usersByID    map[string]*user
	sessions     map[string]*mfaSession // by mfa_token
	enrollments  map[string]*enrollment // by ticket
	oobs         map[string]*oobTx      // by oob_code
	txs          map[string]*oobTx      // push challenges and CIBA requests by txtkn
	cibas        map[string]*oobTx      // CIBA requests by auth_req_id
	devices      map[string]*deviceAccount
	outbox       []*Notification          // pushes to devices the phone does not hold, oldest first
	polls        *buckets                 // by mfa_token: Auth0's "unique session"
	pushes       *buckets                 // by user id
	failures     *buckets                 // by user id
	associations *buckets                 // by user id
	phoneSends   *buckets                 // SMS and voice messages, by user id
	emailSends   *buckets                 // emails, by user id
	logins       map[string]*loginCounter // by user id and IP address
	lastSweep    time.Time
	phone        *Phone
	faults       *faultQueue
	hanging      atomic.Int64 // requests held by a hang fault

	life     sync.Mutex // guards closed and the Add of inflight
	closed   bool
	done     chan struct{} // closed by Close: hanging handlers and the sweeper stop
	inflight sync.WaitGroup
	sweeper  sync.WaitGroup // and the signing key in the making
}

// sweepEvery is how often state is swept: lazily on requests (tenant
// clock) and by a background ticker (wall clock, so that a manual clock
// shared with other code never sees the sandbox waiting on it).
const sweepEvery = 30 * time.Second

// NewTenant makes a tenant with the demo client, connection and users.
// Bob's device is enrolled by SeedDemoDevices (Start does it). Close stops
// its background sweeper.
func NewTenant(opts Options) (*Tenant, error) {
	opts.fill()
	opts.URL = strings.TrimRight(opts.URL, "/")
	t := &Tenant{
		opts:         opts,
		sealKey:      make([]byte, 32),
		usersByEmail: map[string]*user{},
		usersByID:    map[string]*user{},
		sessions:     map[string]*mfaSession{},
		enrollments:  map[string]*enrollment{},
		oobs:         map[string]*oobTx{},
		txs:          map[string]*oobTx{},
		cibas:        map[string]*oobTx{},
		devices:      map[string]*deviceAccount{},
		polls:        newBuckets(opts.PollsPerMinute, time.Minute),
		pushes:       newBuckets(opts.PushesPerMinute, time.Minute),
		failures:     newBuckets(opts.FailuresPerHour, time.Hour),
		associations: newBuckets(opts.AssociationsPerMinute, time.Minute),
		phoneSends:   newBuckets(opts.PhoneMessages, time.Duration(opts.PhoneMessages)*opts.PhoneMessageRefill),
		emailSends:   newBuckets(opts.EmailMessages, time.Duration(opts.EmailMessages)*opts.EmailMessageRefill),
		logins:       map[string]*loginCounter{},
		faults:       newFaultQueue(),
		done:         make(chan struct{}),
	}
	if opts.SigningKey != nil {
		t.signer = readySigner(opts.SigningKey)
	} else {
		t.signer = lazySigner(&t.sweeper)
	}
	rand.Read(t.sealKey)
	now := opts.Clock.Now()
	t.addUser("alice@example.com", "Alice", "alice-password", connection, now)
	t.addUser("bob@example.com", "Bob", "bob-password", connection, now)
	// Carol has two accounts with one email, as a person who once signed
	// up with a password and once with Google does: a helpdesk looking her
	// up by email must choose.
	t.addUser("carol@example.com", "Carol", "carol-password", connection, now).helpdeskOnly = true
	t.addUser("carol@example.com", "Carol", "", socialConnection, now).helpdeskOnly = true
	t.mux = t.routes()
	t.sweeper.Add(1)
	go t.sweepLoop()
	return t, nil
}

func (t *Tenant) addUser(email, name, password, conn string, now time.Time) *user {
	id := "auth0|" + randomString(24, "0123456789abcdef")
	if conn != connection {
		id = conn + "|" + randomString(21, "0123456789")
	}
	u := &user{id: id, email: email, name: name, password: password, connection: conn, created: now}
	t.users = append(t.users, u)
	if password != "" {
		t.usersByEmail[email] = u // who signs in with a password
	}
	t.usersByID[u.id] = u
	return u
}

// Close stops the sweeper, releases hanging requests and waits for the
// requests in flight. The tenant answers 503 afterwards.
func (t *Tenant) Close() error {
	t.markClosed()
	t.inflight.Wait()
	t.sweeper.Wait()
	return nil
}

// markClosed refuses new requests and releases hanging ones.
func (t *Tenant) markClosed() {
	t.life.Lock()
	defer t.life.Unlock()
	if !t.closed {
		t.closed = true
		close(t.done)
	}
}

func (t *Tenant) enter() bool {
	t.life.Lock()
	defer t.life.Unlock()
	if t.closed {
		return false
	}
	t.inflight.Add(1)
	return true
}

// ServeHTTP logs the request, refuses it if it comes from a web page,
// applies a pending fault, then routes it.
func (t *Tenant) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !t.enter() {
		writeError(w, newError(http.StatusServiceUnavailable, "temporarily_unavailable", "The sandbox is shutting down"))
		return
	}
	defer t.inflight.Done()
	rec := &recorder{ResponseWriter: w}
	entry := &RequestRecord{Time: t.opts.Clock.Now(), Method: r.Method, Path: r.URL.Path}
	r = withRecord(r, entry)
	if t.opts.RequestLog != nil {
		defer func() {
			entry.Status = rec.status
			if rec.hijacked {
				entry.Status = 0
			}
			t.opts.RequestLog(*entry)
		}()
	}
	if code, desc := t.refusal(r); code != "" {
		refuse(rec, r, code, desc)
		return
	}
	t.maybeSweep()
	if f, ok := t.faults.next(r.URL.Path); ok {
		entry.Fault = f.Kind
		t.serveFault(rec, r, f)
		return
	}
	t.mux.ServeHTTP(rec, r)
}

// baseURL is the tenant's public URL: the configured one, else the one
// the request came to.
func (t *Tenant) baseURL(r *http.Request) string {
	if t.opts.URL != "" {
		return t.opts.URL
	}
	return scheme(r) + "://" + r.Host
}

func (t *Tenant) now() time.Time { return t.opts.Clock.Now() }

// session finds the mfa_token's session. The caller holds t.mu.
func (t *Tenant) session(token string, now time.Time) (*mfaSession, *apiError) {
	// A token the tenant holds was sealed by it: its MAC needs no check,
	// only its expiry, and every poll asks (under the lock).
	if sess := t.sessions[token]; sess != nil {
		if !now.Before(sealedExpiry(sess.expires)) {
			return nil, errExpiredMFAToken
		}
		return sess, nil
	}
	switch t.unseal("mfa_token", token, now) {
	case sealMalformed:
		return nil, errMalformedMFAToken
	case sealExpired:
		return nil, errExpiredMFAToken
	}
	sess := t.sessions[token]
	if sess == nil {
		return nil, errMalformedMFAToken
	}
	return sess, nil
}

// newSession issues an mfa_token. The caller holds t.mu.
func (t *Tenant) newSession(u *user, audience, scope string, now time.Time) string {
	expires := now.Add(t.opts.MFATokenLifetime)
	token := t.seal("mfa_token", expires)
	t.sessions[token] = &mfaSession{user: u, audience: audience, scope: scope, expires: expires}
	return token
}

func (t *Tenant) connectedPhone() *Phone {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.phone
}

// ConnectPhone makes p the phone that receives this tenant's pushes and
// enrollment QR codes (the sandbox's stand-in for APNs and FCM).
func (t *Tenant) ConnectPhone(p *Phone) {
	p.connect(tenantLink{ticketExpired: t.ticketExpired})
	t.mu.Lock()
	t.phone = p
	t.mu.Unlock()
	p.setUserLookup(t.userIDByEmail)
}

// userIDByEmail is the id of the user with that email, "" if none.
func (t *Tenant) userIDByEmail(email string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if u := t.usersByEmail[strings.ToLower(email)]; u != nil {
		return u.id
	}
	return ""
}
