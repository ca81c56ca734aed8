package flow

import (
	"fmt"
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// Factor is one kind of second factor, as mfapush handles it: what it
// needs to enroll, the challenge it sends, how the answer is verified,
// which authenticators of the list it answers for, and how it is named.
// The interface and the plain mode both read the table below, so a factor
// added to it is handled alike in both (docs/architecture.md, "To add a
// factor").
type Factor struct {
	// ID names the factor in the JSON report ("challenge.method") and in
	// code: push, otp, recovery_code.
	ID string
	// Kind is the kind of authenticator it answers for.
	Kind auth0.Kind
	// Requirement is its type in mfa_required's mfa_requirements.
	Requirement string
	// Needs is what the user gives to enroll it.
	Needs EnrollNeeds
	// Associate is the /mfa/associate request that enrolls it; nil when
	// mfapush does not enroll it on its own (the recovery code comes with
	// the first factor, the push's OTP twin with the push).
	Associate func(EnrollInput) auth0.AssociateRequest
	// ChallengeType is the /mfa/challenge challenge_type that starts an
	// answer ("oob": a push, or a code sent by SMS, voice or email); ""
	// when the answer needs no challenge (a code of the app, a recovery
	// code).
	ChallengeType string
	// VerifyBy is how the answer is verified.
	VerifyBy VerifyBy
	// Code is what a typed answer looks like; zero for a push.
	Code CodeRule
}

// EnrollNeeds is what a factor asks of the user to enroll.
type EnrollNeeds uint8

const (
	NeedsNothing EnrollNeeds = iota // push: the phone scans a QR code
	NeedsPhone                      // SMS and voice: a phone number (E.164)
	NeedsEmail                      // email: an address
)

// EnrollInput is what the user gave to enroll a factor that needs it.
type EnrollInput struct {
	PhoneNumber string
	Email       string
}

// VerifyBy is how an answer is verified at the token endpoint.
type VerifyBy uint8

const (
	// ByPolling polls the mfa-oob grant until the phone answers (push).
	ByPolling VerifyBy = iota + 1
	// ByBindingCode sends the mfa-oob grant once, with the binding_code the
	// user types: the challenge answered binding_method "prompt" (SMS,
	// voice, email).
	ByBindingCode
	// ByOTP sends the mfa-otp grant with the code of the app.
	ByOTP
	// ByRecoveryCode sends the mfa-recovery-code grant; its answer carries
	// the next recovery code.
	ByRecoveryCode
)

// CodeRule is what a typed code looks like, to check it before sending it
// and to size the field it is typed in.
type CodeRule struct {
	Digits int  // exactly this many digits; 0: any text
	MaxLen int  // the most characters a field takes
	Upper  bool // sent in capitals, however it was typed
	// Chars is how long a code that is not digits alone is, in letters
	// and digits (spaces aside), for the field's hint.
	Chars int
}

// Hint is what an empty field for the code shows: what to type ("6
// digits"), never a sample code that would read as one already typed.
func (r CodeRule) Hint(c *i18n.Catalog) string {
	if r.Digits > 0 {
		return fmt.Sprintf(c.Factors.CodeDigits, r.Digits)
	}
	return fmt.Sprintf(c.Factors.CodeChars, r.Chars)
}

// bindingCode is the code Auth0 sends by SMS, voice call or email: six
// digits, as its default templates send them.
var bindingCode = CodeRule{Digits: 6, MaxLen: 6}

// The factors mfapush handles.
var (
	// Push is Auth0 Guardian push: enrolled by scanning a QR code, answered
	// on the phone.
	Push = &Factor{
		ID: "push", Kind: auth0.KindPush, Requirement: auth0.FactorPushNotification, Needs: NeedsNothing,
		Associate:     func(EnrollInput) auth0.AssociateRequest { return auth0.PushEnrollment() },
		ChallengeType: "oob", VerifyBy: ByPolling,
	}
	// OTP is the code of an authenticator app; Guardian's is the push's
	// twin. Enrolled on its own, the app scans a QR code (or takes the
	// secret typed in) and its first code confirms it.
	OTP = &Factor{
		ID: "otp", Kind: auth0.KindOTP, Requirement: auth0.FactorOTP, Needs: NeedsNothing,
		Associate: func(EnrollInput) auth0.AssociateRequest { return auth0.OTPEnrollment() },
		VerifyBy:  ByOTP, Code: CodeRule{Digits: 6, MaxLen: 6},
	}
	// SMS sends a code by text message to a phone number.
	SMS = &Factor{
		ID: "sms", Kind: auth0.KindSMS, Requirement: auth0.FactorPhone, Needs: NeedsPhone,
		Associate: func(in EnrollInput) auth0.AssociateRequest {
			return auth0.SMSEnrollment(auth0.PhoneNumber(in.PhoneNumber))
		},
		ChallengeType: "oob", VerifyBy: ByBindingCode, Code: bindingCode,
	}
	// Voice reads a code out in a phone call.
	Voice = &Factor{
		ID: "voice", Kind: auth0.KindVoice, Requirement: auth0.FactorPhone, Needs: NeedsPhone,
		Associate: func(in EnrollInput) auth0.AssociateRequest {
			return auth0.VoiceEnrollment(auth0.PhoneNumber(in.PhoneNumber))
		},
		ChallengeType: "oob", VerifyBy: ByBindingCode, Code: bindingCode,
	}
	// Email sends a code to an address.
	Email = &Factor{
		ID: "email", Kind: auth0.KindEmail, Requirement: auth0.FactorEmail, Needs: NeedsEmail,
		Associate:     func(in EnrollInput) auth0.AssociateRequest { return auth0.EmailEnrollment(in.Email) },
		ChallengeType: "oob", VerifyBy: ByBindingCode, Code: bindingCode,
	}
	// RecoveryCode is the code Auth0 hands out with the first factor; each
	// works once.
	RecoveryCode = &Factor{
		ID: "recovery_code", Kind: auth0.KindRecoveryCode, Requirement: auth0.FactorRecoveryCode, VerifyBy: ByRecoveryCode,
		// 24 letters and digits, as Auth0 hands them out (docs/fidelity.md);
		// room for the spaces and dashes people type between groups.
		Code: CodeRule{MaxLen: 40, Upper: true, Chars: 24},
	}
)

// Factors is every factor mfapush handles, in the order it offers them.
var Factors = []*Factor{Push, OTP, SMS, Voice, Email, RecoveryCode}

// FactorByID is the factor named id (its ID); false for none.
func FactorByID(id string) (*Factor, bool) {
	for _, f := range Factors {
		if f.ID == id {
			return f, true
		}
	}
	return nil, false
}

// Enrollable is the factors mfapush can enroll that the plan lets the
// tenant offer, in the order offered: push first.
func (p MFAPlan) Enrollable() []*Factor {
	var out []*Factor
	for _, f := range Factors {
		if f.Associate != nil && p.CanEnroll(f.Requirement) {
			out = append(out, f)
		}
	}
	return out
}

// SendsCode reports whether challenging the factor sends the user a code
// (SMS, voice, email): the challenge can be sent again for a new one.
func (f *Factor) SendsCode() bool { return f.VerifyBy == ByBindingCode }

// FactorOf is the factor that answers for a, whatever its state; false
// for a kind mfapush does not handle.
func FactorOf(a auth0.Authenticator) (*Factor, bool) {
	for _, f := range Factors {
		if f.Kind == a.Kind() {
			return f, true
		}
	}
	return nil, false
}

// Answers reports whether the factor can answer for a now: a's kind, and
// its enrollment confirmed.
func (f *Factor) Answers(a auth0.Authenticator) bool {
	return a.Active && a.Kind() == f.Kind
}

// CanVerify reports whether mfapush can answer a challenge of a: an
// active authenticator of a factor it handles.
func CanVerify(a auth0.Authenticator) bool {
	f, ok := FactorOf(a)
	return ok && f.Answers(a)
}

// Answering is the authenticators of list the factor can answer for,
// oldest first (the list's order).
func (f *Factor) Answering(list []auth0.Authenticator) []auth0.Authenticator {
	var out []auth0.Authenticator
	for _, a := range list {
		if f.Answers(a) {
			out = append(out, a)
		}
	}
	return out
}

// Name names the factor in the user's language.
func (f *Factor) Name(c *i18n.Catalog) string { return KindName(c, f.Kind) }

// Typed reports whether the factor is answered with a typed code.
func (f *Factor) Typed() bool { return f.VerifyBy != ByPolling }

// ReadCode makes what the user typed or pasted into the code to send:
// without the spaces people type in it, in capitals when the factor wants
// them. ok is false when it cannot be a code of the factor.
func (f *Factor) ReadCode(typed string) (code string, ok bool) {
	// Bytes that are not UTF-8 go first: joined, two halves could make a
	// space the split did not see.
	code = strings.Join(strings.Fields(strings.ToValidUTF8(typed, "")), "")
	if f.Code.Upper {
		code = strings.ToUpper(code)
	}
	if code == "" {
		return "", false
	}
	if d := f.Code.Digits; d > 0 && (len(code) != d || strings.Trim(code, "0123456789") != "") {
		return code, false
	}
	return code, true
}
