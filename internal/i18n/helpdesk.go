package i18n

// HelpdeskWords are what the helpdesk says: its problems, its plain
// commands and their help, and its screens. Formats take ids, emails and
// names from Auth0 as arguments, never as the format.
type HelpdeskWords struct {
	Problem struct {
		Scope          ProblemText // Fix %s %s: the scopes, the dashboard place
		NotAuthorized  string      // %s: the dashboard place
		UserNotFound   ProblemText
		Grant          ProblemText
		NoPush         ProblemText
		BindingMessage ProblemText
		NoApplication  string // no helpdesk application is configured: what to set
		NoAppTitle     string
		NoUser         string // %s: email
		SeveralUsers   string // %d %s: how many, email
		NoSuchUser     string // %s %s: the --user-id or --connection given, email
		NeedsEmail     string // %s: the command
	}

	// Card is the user card's labels, on screen and in plain lines.
	Card struct {
		Name, UserID, Connection, LastLogin, State, Blocked, NotBlocked string
		Methods, NoMethods, Enrollments, NoEnrollments                  string
		Confirmed, Pending, Never, Created, LastUsed                    string
		Missing                                                         string // %s %s: scopes, the dashboard place
		RecoveryCode                                                    string // the user's new code, handed out by the agent (not "your")
		NoPush                                                          string // %s: the ticket's key
	}

	// Plain is the plain commands' lines.
	Plain struct {
		Finding         string // %s: email
		Card            string // %s: email
		MethodLine      string // %s %s %s %s %s %s: type, name, confirmed, created, last used, id
		Verifying       string // %s %s: user, binding message
		ReadAloud       string // %s: binding message
		Waiting         string // %s %s: next check, time left
		Verified        string // %s %s: user, clock time
		Rejected        string // %s: user
		Expired         string
		TicketFor       string // %s: user
		TicketLink      string
		TicketMailed    string // %s: email
		TicketExpiry    string // %s: lifetime
		RecoveryFor     string // %s: user
		RecoveryOnce    string
		ResetChoose     string
		ResetConfirm    string // %s: email (the prompt)
		ResetNoYes      string // %s: the flag
		ResetMismatch   string
		ResetOne        string // %s %s: method id, user
		ResetAll        string // %s: user
		NoSuchMethod    string // %s: method id
		Unaudited       string // %s: the error
		LogEmpty        string // %s: path
		LogSkipped      string // %d: lines
		LogSkippedOne   string // %d: LogSkipped for one line
		LogHeader       string // time, user, tenant, action, outcome…
		MessageMade     string // %s: the message made up
		ChooseFlags     string
		BothMethodFlags string
	}

	// UI is the console's screens.
	UI struct {
		HomeEntry, HomeHint                                    string
		FindTitle, EmailLabel, FindHint, Finding, SandboxUsers string // SandboxUsers %s: emails
		UsersTitle                                             string // %s: email
		Loading                                                string
		Audited                                                string // %s: the log's path
		KeyFind, KeyVerify, KeyDelete, KeyDeleteAll            string
		KeyTicket, KeyRecovery, KeySend                        string
		KeyNewPush                                             string // enter once a verification ended: another push
		VerifyTitle                                            string // %s: user
		MessageLabel, MessageHint                              string
		Sending                                                string
		ReadAloud                                              string // %s: binding message
		Instructions                                           string // %s: user
		Verified                                               string // %s %s: user, clock time
		Rejected                                               string // %s: user
		Expired, AgainHint                                     string
		ConfirmOne                                             string // %s %s: method, user
		ConfirmAll                                             string // %s: user
		ConfirmPrompt, ConfirmMismatch, Deleting               string
		DeletedOne                                             string // %s: method
		DeletedAll                                             string
		TicketTitle                                            string // %s: user
		TicketSteps                                            string
		TicketExpiry                                           string // %s: lifetime
		Creating, Regenerating                                 string
		RecoveryTitle                                          string // %s: user
		RecoveryHint                                           string
		Unaudited                                              string // %s: the error
		Header                                                 string // the header's right side in the console
		HeaderUser                                             string // %s: the user the card shows
	}

	// Explain is what the helpdesk's answers mean, on the line under the
	// header.
	Explain struct {
		Token, Sent, Approved, Users, User, Methods, Enrollments, Ticket, RecoveryCode, Deleted string
	}

	// Help is the commands' help.
	Help struct {
		User, UserShow, Verify, Ticket, Reset, RecoveryCode, Helpdesk, Log string
		ExUserShow, ExVerify, ExTicket, ExReset, ExRecoveryCode, ExLog     string
		FlagMessage, FlagUserID, FlagConnection, FlagMethod, FlagAll       string
		FlagYes, FlagSendMail, FlagLocale                                  string
	}
}
