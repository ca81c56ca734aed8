package sandbox

import (
	"crypto"
	"time"
)

// The tenant's state. Every field below is guarded by Tenant.mu.

type user struct {
	id         string
	email      string
	name       string
	password   string // "" for a user of a social connection
	connection string
	created    time.Time
	lastLogin  time.Time // zero until the user's first sign-in
	lastIP     string
	logins     int
	// helpdeskOnly marks the users the helpdesk demo needs (carol's two
	// accounts), left off the sign-in card so that it stays short.
	helpdeskOnly bool
	auths        []*authenticator // in creation order, pending ones included

	// Counts of active authenticators, kept by recount: a user may have
	// thousands of pending ones, and these are asked on every enrollment.
	activeAll     int
	activeFactors int     // every kind but recovery codes
	activeKinds   kindSet // the kinds of the active ones
}

// recount refreshes the active counts after authenticators were
// activated or removed.
func (u *user) recount() {
	u.activeAll, u.activeFactors, u.activeKinds = 0, 0, 0
	for _, a := range u.auths {
		if a.active {
			u.activeAll++
			u.activeKinds |= 1 << a.kind
			if a.kind != kindRecovery {
				u.activeFactors++
			}
		}
	}
}

type authKind int

const (
	kindPush authKind = iota
	kindTOTP
	kindRecovery
	kindSMS   // a phone number reached by text message
	kindVoice // the same number reached by voice call: the SMS's twin
	kindEmail
)

// kindSet holds authKinds, one bit each.
type kindSet uint8

// kindOrder is the order a user's factors are listed in, and kindNames
// their names in the MFA API's words (the authenticator kinds mfapush's
// auth0 package names).
var (
	kindOrder = []authKind{kindPush, kindTOTP, kindSMS, kindVoice, kindEmail, kindRecovery}
	kindNames = map[authKind]string{kindPush: "push", kindTOTP: "otp", kindSMS: "sms", kindVoice: "voice", kindEmail: "email", kindRecovery: "recovery-code"}
)

// names lists the set's kinds by name, in kindOrder.
func (s kindSet) names() []string {
	var out []string
	for _, k := range kindOrder {
		if s&(1<<k) != 0 {
			out = append(out, kindNames[k])
		}
	}
	return out
}

// channelOf is each out-of-band kind's oob_channel.
var channelOf = map[authKind]string{kindPush: "auth0", kindSMS: "sms", kindVoice: "voice", kindEmail: "email"}

// sendsCode reports the kinds challenged with a code sent to the user.
func (k authKind) sendsCode() bool { return k == kindSMS || k == kindVoice || k == kindEmail }

type authenticator struct {
	id      string // push|dev_…, totp|dev_…, recovery-code|dev_…
	kind    authKind
	active  bool
	name    string
	created time.Time
	// enrolled is when the enrollment was confirmed, lastAuth when the
	// factor last passed a challenge; zero until then.
	enrolled time.Time
	lastAuth time.Time
	twin     *authenticator // push <-> totp of one device
	group    *enrollment    // the enrollment that created it, while pending

	device   *deviceAccount // push, once enrolled
	secret   string         // totp: base32
	lastStep int64          // totp: the last time step accepted (codes are single use)
	code     string         // recovery-code
	address  string         // sms and voice: the E.164 number; email: the address
}

func (a *authenticator) typeName() string {
	switch a.kind {
	case kindPush, kindSMS, kindVoice, kindEmail:
		return "oob"
	case kindTOTP:
		return "otp"
	default:
		return "recovery-code"
	}
}

// enrollment is one /mfa/associate: its pending authenticators and, for
// push, the ticket (enrollment_tx_id) and the oob_code that confirms it;
// for SMS, voice and email, the oob_code that goes with the code sent.
type enrollment struct {
	user     *user
	channel  string         // the oob channel, "" for a standalone TOTP
	primary  *authenticator // push, sms, voice, email or standalone totp
	totp     *authenticator // the push's TOTP twin
	recovery *authenticator // when it was the user's first
	ticket   string
	oobCode  string
	expires  time.Time // the ticket's
	used     bool
}

// deviceAccount is a Guardian device enrolled through /appliance-mfa/api/enroll.
type deviceAccount struct {
	id          string // dev_…, the push authenticator's suffix and the payload's dai
	user        *user
	push        *authenticator
	identifier  string
	name        string
	key         crypto.PublicKey // RSA (RS256) or EC P-256 (ES256)
	token       string           // the legacy device-account bearer
	pushService string
	pushToken   string
}

// mfaSession is what an mfa_token stands for: the login that needs MFA.
type mfaSession struct {
	client   string // the application that signed in; "" for the demo's
	user     *user
	audience string
	scope    string
	expires  time.Time
}

type oobState int

const (
	oobPending oobState = iota
	oobApproved
	oobRejected
	oobConsumed // approved and its tokens given: remembered until it expires
)

// oobTx is a pending out-of-band confirmation: an enrollment waiting for
// its device, or a push challenge waiting for an answer.
type oobTx struct {
	code     string
	user     *user
	mfaToken string // "" when an access token started the enrollment
	expires  time.Time
	state    oobState
	lastPoll time.Time // zero until the first poll

	enrollment *enrollment // set for an enrollment confirmation

	// set when a code was sent (SMS, voice, email): the code the user
	// must send back as binding_code
	bindingCode string

	// set for a push challenge
	txToken   string
	challenge string
	device    *deviceAccount
	created   time.Time

	ciba *cibaRequest // set for a CIBA request, whose code is its auth_req_id
}
