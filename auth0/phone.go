package auth0

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PhoneNumber is a phone number in E.164 form: a plus sign, a country code
// that does not start with 0, and at most 15 digits in all, nothing else
// ("+15555550100"). Auth0 enrolls SMS and voice authenticators only with
// numbers in that form. Make one with ParsePhoneNumber.
type PhoneNumber string

// E.164 allows 15 digits at most; the shortest numbers in use (small
// countries and territories) have 7 with their country code.
const (
	minPhoneDigits = 7
	maxPhoneDigits = 15
	// maxPhoneInput bounds what is read: a person types a few dozen
	// characters at most.
	maxPhoneInput = 64
)

// PhoneNumberProblem says what is wrong with a phone number, so that a
// screen can say it in the user's language.
type PhoneNumberProblem uint8

const (
	PhoneEmpty           PhoneNumberProblem = iota + 1
	PhoneNoCountryCode                      // it does not start with + or 00
	PhoneBadCharacter                       // a letter or sign that is not part of a number
	PhoneCountryCodeZero                    // the country code starts with 0
	PhoneTooShort                           // fewer than 7 digits
	PhoneTooLong                            // more than 15 digits
)

var phoneProblemText = map[PhoneNumberProblem]string{
	PhoneEmpty:           "the phone number is empty",
	PhoneNoCountryCode:   "the phone number must start with + and the country code, e.g. +1 212 555 0100",
	PhoneBadCharacter:    "the phone number may hold only digits, spaces, dots, dashes and parentheses after the +",
	PhoneCountryCodeZero: "the country code after the + cannot start with 0",
	PhoneTooShort:        "the phone number is too short: with its country code it has at least 7 digits",
	PhoneTooLong:         "the phone number is too long: with its country code it has at most 15 digits",
}

// PhoneNumberError is a phone number that ParsePhoneNumber refused. Its
// text never repeats the number.
type PhoneNumberError struct {
	Problem PhoneNumberProblem
}

func (e *PhoneNumberError) Error() string { return phoneProblemText[e.Problem] }

// ParsePhoneNumber reads a phone number as a person types or pastes it
// ("+1 (555) 555-0100", "+44 20 7946 0958", "0033 1 23 45 67 89") and
// returns it in E.164 form. Spaces, dots, dashes, slashes and parentheses
// are dropped; a leading 00 (the international prefix of most countries)
// stands for +. A number without its country code is refused: which
// country a local number belongs to cannot be known here.
func ParsePhoneNumber(s string) (PhoneNumber, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", &PhoneNumberError{Problem: PhoneEmpty}
	}
	if len(s) > maxPhoneInput {
		return "", &PhoneNumberError{Problem: PhoneTooLong}
	}
	switch {
	case strings.HasPrefix(s, "+"), strings.HasPrefix(s, "\uFF0B"): // a full-width plus, from some keyboards
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	case strings.HasPrefix(s, "00"):
		s = s[2:]
	default:
		if !strings.ContainsFunc(s, unicode.IsDigit) {
			return "", &PhoneNumberError{Problem: PhoneBadCharacter}
		}
		return "", &PhoneNumberError{Problem: PhoneNoCountryCode}
	}
	digits := make([]byte, 0, maxPhoneDigits+1)
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r >= '０' && r <= '９': // full-width digits, as some input methods type them
			digits = append(digits, byte('0'+r-'０'))
		case isPhoneSeparator(r):
		default:
			return "", &PhoneNumberError{Problem: PhoneBadCharacter}
		}
	}
	switch {
	case len(digits) == 0:
		return "", &PhoneNumberError{Problem: PhoneTooShort}
	case digits[0] == '0':
		return "", &PhoneNumberError{Problem: PhoneCountryCodeZero}
	case len(digits) < minPhoneDigits:
		return "", &PhoneNumberError{Problem: PhoneTooShort}
	case len(digits) > maxPhoneDigits:
		return "", &PhoneNumberError{Problem: PhoneTooLong}
	}
	return PhoneNumber("+" + string(digits)), nil
}

// isPhoneSeparator reports the characters people put between a number's
// digits.
func isPhoneSeparator(r rune) bool {
	switch r {
	case '-', '.', '/', '(', ')', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212':
		return true
	}
	return unicode.IsSpace(r)
}

// String is the number in E.164 form.
func (p PhoneNumber) String() string { return string(p) }
