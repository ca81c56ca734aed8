package flow

import (
	"errors"
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// CheckEnrollInput reads what the user gave to enroll f as the tenant
// wants it: the phone number in E.164 form, the address trimmed. problem
// is "" when it will do, else what is wrong, in the user's words; the
// interface shows it under the field, the plain mode fails with it, before
// anything is sent.
func CheckEnrollInput(c *i18n.Catalog, f *Factor, in EnrollInput) (out EnrollInput, problem string) {
	switch f.Needs {
	case NeedsPhone:
		phone, err := auth0.ParsePhoneNumber(in.PhoneNumber)
		if err != nil {
			return in, EnrollInputProblem(c, err)
		}
		return EnrollInput{PhoneNumber: phone.String()}, ""
	case NeedsEmail:
		email, err := auth0.ParseEmail(in.Email)
		if err != nil {
			return in, EnrollInputProblem(c, err)
		}
		return EnrollInput{Email: email}, ""
	}
	return EnrollInput{}, ""
}

// EnrollInputProblem says what is wrong with a phone number or an address
// (an *auth0.PhoneNumberError or *auth0.EmailError) in the user's words;
// err's own text for any other error.
func EnrollInputProblem(c *i18n.Catalog, err error) string {
	w := c.Factors
	var phone *auth0.PhoneNumberError
	var email *auth0.EmailError
	switch {
	case errors.As(err, &phone):
		return map[auth0.PhoneNumberProblem]string{
			auth0.PhoneEmpty: w.PhoneEmpty, auth0.PhoneNoCountryCode: w.PhoneNoCountryCode,
			auth0.PhoneBadCharacter: w.PhoneBadCharacter, auth0.PhoneCountryCodeZero: w.PhoneCountryCodeZero,
			auth0.PhoneTooShort: w.PhoneTooShort, auth0.PhoneTooLong: w.PhoneTooLong,
		}[phone.Problem]
	case errors.As(err, &email):
		return map[auth0.EmailProblem]string{
			auth0.EmailEmpty: w.EmailEmpty, auth0.EmailNoAt: w.EmailNoAt, auth0.EmailNoLocal: w.EmailNoLocal,
			auth0.EmailNoDomain: w.EmailNoDomain, auth0.EmailSpace: w.EmailSpace, auth0.EmailTooLong: w.EmailTooLong,
		}[email.Problem]
	}
	return err.Error()
}

// SentBy says how a code of f travels ("by SMS"); "" for a factor that
// sends none.
func SentBy(c *i18n.Catalog, f *Factor) string {
	switch f {
	case SMS:
		return c.Factors.BySMS
	case Voice:
		return c.Factors.ByVoice
	case Email:
		return c.Factors.ByEmail
	}
	return ""
}

// Destination is where an enrollment's codes go: the number or address
// typed.
func (in EnrollInput) Destination() string {
	if in.PhoneNumber != "" {
		return in.PhoneNumber
	}
	return in.Email
}

// SecretGroups writes an authenticator app's secret in groups of four, as
// apps show it and people type it in ("JBSW Y3DP EHPK 3PXP").
func SecretGroups(secret string) string {
	var b strings.Builder
	for i, r := range secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
