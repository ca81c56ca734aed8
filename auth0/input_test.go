package auth0

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParsePhoneNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want PhoneNumber
		bad  PhoneNumberProblem
	}{
		{in: "+15555550100", want: "+15555550100"},
		{in: " +1 (555) 555-0100 ", want: "+15555550100"},
		{in: "+44 20 7946 0958", want: "+442079460958"},
		{in: "0033 1 23 45 67 89", want: "+33123456789"},
		{in: "+33.1.23.45.67.89", want: "+33123456789"},
		{in: "+1\u00a0555\u00a0555\u00a00100", want: "+15555550100"}, // no-break spaces, as pasted from a page
		{in: "\uff0b１５５５５５５０１００", want: "+15555550100"},              // a full-width keyboard
		{in: "+290 1234", want: "+2901234"},                          // 7 digits: the shortest in use
		{in: "+123456789012345", want: "+123456789012345"},           // 15 digits: E.164's longest
		{in: "", bad: PhoneEmpty},
		{in: "   ", bad: PhoneEmpty},
		{in: "555 555 0100", bad: PhoneNoCountryCode},
		{in: "(555) 555-0100", bad: PhoneNoCountryCode},
		{in: "phone", bad: PhoneBadCharacter},
		{in: "+1 555 CALL NOW", bad: PhoneBadCharacter},
		{in: "+1 555 555 0100 ext 12", bad: PhoneBadCharacter},
		{in: "+15555550100;", bad: PhoneBadCharacter},
		{in: "+0 555 555 0100", bad: PhoneCountryCodeZero},
		{in: "+", bad: PhoneTooShort},
		{in: "+1 555", bad: PhoneTooShort},
		{in: "+1234567890123456", bad: PhoneTooLong},
		{in: "+" + strings.Repeat("1", 100), bad: PhoneTooLong},
	} {
		got, err := ParsePhoneNumber(c.in)
		var pe *PhoneNumberError
		switch {
		case c.bad == 0 && (err != nil || got != c.want):
			t.Errorf("ParsePhoneNumber(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.bad != 0 && (!errors.As(err, &pe) || pe.Problem != c.bad || got != ""):
			t.Errorf("ParsePhoneNumber(%q) = %q, %v; want problem %d", c.in, got, err, c.bad)
		case c.bad != 0 && (err.Error() == "" || len(c.in) >= 8 && strings.Contains(err.Error(), strings.TrimSpace(c.in))):
			t.Errorf("ParsePhoneNumber(%q): the message %q is empty or repeats the input", c.in, err)
		}
	}
}

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// FuzzParsePhoneNumber: whatever is typed, the parser answers an E.164
// number or a *PhoneNumberError with a message; a number it gives back
// reads as itself, and keeps the digits typed, in their order.
func FuzzParsePhoneNumber(f *testing.F) {
	for _, s := range []string{"+15555550100", "+1 (555) 555-0100", "0044 20 7946 0958", "555-0100", "+0 1", "+１２３", "+1\u00a0555", "", "+", "++1555", "00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParsePhoneNumber(in)
		if err != nil {
			var pe *PhoneNumberError
			if !errors.As(err, &pe) || pe.Error() == "" || got != "" {
				t.Fatalf("%q: %q, %#v", in, got, err)
			}
			return
		}
		if !e164.MatchString(string(got)) {
			t.Fatalf("%q gave %q, not E.164", in, got)
		}
		if again, err := ParsePhoneNumber(string(got)); err != nil || again != got {
			t.Fatalf("%q gave %q, which reads as %q, %v", in, got, again, err)
		}
		typed := strings.Map(func(r rune) rune {
			if r >= '０' && r <= '９' {
				return '0' + r - '０'
			}
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, in)
		if !strings.HasSuffix(typed, string(got[1:])) {
			t.Fatalf("%q gave %q: digits that were not typed", in, got)
		}
	})
}

func TestParseEmail(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		bad  EmailProblem
	}{
		{in: "alice@example.com", want: "alice@example.com"},
		{in: "  alice+mfa@mail.example.co.uk ", want: "alice+mfa@mail.example.co.uk"},
		{in: "", bad: EmailEmpty},
		{in: "alice", bad: EmailNoAt},
		{in: "a@b@example.com", bad: EmailNoAt},
		{in: "@example.com", bad: EmailNoLocal},
		{in: "alice@", bad: EmailNoDomain},
		{in: "alice@localhost", bad: EmailNoDomain},
		{in: "alice@example..com", bad: EmailNoDomain},
		{in: "alice@.example.com", bad: EmailNoDomain},
		{in: "Alice <alice@example.com>", bad: EmailSpace},
		{in: "alice@exa\u0007mple.com", bad: EmailSpace},
		{in: strings.Repeat("a", 250) + "@example.com", bad: EmailTooLong},
	} {
		got, err := ParseEmail(c.in)
		var ee *EmailError
		switch {
		case c.bad == 0 && (err != nil || got != c.want):
			t.Errorf("ParseEmail(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.bad != 0 && (!errors.As(err, &ee) || ee.Problem != c.bad):
			t.Errorf("ParseEmail(%q) = %q, %v; want problem %d", c.in, got, err, c.bad)
		}
	}
}

func TestNormalizeCodes(t *testing.T) {
	for _, c := range []struct {
		kind CodeKind
		in   string
		want string
		bad  CodeProblem
	}{
		{kind: CodeKindOTP, in: "123456", want: "123456"},
		{kind: CodeKindOTP, in: " 123 456 ", want: "123456"},
		{kind: CodeKindOTP, in: "123-456", want: "123456"},
		{kind: CodeKindOTP, in: "１２３４５６", want: "123456"},
		{kind: CodeKindOTP, in: "", bad: CodeProblemEmpty},
		{kind: CodeKindOTP, in: " - ", bad: CodeProblemEmpty},
		{kind: CodeKindOTP, in: "12345", bad: CodeProblemLength},
		{kind: CodeKindOTP, in: "1234567", bad: CodeProblemLength},
		{kind: CodeKindOTP, in: "12345a", bad: CodeProblemCharacter},
		{kind: CodeKindOTP, in: "١٢٣٤٥٦", bad: CodeProblemCharacter}, // other scripts' digits: Auth0 compares ASCII
		{kind: CodeKindBinding, in: "1.2.3.4.5.6", want: "123456"},   // as a voice call's transcript writes it
		{kind: CodeKindBinding, in: "654321\n", want: "654321"},
		{kind: CodeKindBinding, in: strings.Repeat("1", 200), bad: CodeProblemLength},
		{kind: CodeKindRecovery, in: "MZCRK3YX5V3AKNNYY6JEBQCL", want: "MZCRK3YX5V3AKNNYY6JEBQCL"},
		{kind: CodeKindRecovery, in: "mzcr-k3yx 5v3a-knny y6je-bqcl", want: "MZCRK3YX5V3AKNNYY6JEBQCL"},
		{kind: CodeKindRecovery, in: "MZCRK3YX5V3AKNNYY6JEBQC", bad: CodeProblemLength},
		{kind: CodeKindRecovery, in: "MZCRK3YX5V3AKNNYY6JEBQC!", bad: CodeProblemCharacter},
		{kind: CodeKindRecovery, in: "ÉZCRK3YX5V3AKNNYY6JEBQCL", bad: CodeProblemCharacter},
	} {
		got, err := normalize(c.kind, c.in)
		var ce *CodeError
		switch {
		case c.bad == 0 && (err != nil || got != c.want):
			t.Errorf("kind %d %q = %q, %v; want %q", c.kind, c.in, got, err, c.want)
		case c.bad != 0 && (!errors.As(err, &ce) || ce.Problem != c.bad || ce.Kind != c.kind || got != ""):
			t.Errorf("kind %d %q = %q, %v; want problem %d", c.kind, c.in, got, err, c.bad)
		case c.bad != 0 && len(c.in) >= 5 && strings.Contains(err.Error(), strings.TrimSpace(c.in)):
			t.Errorf("kind %d %q: the message %q repeats the code", c.kind, c.in, err)
		}
	}
}

func normalize(kind CodeKind, s string) (string, error) {
	switch kind {
	case CodeKindOTP:
		return NormalizeOTP(s)
	case CodeKindBinding:
		return NormalizeBindingCode(s)
	}
	return NormalizeRecoveryCode(s)
}

var codeForms = map[CodeKind]*regexp.Regexp{
	CodeKindOTP:      regexp.MustCompile(`^[0-9]{6}$`),
	CodeKindBinding:  regexp.MustCompile(`^[0-9]{6}$`),
	CodeKindRecovery: regexp.MustCompile(`^[A-Z0-9]{24}$`),
}

// FuzzNormalizeCodes: whatever is typed as an OTP, a binding code or a
// recovery code, the answer is a code in Auth0's form, normalized for
// good (it reads as itself), or a *CodeError of that kind whose message
// names no character of the input.
func FuzzNormalizeCodes(f *testing.F) {
	for _, s := range []string{"123456", "123 456", "1.2.3.4.5.6", "１２３４５６", "mzcr-k3yx-5v3a-knny-y6je-bqcl", "", "12345x", "\x00", "٣"} {
		for kind := CodeKindOTP; kind <= CodeKindRecovery; kind++ {
			f.Add(uint8(kind), s)
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, in string) {
		kind := CodeKind(k%3 + 1)
		got, err := normalize(kind, in)
		if err != nil {
			var ce *CodeError
			if !errors.As(err, &ce) || ce.Kind != kind || got != "" || !utf8.ValidString(err.Error()) {
				t.Fatalf("%d %q: %q, %#v", kind, in, got, err)
			}
			return
		}
		if !codeForms[kind].MatchString(got) {
			t.Fatalf("%d %q gave %q", kind, in, got)
		}
		if again, err := normalize(kind, got); err != nil || again != got {
			t.Fatalf("%d %q gave %q, which reads as %q, %v", kind, in, got, again, err)
		}
	})
}

func TestErrorClassifiesCodeAnswers(t *testing.T) {
	for _, c := range []struct {
		e                                                        Error
		invalid, tooManyAttempts, blocked, tooManyMessages, late bool
		outcome                                                  Outcome
	}{
		{e: Error{Code: "invalid_grant", Description: "Invalid binding_code."}, invalid: true},
		{e: Error{Code: "invalid_grant", Description: "Invalid otp_code."}, invalid: true},
		{e: Error{Code: "invalid_grant", Description: "Invalid recovery_code."}, invalid: true},
		{e: Error{Code: "invalid_grant", Description: "MFA Invalid binding code."}, invalid: true},
		{e: Error{Code: "invalid_grant", Description: "MFA Authorization rejected."}, outcome: OutcomeRejected},
		{e: Error{Code: "access_denied", Description: "MFA Authorization rejected."}, outcome: OutcomeRejected},
		{e: Error{Code: "invalid_grant", Description: "Invalid oob_code."}},
		{e: Error{StatusCode: 429, Code: "too_many_attempts", Description: DescriptionTooManyFailedCodes}, tooManyAttempts: true, outcome: OutcomeRateLimited},
		{e: Error{StatusCode: 429, Code: "too_many_attempts", Description: "Your account has been blocked after multiple consecutive login attempts."}, blocked: true, outcome: OutcomeRateLimited},
		{e: Error{StatusCode: 429, Code: "invalid_request", Description: DescriptionTooManySMS}, tooManyMessages: true, outcome: OutcomeRateLimited},
		{e: Error{StatusCode: 429, Code: "invalid_request", Description: "Too many emails sent by the user. Wait for some minutes before retrying."}, tooManyMessages: true, outcome: OutcomeRateLimited},
		{e: Error{StatusCode: 403, Code: "expired_token", Description: "oob_code is expired"}, late: true, outcome: OutcomeExpired},
		{e: Error{StatusCode: 403, Code: "expired_token", Description: "mfa_token is expired"}, outcome: OutcomeExpired},
	} {
		e := c.e
		if e.StatusCode == 0 {
			e.StatusCode = 403
		}
		body := []byte(`{"error":"` + e.Code + `","error_description":"` + e.Description + `"}`)
		classified := answerError("", e.StatusCode, nil, body, time.Time{})
		if got := [5]bool{classified.InvalidCode(), classified.TooManyAttempts(), classified.AccountBlocked(), classified.TooManyMessages(), classified.CodeExpired()}; got != [5]bool{c.invalid, c.tooManyAttempts, c.blocked, c.tooManyMessages, c.late} {
			t.Errorf("%s %q: invalid, too many attempts, blocked, too many messages, expired = %v", e.Code, e.Description, got)
		}
		if classified.Outcome != c.outcome {
			t.Errorf("%s %q: outcome %s, want %s", e.Code, e.Description, classified.Outcome, c.outcome)
		}
	}
}
