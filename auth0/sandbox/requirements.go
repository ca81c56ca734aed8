package sandbox

// mfaRequirements is the mfa_requirements of an mfa_required answer: the
// factors the user can be challenged with, or, for a user who has none,
// the factors the tenant offers to enroll. Auth0's newer SDKs read it to
// choose between challenging and enrolling.
type mfaRequirements struct {
	Challenge []factorRequirement `json:"challenge,omitempty"`
	Enroll    []factorRequirement `json:"enroll,omitempty"`
}

type factorRequirement struct {
	Type string `json:"type"`
}

// Factor types as mfa_requirements names them: one "phone" for SMS and
// voice, as a phone number enrolls both.
const (
	factorPush         = "push-notification"
	factorOTP          = "otp"
	factorPhone        = "phone"
	factorEmail        = "email"
	factorRecoveryCode = "recovery-code"
)

// offeredFactors are the factors the sandbox lets a user enroll.
var offeredFactors = []string{factorPush, factorOTP, factorPhone, factorEmail}

// factorType names an authenticator's factor for mfa_requirements.
func factorType(a *authenticator) string {
	switch a.kind {
	case kindPush:
		return factorPush
	case kindTOTP:
		return factorOTP
	case kindSMS, kindVoice:
		return factorPhone
	case kindEmail:
		return factorEmail
	}
	return factorRecoveryCode
}

// requirementsLocked is what mfa_required tells of u: the types of the
// active factors, once each in the order they were enrolled, or the
// factors to enroll when u has no push or OTP factor (a recovery code
// alone is no way in). The caller holds t.mu.
func requirementsLocked(u *user) mfaRequirements {
	var r mfaRequirements
	if !hasActiveFactor(u) {
		for _, f := range offeredFactors {
			r.Enroll = append(r.Enroll, factorRequirement{f})
		}
		return r
	}
	seen := map[string]bool{}
	for _, a := range u.auths {
		if f := factorType(a); a.active && !seen[f] {
			seen[f] = true
			r.Challenge = append(r.Challenge, factorRequirement{f})
		}
	}
	return r
}
