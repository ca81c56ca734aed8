package auth0

import (
	"strings"
	"unicode"
)

// maxEmailLength is the longest address mail systems carry (RFC 5321's
// path limit less its angle brackets).
const maxEmailLength = 254

// EmailProblem says what is wrong with an email address.
type EmailProblem uint8

const (
	EmailEmpty    EmailProblem = iota + 1
	EmailNoAt                  // no @, or more than one
	EmailNoLocal               // nothing before the @
	EmailNoDomain              // nothing after the @, or a domain without a dot
	EmailSpace                 // a space or a control character inside
	EmailTooLong               // over 254 characters
)

var emailProblemText = map[EmailProblem]string{
	EmailEmpty:    "the email address is empty",
	EmailNoAt:     "an email address has one @, e.g. alice@example.com",
	EmailNoLocal:  "the email address has nothing before the @",
	EmailNoDomain: "the email address needs a domain after the @, e.g. example.com",
	EmailSpace:    "the email address may not hold spaces",
	EmailTooLong:  "the email address is longer than 254 characters",
}

// EmailError is an email address that ParseEmail refused. Its text never
// repeats the address.
type EmailError struct {
	Problem EmailProblem
}

func (e *EmailError) Error() string { return emailProblemText[e.Problem] }

// ParseEmail checks an email address as a person types it: one address,
// without a display name or angle brackets, trimmed of the spaces around
// it. It checks the form only; whether mail reaches it is for the tenant
// to find out.
func ParseEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", &EmailError{Problem: EmailEmpty}
	case len(s) > maxEmailLength:
		return "", &EmailError{Problem: EmailTooLong}
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return "", &EmailError{Problem: EmailSpace}
	case strings.Count(s, "@") != 1:
		return "", &EmailError{Problem: EmailNoAt}
	}
	local, domain, _ := strings.Cut(s, "@")
	switch {
	case local == "":
		return "", &EmailError{Problem: EmailNoLocal}
	case !strings.Contains(strings.Trim(domain, "."), "."), strings.Contains(domain, ".."),
		strings.HasPrefix(domain, "."), strings.HasSuffix(domain, "."):
		return "", &EmailError{Problem: EmailNoDomain}
	}
	return s, nil
}
