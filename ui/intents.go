package ui

import (
	"time"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
)

// An intent is what a screen asks for beyond itself. The root model
// carries out those about the frame (a note, cancelling the call in
// flight); the journey (journey.go) the others, deciding what comes next.
// Each is named for what the user did, not for what follows: that is the
// journey's to say.
type intent interface{ isIntent() }

// For the root model.
type (
	// noteStatus shows a short note under the body for a few seconds.
	noteStatus struct{ text string }
	// cancelCall abandons the call in flight and goes back where it began.
	cancelCall struct{}
)

// For the journey.
type (
	// chooseJourney: the home screen's choice.
	chooseJourney struct{ journey Journey }
	// leave: esc where it leaves the screen (the sign-in form, the code,
	// the wait, the list, a result).
	leave struct{}
	// goHome: start over, forgetting the session.
	goHome struct{}
	// signInWith: the form was sent with a password.
	signInWith struct{ creds flow.Credentials }
	// signInWithToken: the form was sent with a pasted mfa_token.
	signInWithToken struct{ token, username string }
	// tryAgain: enter on a problem.
	tryAgain struct{}
	// verifyFirst: the user agrees to verify with an existing factor to
	// earn an MFA-API token ("User is already enrolled").
	verifyFirst struct{}
	// newCode: the enrollment ticket is dead; a new one is wanted.
	newCode struct{}
	// enrollFirst: the list is empty and the user enrolls a first factor.
	enrollFirst struct{}
	// choose: enter on an authenticator of the list.
	choose struct{ authenticator auth0.Authenticator }
	// askDelete: d on an authenticator of the list.
	askDelete struct{ authenticator auth0.Authenticator }
	// confirmDelete: yes to the delete's question.
	confirmDelete struct{ authenticator auth0.Authenticator }
	// refreshList: the list is fetched again.
	refreshList struct{}
	// sendCode: a typed code answers MFA.
	sendCode struct{ answer flow.Answer }
	// approved: a wait ended with tokens (the push was approved, or the
	// phone enrolled).
	approved struct {
		tokens *auth0.Tokens
		at     time.Time
	}
	// challengeAgain: enter after a push was rejected or expired.
	challengeAgain struct{ authenticator auth0.Authenticator }
	// codesKept: the recovery code shown is confirmed saved.
	codesKept struct{}
	// resendCode: a new code by SMS, voice or email is wanted.
	resendCode struct{ authenticator auth0.Authenticator }
	// chooseFactor: the factor to enroll was chosen.
	chooseFactor struct{ factor *flow.Factor }
	// enrollWith: the phone number or address to enroll was typed.
	enrollWith struct {
		factor *flow.Factor
		input  flow.EnrollInput
	}
	// confirmEnrollment: the code that confirms an enrollment was typed.
	confirmEnrollment struct{ answer flow.Answer }
)

func (noteStatus) isIntent()      {}
func (cancelCall) isIntent()      {}
func (chooseJourney) isIntent()   {}
func (leave) isIntent()           {}
func (goHome) isIntent()          {}
func (signInWith) isIntent()      {}
func (signInWithToken) isIntent() {}
func (tryAgain) isIntent()        {}
func (verifyFirst) isIntent()     {}
func (newCode) isIntent()         {}
func (enrollFirst) isIntent()     {}
func (choose) isIntent()          {}
func (askDelete) isIntent()       {}
func (confirmDelete) isIntent()   {}
func (refreshList) isIntent()     {}
func (sendCode) isIntent()        {}
func (approved) isIntent()        {}
func (challengeAgain) isIntent()  {}
func (codesKept) isIntent()       {}

// The helpdesk console's intents (journey_helpdesk.go).
type (
	// findUser: an email to look up.
	findUser struct{ email string }
	// pickUser: one of several users with the email.
	pickUser struct{ userID string }
	// verifyCaller: v on the card.
	verifyCaller struct{}
	// sendVerify: the binding message is sent.
	sendVerify struct{ message string }
	// verifyEnded: the verification wait ended; its end goes to the log.
	verifyEnded struct {
		userID   string
		approval *flow.Approval
	}
	// askReset: delete one method (methodID) or all ("").
	askReset struct {
		method *management.AuthenticationMethod
	}
	// confirmReset: the user's email was typed.
	confirmReset struct{ methodID string }
	// askTicket, askRecoveryCode: the card's other actions.
	askTicket       struct{}
	askRecoveryCode struct{}
	// backToCard: the action's screen is done with.
	backToCard struct{}
)

func (findUser) isIntent()          {}
func (pickUser) isIntent()          {}
func (verifyCaller) isIntent()      {}
func (sendVerify) isIntent()        {}
func (verifyEnded) isIntent()       {}
func (askReset) isIntent()          {}
func (confirmReset) isIntent()      {}
func (askTicket) isIntent()         {}
func (askRecoveryCode) isIntent()   {}
func (backToCard) isIntent()        {}
func (resendCode) isIntent()        {}
func (chooseFactor) isIntent()      {}
func (enrollWith) isIntent()        {}
func (confirmEnrollment) isIntent() {}
