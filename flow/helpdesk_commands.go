package flow

import tea "charm.land/bubbletea/v2"

// The helpdesk's steps as Bubble Tea commands, each answering with its
// message.

// FoundMsg answers FindUsersCmd.
type FoundMsg struct {
	Found
	Err error
}

// CardMsg answers CardCmd.
type CardMsg struct {
	UserCard
	Err error
}

// VerifyStartedMsg answers StartVerifyCmd.
type VerifyStartedMsg struct {
	VerifyStarted
	Err error
}

// ResetMsg answers ResetCmd.
type ResetMsg struct {
	Reset
	Err error
}

// TicketMsg answers CreateTicketCmd.
type TicketMsg struct {
	IssuedTicket
	Err error
}

// RecoveryCodeMsg answers RegenerateRecoveryCodeCmd.
type RecoveryCodeMsg struct {
	RecoveryCodeIssued
	Err error
}

// FindUsersCmd runs FindUsers.
func FindUsersCmd(h Helpdesk, email string) tea.Cmd {
	return func() tea.Msg {
		v, err := FindUsers(h.ctx(), h, email)
		return FoundMsg{Found: v, Err: err}
	}
}

// CardCmd runs Card.
func CardCmd(h Helpdesk, userID string) tea.Cmd {
	return func() tea.Msg {
		v, err := Card(h.ctx(), h, userID)
		return CardMsg{UserCard: v, Err: err}
	}
}

// StartVerifyCmd runs StartVerify.
func StartVerifyCmd(h Helpdesk, userID, bindingMessage string) tea.Cmd {
	return func() tea.Msg {
		v, err := StartVerify(h.ctx(), h, userID, bindingMessage)
		return VerifyStartedMsg{VerifyStarted: v, Err: err}
	}
}

// ResetCmd runs ResetMethod, or ResetAll when methodID is "" (known are
// the ids the card showed).
func ResetCmd(h Helpdesk, userID, methodID string, known []string) tea.Cmd {
	return func() tea.Msg {
		var v Reset
		var err error
		if methodID == "" {
			v, err = ResetAll(h.ctx(), h, userID, known)
		} else {
			v, err = ResetMethod(h.ctx(), h, userID, methodID)
		}
		return ResetMsg{Reset: v, Err: err}
	}
}

// CreateTicketCmd runs CreateTicket.
func CreateTicketCmd(h Helpdesk, userID string, o TicketOptions) tea.Cmd {
	return func() tea.Msg {
		v, err := CreateTicket(h.ctx(), h, userID, o)
		return TicketMsg{IssuedTicket: v, Err: err}
	}
}

// RegenerateRecoveryCodeCmd runs RegenerateRecoveryCode.
func RegenerateRecoveryCodeCmd(h Helpdesk, userID string) tea.Cmd {
	return func() tea.Msg {
		v, err := RegenerateRecoveryCode(h.ctx(), h, userID)
		return RecoveryCodeMsg{RecoveryCodeIssued: v, Err: err}
	}
}

// VerificationRecordedMsg answers RecordVerificationCmd.
type VerificationRecordedMsg struct {
	VerifiedCaller
}

// RecordVerificationCmd runs RecordVerification once the wait a has ended.
func RecordVerificationCmd(h Helpdesk, userID string, a *Approval) tea.Cmd {
	return func() tea.Msg { return VerificationRecordedMsg{RecordVerification(h, userID, a)} }
}
