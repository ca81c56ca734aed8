package sandbox

import (
	"crypto/rsa"
	"time"

	"github.com/mfapush/mfapush/internal/clock"
)

// Options configure a tenant. Zero fields take the defaults named on each,
// except MinPollInterval, AutoApprove and AutoScan, where zero means off.
type Options struct {
	Clock clock.Clock // default clock.Real

	// MinPollInterval is the spacing below which a poll of the same oob_code
	// gets slow_down (the first poll never does). Zero turns slow_down off;
	// DefaultOptions and the sandbox command use 5 s, an assumed figure:
	// Auth0 documents slow_down but not its threshold, and 5 s spreads its
	// documented 12 polls a minute evenly.
	MinPollInterval time.Duration

	// MFATokenLifetime defaults to 5 minutes, an assumed figure: Auth0 does
	// not publish the mfa_token's lifetime, and its pages say 5 or 10.
	MFATokenLifetime             time.Duration
	EnrollmentTicketLifetime     time.Duration // default 5m
	MFAAccessTokenLifetime       time.Duration // audience <tenant>/mfa/; default 600s
	AccessTokenLifetime          time.Duration // other audiences; default 86400s
	PendingAuthenticatorLifetime time.Duration // unconfirmed authenticators; default 24h

	PollsPerMinute  int // mfa-oob polls per sign-in (mfa_token), all its oob_codes together; default 12
	PushesPerMinute int // push challenges per user; default 5
	FailuresPerHour int // OTP, binding-code and recovery-code failures per user; default 10

	// CodeLifetime is how long a code sent by SMS, voice call or email
	// works (with its oob_code); default 5 minutes, as Auth0's docs say.
	CodeLifetime time.Duration

	// PhoneMessages is how many SMS and voice messages a user can be sent
	// in a burst, and PhoneMessageRefill how often one more is allowed
	// after that: Auth0's 10, then one an hour. SMS and voice share it.
	PhoneMessages      int
	PhoneMessageRefill time.Duration
	// EmailMessages and EmailMessageRefill are the same for email:
	// Auth0's 20, then one a minute.
	EmailMessages      int
	EmailMessageRefill time.Duration

	// AssociationsPerMinute limits /mfa/associate per user; default 10.
	// Auth0 publishes no figure for it: this one is assumed, generous for
	// a person asking for a new QR code, and it stops a flood.
	AssociationsPerMinute int

	// LoginAttempts is how many wrong passwords in a row, for one user from
	// one IP address, block that user's sign-ins from that address: Auth0's
	// brute-force protection, whose default is 10. A right password resets
	// the count.
	LoginAttempts int
	// LoginBlock is how long such a block lasts; default 15 minutes. Auth0
	// keeps it until the user follows the link in the email it sends,
	// changes the password, or an administrator lifts it; the sandbox sends
	// no email and has no administrator, so its block ends after this
	// (an assumed figure), or when the sandbox restarts.
	LoginBlock time.Duration

	// RejectWithInvalidGrant answers a rejected push with invalid_grant, as
	// Auth0's docs say, instead of access_denied, as a real capture shows.
	RejectWithInvalidGrant bool

	AutoApprove time.Duration // the phone approves every push after this delay
	AutoScan    time.Duration // the phone scans every push enrollment QR after this delay

	TLS bool // Start serves https with a CA made at start (Server.CAFile)

	// DemoDeviceName names bob's seeded push device; default "Bob's phone".
	// The command line names it in the user's language, as the simulated
	// phone names the devices it enrolls.
	DemoDeviceName string

	// URL is the tenant's public URL (issuer, audiences, barcode base_url).
	// Start sets it; a bare Tenant derives it from each request.
	URL string

	SlowFaultDelay time.Duration       // how long the "slow" fault waits; default 3s
	RequestLog     func(RequestRecord) // called after every request; must be safe for concurrent use

	// SigningKey signs the tenant's tokens. Default: one RSA-2048 key made
	// once per process and shared, since making one is slow, in the
	// background from the first password sign-in on.
	SigningKey *rsa.PrivateKey
	// PhoneKeys gives the phone a key for each device it enrolls. Default: a
	// new RSA-2048 key each time, as a real phone does. Tests pass a source
	// of ready keys to stay fast. Bob's demo device, which Start enrolls,
	// has a fixed key.
	PhoneKeys func() (*rsa.PrivateKey, error)

	sweepEvery  time.Duration // the background sweep's wall-clock period; tests shorten it
	readTimeout time.Duration // how long a whole request may take to arrive; tests shorten it
}

// RequestRecord is one request as the request log sees it. Fields holds the
// names of the body's fields, never their values.
type RequestRecord struct {
	Time   time.Time
	Method string
	Path   string
	Status int    // 0 when the connection was reset
	Fault  string // the fault kind applied, if any
	Fields []string
}

// DefaultOptions are Auth0's numbers, with slow_down at 5 s (assumed).
func DefaultOptions() Options {
	o := Options{MinPollInterval: 5 * time.Second}
	o.fill()
	return o
}

// PollingOptions are DefaultOptions for clients that poll every interval,
// as mfapush's embedded sandbox is: slow_down below interval, and a rate
// limit such a client never reaches. Auth0's 12 polls a minute match a
// 5 s spacing; with a shorter spacing that limit answered 429 after twenty
// seconds of waiting, and the next polls came seconds late.
func PollingOptions(interval time.Duration) Options {
	o := DefaultOptions()
	o.MinPollInterval = max(interval, 0)
	if interval > 0 {
		o.PollsPerMinute = max(o.PollsPerMinute, int((time.Minute+interval-1)/interval))
	}
	return o
}

func (o *Options) fill() {
	if o.Clock == nil {
		o.Clock = clock.Real
	}
	setDuration(&o.MFATokenLifetime, 5*time.Minute)
	setDuration(&o.EnrollmentTicketLifetime, 5*time.Minute)
	setDuration(&o.MFAAccessTokenLifetime, 600*time.Second)
	setDuration(&o.AccessTokenLifetime, 86400*time.Second)
	setDuration(&o.PendingAuthenticatorLifetime, 24*time.Hour)
	setDuration(&o.SlowFaultDelay, 3*time.Second)
	setDuration(&o.sweepEvery, sweepEvery)
	setDuration(&o.readTimeout, readTimeout)
	setInt(&o.PollsPerMinute, 12)
	setInt(&o.PushesPerMinute, 5)
	setInt(&o.FailuresPerHour, 10)
	setInt(&o.AssociationsPerMinute, 10)
	setDuration(&o.CodeLifetime, 5*time.Minute)
	setInt(&o.PhoneMessages, 10)
	setDuration(&o.PhoneMessageRefill, time.Hour)
	setInt(&o.EmailMessages, 20)
	setDuration(&o.EmailMessageRefill, time.Minute)
	setInt(&o.LoginAttempts, 10)
	setDuration(&o.LoginBlock, 15*time.Minute)
	if o.DemoDeviceName == "" {
		o.DemoDeviceName = "Bob's phone"
	}
	if o.MinPollInterval < 0 {
		o.MinPollInterval = 0
	}
}

func setDuration(d *time.Duration, def time.Duration) {
	if *d <= 0 {
		*d = def
	}
}

func setInt(n *int, def int) {
	if *n <= 0 {
		*n = def
	}
}
