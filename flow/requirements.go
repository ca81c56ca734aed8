package flow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/i18n"
)

// MFAPath is what the mfa_required answer asks of the user next.
type MFAPath uint8

const (
	// PathUnknown: the answer had no mfa_requirements (older tenants send
	// none). The authenticator list and the tenant's answers decide.
	PathUnknown MFAPath = iota
	// PathChallenge: the user has factors; answer MFA with one of
	// MFAPlan.Challenge. Enrolling another needs an MFA API access token
	// earned that way first.
	PathChallenge
	// PathEnroll: the user has no factor the tenant accepts; enroll one of
	// MFAPlan.Enroll first, with the mfa_token.
	PathEnroll
)

// MFAPlan is the mfa_required answer's mfa_requirements, read for a front
// end: which path to take and which factors to offer. Factor types are
// Auth0's names (auth0.Factor*); unknown ones are kept as they came.
type MFAPlan struct {
	Path      MFAPath
	Challenge []string
	Enroll    []string
}

// PlanMFA reads the requirements of an mfa_required answer (nil when it
// had none). A list to challenge wins over a list to enroll: a user with
// a factor verifies with it first, as Auth0 documents for enrolling more.
func PlanMFA(r *auth0.MFARequirements) MFAPlan {
	p := MFAPlan{Challenge: r.ChallengeTypes(), Enroll: r.EnrollTypes()}
	switch {
	case len(p.Challenge) > 0:
		p.Path = PathChallenge
	case len(p.Enroll) > 0:
		p.Path = PathEnroll
	}
	return p
}

// CanChallenge reports whether the user may answer MFA with factor: never
// while they must enroll; otherwise when the requirements list it, or list
// nothing. A recovery code is left to the tenant to judge whenever the
// user has factors: it is the way back in when a device is lost, and
// whether Auth0 lists it is not recorded (the one recorded answer lists
// otp alone).
func (p MFAPlan) CanChallenge(factor string) bool {
	switch {
	case p.Path == PathEnroll:
		return false
	case p.Path == PathUnknown, factor == auth0.FactorRecoveryCode:
		return true
	}
	return slices.Contains(p.Challenge, factor)
}

// CanEnroll reports whether the tenant offers factor to enroll: when the
// requirements list it, or list nothing to enroll (the tenant decides).
func (p MFAPlan) CanEnroll(factor string) bool {
	return len(p.Enroll) == 0 || slices.Contains(p.Enroll, factor)
}

// Allowed lists the factors the plan allows on its path, for a message
// that says which ones: those to challenge, else those to enroll.
func (p MFAPlan) Allowed() []string {
	if p.Path == PathEnroll {
		return p.Enroll
	}
	return p.Challenge
}

// RequirementsText says what the requirements list ("Auth0's
// mfa_requirements: challenge with push-notification, otp."); "" when the
// answer had none.
func RequirementsText(c *i18n.Catalog, p MFAPlan) string {
	types := strings.Join(p.Allowed(), ", ")
	switch p.Path {
	case PathChallenge:
		return fmt.Sprintf(c.Requirements.Challenge, types)
	case PathEnroll:
		return fmt.Sprintf(c.Requirements.Enroll, types)
	}
	return ""
}

// FactorNotAllowedText says that the requirements leave factor out, and
// which factors they allow.
func FactorNotAllowedText(c *i18n.Catalog, p MFAPlan, factor string) string {
	return fmt.Sprintf(c.Requirements.NotAllowed, factor, strings.Join(p.Allowed(), ", "))
}
