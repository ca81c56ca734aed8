package sandbox

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The factors that get a code sent to the user: SMS, voice and email. The
// tenant sends the code through its "providers", which in the sandbox is
// the simulated phone's inbox, and checks it when it comes back as the
// mfa-oob grant's binding_code.

// e164 is the form Auth0 asks phone numbers in: a plus, a country code
// that does not start with 0, 15 digits at most in all.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

var (
	errInvalidPhone = invalidRequest("Invalid phone_number: use the E.164 format, a + then the country code and the number, with no spaces (e.g. +15555550100)")
	errInvalidEmail = invalidRequest("Invalid email: it must be an email address, e.g. alice@example.com")
	// errTooManyPhoneMessages and errTooManyEmails are a user's message
	// budgets spent; their headers are added per answer.
	errTooManyPhoneMessages = "Too many SMS sent by the user. Wait for some minutes before retrying."
	errTooManyEmails        = "Too many emails sent by the user. Wait for some minutes before retrying."
	errBindingCodeRequired  = invalidRequest("binding_code is required")
	errInvalidBindingCode   = newError(http.StatusForbidden, "invalid_grant", "Invalid binding_code.")
)

// validEmail checks an address's form: one @, something before it, a
// domain with a dot after it, no space.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && len(s) <= 254 && !strings.ContainsAny(s, " \t\r\n<>") && !strings.Contains(domain, "@") &&
		strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
}

// maskPhone hides all but the last four characters of a number, as
// Auth0 names phone authenticators ("XXXXXXXX0100").
func maskPhone(number string) string {
	if len(number) <= 4 {
		return number
	}
	return strings.Repeat("X", len(number)-4) + number[len(number)-4:]
}

// maskEmail hides the address's local part and all but the first four
// characters of its domain, as Auth0 names email authenticators
// ("****@exam*******" for user@example.com).
func maskEmail(address string) string {
	local, domain, _ := strings.Cut(address, "@")
	keep := min(4, len(domain))
	return strings.Repeat("*", len(local)) + "@" + domain[:keep] + strings.Repeat("*", len(domain)-keep)
}

// Message purposes: a code that confirms an enrollment, or one that
// answers a challenge.
const (
	purposeEnrollment   = "enrollment"
	purposeVerification = "verification"
)

// composeMessage writes a code's message as Auth0's default templates do.
func composeMessage(channel, to, code, purpose string, lifetime time.Duration) Message {
	m := Message{Channel: channel, To: to, Code: code, Purpose: purpose}
	switch channel {
	case "sms":
		m.Text = code + " is your verification code for " + friendlyName
		if purpose == purposeEnrollment {
			m.Text += ". Please enter this code to verify your enrollment."
		}
	case "voice":
		// Voice providers read the code digit by digit: Auth0 hands the
		// template the code with dots between its digits.
		// Auth0's default voice template is one for enrolling and
		// verifying alike; its pauses before the code say nothing.
		spoken := strings.Join(strings.Split(code, ""), ".")
		m.Text = "Hello. Your verification code for " + friendlyName + " is " + spoken + ". I repeat, your verification code is " + spoken
	case "email":
		m.Subject = "Your verification code for " + friendlyName
		m.Text = "Your verification code is " + code + ". It expires in " + minutes(lifetime) + ".\n\n" +
			"If you did not ask for it, you can ignore this email."
	}
	return m
}

// sendCodeLocked spends one message of the user's budget for the channel
// and makes the message with a new 6-digit code. The caller delivers it
// once the lock is released.
func (t *Tenant) sendCodeLocked(u *user, channel, to, purpose string, now time.Time) (Message, *apiError) {
	bs, desc := t.phoneSends, errTooManyPhoneMessages
	if channel == "email" {
		bs, desc = t.emailSends, errTooManyEmails
	}
	if ok, rt := bs.take(u.id, now); !ok {
		e := newError(http.StatusTooManyRequests, "invalid_request", desc)
		e.header = rt.headers(now, true)
		return Message{}, e
	}
	m := composeMessage(channel, to, randomString(6, "0123456789"), purpose, t.opts.CodeLifetime)
	m.ID, m.UserID, m.SentAt, m.ExpiresAt = "msg_"+randomString(16, alnum), u.id, now, now.Add(t.opts.CodeLifetime)
	return m, nil
}

// codeExpiry is when a code sent now stops working: after its lifetime,
// and never after the mfa_token it answers (zero: none).
func (t *Tenant) codeExpiry(now, sessionEnd time.Time) time.Time {
	end := now.Add(t.opts.CodeLifetime)
	if !sessionEnd.IsZero() && sessionEnd.Before(end) {
		return sessionEnd
	}
	return end
}

// minutes says a duration in whole minutes, as a message to a person does.
func minutes(d time.Duration) string {
	n := int((d + time.Minute - 1) / time.Minute)
	if n == 1 {
		return "1 minute"
	}
	return strconv.Itoa(n) + " minutes"
}
