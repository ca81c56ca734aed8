package auth0

import "encoding/json"

// Factor types as mfa_requirements names them. Auth0 may send others
// (webauthn-roaming, webauthn-platform…): they are kept as they come.
const (
	FactorPushNotification = "push-notification"
	FactorOTP              = "otp"
	FactorPhone            = "phone"
	FactorEmail            = "email"
	FactorRecoveryCode     = "recovery-code"
)

// ChallengeTypes are the factor types the user can be challenged with;
// nil when r is nil.
func (r *MFARequirements) ChallengeTypes() []string {
	if r == nil {
		return nil
	}
	return typesOf(r.Challenge)
}

// EnrollTypes are the factor types the tenant offers to enroll; nil when
// r is nil.
func (r *MFARequirements) EnrollTypes() []string {
	if r == nil {
		return nil
	}
	return typesOf(r.Enroll)
}

func typesOf(list []FactorType) []string {
	var out []string
	for _, f := range list {
		out = append(out, f.Type)
	}
	return out
}

// parseRequirements reads mfa_requirements leniently: nil unless it is an
// object; in each list, the entries that are {"type": "…"} with a
// non-empty type, cleaned, others skipped.
func parseRequirements(raw json.RawMessage) *MFARequirements {
	var lists map[string]json.RawMessage
	if json.Unmarshal(raw, &lists) != nil || lists == nil {
		return nil
	}
	return &MFARequirements{Challenge: factorList(lists["challenge"]), Enroll: factorList(lists["enroll"])}
}

func factorList(raw json.RawMessage) []FactorType {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil
	}
	var out []FactorType
	for _, item := range items {
		var f struct {
			Type json.RawMessage `json:"type"`
		}
		if json.Unmarshal(item, &f) != nil {
			continue
		}
		if t := CleanText(jsonText(f.Type)); t != "" {
			out = append(out, FactorType{Type: t})
		}
	}
	return out
}
