package auth0

import (
	"strings"
	"unicode"
)

// The codes a person types to answer MFA. Auth0's one-time passwords and
// the codes it sends by SMS, voice and email have 6 digits; its recovery
// codes have 24 upper-case letters and digits.
const (
	otpLength          = 6
	recoveryCodeLength = 24
	maxCodeInput       = 128 // a person pastes a code, not a page
)

// CodeKind names a kind of code.
type CodeKind uint8

const (
	CodeKindOTP      CodeKind = iota + 1 // an authenticator app's code (the mfa-otp grant's otp)
	CodeKindBinding                      // a code sent by SMS, voice call or email (the mfa-oob grant's binding_code)
	CodeKindRecovery                     // a recovery code (the mfa-recovery-code grant's recovery_code)
)

// CodeProblem says what is wrong with a typed code.
type CodeProblem uint8

const (
	CodeProblemEmpty     CodeProblem = iota + 1
	CodeProblemLength                // not 6 digits, or not 24 characters for a recovery code
	CodeProblemCharacter             // a character a code of that kind never holds
)

// CodeError is a code refused before it was sent. Its text never repeats
// the code.
type CodeError struct {
	Kind    CodeKind
	Problem CodeProblem
}

func (e *CodeError) Error() string {
	what := map[CodeKind]string{CodeKindOTP: "the one-time code", CodeKindBinding: "the code", CodeKindRecovery: "the recovery code"}[e.Kind]
	switch e.Problem {
	case CodeProblemEmpty:
		return what + " is empty"
	case CodeProblemLength:
		if e.Kind == CodeKindRecovery {
			return what + " has 24 letters and digits"
		}
		return what + " has 6 digits"
	}
	if e.Kind == CodeKindRecovery {
		return what + " holds only letters and digits"
	}
	return what + " holds only digits"
}

// NormalizeOTP reads a 6-digit code from an authenticator app as a person
// types or pastes it: spaces, dashes and dots between the digits are
// dropped ("123 456", "123-456").
func NormalizeOTP(s string) (string, error) { return normalizeDigits(s, CodeKindOTP) }

// NormalizeBindingCode reads the 6-digit code of an SMS, a voice call or
// an email. Voice calls read the digits out one by one, and their
// transcripts write them "1.2.3.4.5.6"; the dots go like spaces.
func NormalizeBindingCode(s string) (string, error) { return normalizeDigits(s, CodeKindBinding) }

// NormalizeRecoveryCode reads a recovery code: spaces and dashes dropped,
// letters made upper case, as Auth0 issues them.
func NormalizeRecoveryCode(s string) (string, error) {
	kept, err := keepCode(s, CodeKindRecovery, func(r rune) (rune, bool) {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			return r, true
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A', true
		}
		return 0, false
	})
	if err != nil {
		return "", err
	}
	if len(kept) != recoveryCodeLength {
		return "", &CodeError{Kind: CodeKindRecovery, Problem: CodeProblemLength}
	}
	return kept, nil
}

func normalizeDigits(s string, kind CodeKind) (string, error) {
	kept, err := keepCode(s, kind, func(r rune) (rune, bool) {
		switch {
		case r >= '0' && r <= '9':
			return r, true
		case r >= '０' && r <= '９': // full-width digits, as some input methods type them
			return '0' + r - '０', true
		}
		return 0, false
	})
	if err != nil {
		return "", err
	}
	if len(kept) != otpLength {
		return "", &CodeError{Kind: kind, Problem: CodeProblemLength}
	}
	return kept, nil
}

// keepCode maps each character of s through keep, dropping the separators
// people type between groups, and refuses any other character.
func keepCode(s string, kind CodeKind, keep func(rune) (rune, bool)) (string, error) {
	if len(s) > maxCodeInput {
		return "", &CodeError{Kind: kind, Problem: CodeProblemLength}
	}
	var b strings.Builder
	for _, r := range s {
		if k, ok := keep(r); ok {
			b.WriteRune(k)
			continue
		}
		if r == '-' || r == '.' || r == '\u2010' || r == '\u2013' || unicode.IsSpace(r) {
			continue
		}
		return "", &CodeError{Kind: kind, Problem: CodeProblemCharacter}
	}
	if b.Len() == 0 {
		return "", &CodeError{Kind: kind, Problem: CodeProblemEmpty}
	}
	return b.String(), nil
}
