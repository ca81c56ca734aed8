package i18n

func englishHelpdesk() HelpdeskWords {
	var w HelpdeskWords
	p := &w.Problem
	p.Scope = ProblemText{Title: "The helpdesk application lacks a permission",
		Fix: "Grant the %s scope to the helpdesk application in the Auth0 Dashboard: %s."}
	p.NotAuthorized = "Authorize the helpdesk application for the Management API in the Auth0 Dashboard: %s."
	p.UserNotFound = ProblemText{Title: "No such user", Fix: "Check the email or the user id: the user may have been deleted."}
	p.Grant = ProblemText{Title: "The helpdesk application may not use this grant",
		Fix: "In the Auth0 Dashboard, Applications > Applications > the helpdesk application > Advanced Settings > Grant Types: turn on Client Credentials (and Client Initiated Backchannel Authentication to verify callers)."}
	p.NoPush = ProblemText{Title: "This user has no Guardian push to verify with",
		Fix: "Verify the caller another way, then hand out an enrollment ticket."}
	p.BindingMessage = ProblemText{Title: "Auth0 would refuse this message",
		Fix: "Use up to 64 letters, digits and +-_.,:# with no spaces, such as Helpdesk-4821."}
	p.NoApplication = "No helpdesk application is configured: set AUTH0_HELPDESK_CLIENT_ID and AUTH0_HELPDESK_CLIENT_SECRET, or helpdesk_client_id and helpdesk_client_secret in a profile (README, Helpdesk)."
	p.NoAppTitle = "No helpdesk application is configured"
	p.NoUser = "No user has the email %s."
	p.SeveralUsers = "%d users have the email %s: pass --user-id or --connection to pick one."
	p.NeedsEmail = "Give the user's email: %s EMAIL"
	p.NoSuchUser = "%s is none of the users with the email %s."

	c := &w.Card
	c.Name, c.UserID, c.Connection, c.LastLogin, c.State = "Name", "User id", "Connection", "Last login", "State"
	c.Blocked, c.NotBlocked = "blocked", "not blocked"
	c.Methods, c.NoMethods = "Authentication methods", "No authentication methods."
	c.Enrollments, c.NoEnrollments = "Guardian enrollments", "No Guardian enrollments."
	c.Confirmed, c.Pending, c.Never = "confirmed", "not confirmed", "never"
	c.RecoveryCode = "Recovery code"
	c.Missing = "The helpdesk application lacks %s: the actions that need it will be refused. Grant it in the Auth0 Dashboard: %s."
	c.Created, c.LastUsed = "Created", "Last used"
	c.NoPush = "No Guardian push enrolled: a push cannot verify this caller. Hand out an enrollment ticket with %s."

	pl := &w.Plain
	pl.Finding = "Looking up %s…"
	pl.Card = "User %s:"
	pl.MethodLine = "%s  %s  %s  created %s  last used %s  (%s)"
	pl.Verifying = "Sending a push to %s with the message %s…"
	pl.ReadAloud = "Read this to the caller: %s. They should see it on their phone before tapping Allow."
	pl.Waiting = "Waiting for the caller's answer (next check in %s, %s left)"
	pl.Verified = "Verified: %s approved the push at %s."
	pl.Rejected = "%s refused the push: do not trust this call."
	pl.Expired = "The push was not answered in time."
	pl.TicketFor = "Enrollment ticket for %s:"
	pl.TicketLink = "Link"
	pl.TicketMailed = "Auth0 also sent it to %s."
	pl.TicketExpiry = "The user opens it on their phone and scans the code with Guardian. It expires: Auth0 publishes no lifetime; plan on %s."
	pl.RecoveryFor = "New recovery code for %s:"
	pl.RecoveryOnce = "Shown once and never again: the old code no longer works. Give it to the user by a safe channel."
	pl.ResetChoose = "Pass --method ID to delete one of these, or --all to delete every one."
	pl.ResetConfirm = "This deletes factors: type the user's email (%s) to confirm: "
	pl.ResetNoYes = "Deleting factors needs a confirmation: pass %s in a script, or run in a terminal to type the user's email."
	pl.ResetMismatch = "The email typed does not match: nothing was deleted."
	pl.ResetOne = "Deleted %s of %s."
	pl.ResetAll = "Deleted every authentication method of %s: they will enroll again at their next sign-in."
	pl.NoSuchMethod = "%s is not one of this user's authentication methods."
	pl.Unaudited = "Warning: the audit log could not be written: %s"
	pl.LogEmpty = "The audit log %s holds no entries yet."
	pl.LogSkipped = "%d lines of the log could not be read."
	pl.LogSkippedOne = "%d line of the log could not be read."
	pl.LogHeader = "TIME\tOS USER\tTENANT\tUSER\tACTION\tOUTCOME\tDETAIL"
	pl.MessageMade = "No --message: using %s."
	pl.ChooseFlags = "Run the command again with --user-id or --connection, taken from the list above."
	pl.BothMethodFlags = "--method and --all cannot be used together."

	u := &w.UI
	u.HomeEntry, u.HomeHint = "Helpdesk", "Find a user by email, verify a caller with a push, reset factors, hand out an enrollment ticket or a recovery code."
	u.FindTitle, u.EmailLabel = "Helpdesk: find a user", "Email"
	u.FindHint = "enter looks the user up · esc goes back"
	u.Finding = "Looking the user up…"
	u.SandboxUsers = "Sandbox users: %s"
	u.UsersTitle = "Several users have the email %s: choose one"
	u.Loading = "Reading the user's factors…"
	u.Audited = "Every action is written to the audit log: %s"
	u.KeyFind, u.KeyVerify, u.KeyDelete, u.KeyDeleteAll = "find", "verify", "delete", "delete all"
	u.KeyTicket, u.KeyRecovery, u.KeySend = "ticket", "recovery code", "send"
	u.KeyNewPush = "new push"
	u.VerifyTitle = "Verify the caller: %s"
	u.MessageLabel = "Message shown on the phone, read aloud to the caller"
	u.MessageHint = "Letters, digits and +-_.,:# only, no spaces; up to 64."
	u.Sending = "Sending the push…"
	u.ReadAloud = "Read this to the caller: %s"
	u.Instructions = "A push was sent to %s's phone. They should see the same message before tapping Allow."
	u.Verified = "Verified: %s approved the push at %s"
	u.Rejected = "%s refused the push: do not trust this call."
	u.Expired = "The push was not answered in time."
	u.AgainHint = "enter sends a new push · esc goes back to the user"
	u.ConfirmOne = "Delete %s of %s?"
	u.ConfirmAll = "Delete every authentication method of %s?"
	u.ConfirmPrompt = "Type the user's email to confirm"
	u.ConfirmMismatch = "That is not the user's email: nothing was deleted."
	u.Deleting = "Deleting…"
	u.DeletedOne = "Deleted %s."
	u.DeletedAll = "Deleted every authentication method: the user enrolls again at their next sign-in."
	u.TicketTitle = "Enrollment ticket for %s"
	u.TicketSteps = "The user opens this link on their phone (or scans this code with its camera) and follows the page to enroll Guardian."
	u.TicketExpiry = "It expires: Auth0 publishes no lifetime; plan on %s."
	u.Creating = "Creating the ticket…"
	u.Regenerating = "Regenerating the recovery code…"
	u.RecoveryTitle = "New recovery code for %s"
	u.RecoveryHint = "Shown once: the old code no longer works. Give it to the user by a safe channel, then press enter."
	u.Unaudited = "The audit log could not be written: %s"
	u.Header, u.HeaderUser = "helpdesk", "helpdesk · %s"

	e := &w.Explain
	e.Token = "a Management API token for the helpdesk application"
	e.Sent = "the push is on its way to the user's phone"
	e.Approved = "the caller approved the push"
	e.Users, e.User = "the users with this email", "the user's account"
	e.Methods, e.Enrollments = "the user's authentication methods", "the user's Guardian enrollments"
	e.Ticket = "an enrollment ticket for the user's phone"
	e.RecoveryCode = "a new recovery code, shown once"
	e.Deleted = "deleted"

	h := &w.Help
	h.User = "Show a user by email (the helpdesk's Management API application)"
	h.UserShow = "Show a user's card: the account, its authentication methods and Guardian enrollments"
	h.Verify = "Verify a caller: send a push with a message to read aloud, and wait for the approval (CIBA)"
	h.Ticket = "Create a Guardian enrollment ticket: a link (and QR code) the user opens on their phone"
	h.Reset = "Delete one authentication method (--method) or all of them (--all); in a script --yes confirms"
	h.RecoveryCode = "Regenerate a user's recovery code, shown once"
	h.Helpdesk = "Open the helpdesk console: find a user, verify a caller, reset factors, hand out a ticket"
	h.Log = "Print the helpdesk's audit log"
	h.ExUserShow = `  # A user's factors, as JSON for a ticket system
  mfapush user show bob@example.com --json`
	h.ExVerify = `  # Send a push the caller reads on their phone; exit status 0 verified, 2 refused
  mfapush verify bob@example.com --message Helpdesk-4821`
	h.ExTicket = `  # A new enrollment link, also mailed in French
  mfapush ticket alice@example.com --send-mail --locale fr`
	h.ExReset = `  # Delete every factor of a user who lost their phone, from a script
  mfapush reset bob@example.com --all --yes`
	h.ExRecoveryCode = `  # A new recovery code (the old one stops working)
  mfapush recovery-code bob@example.com`
	h.ExLog = `  # Every helpdesk action, as JSON lines
  mfapush helpdesk log --json`
	h.FlagMessage = "binding message shown on the phone and read aloud (letters, digits and +-_.,:#, no spaces); made up when not given"
	h.FlagUserID = "the user id, when several users share the email"
	h.FlagConnection = "the connection, when several users share the email"
	h.FlagMethod = "id of the authentication method to delete (mfapush user show lists them)"
	h.FlagAll = "delete every authentication method"
	h.FlagYes = "confirm without typing the user's email (for scripts)"
	h.FlagSendMail = "have Auth0 email the ticket to the user too"
	h.FlagLocale = "language of that email, such as fr"
	return w
}
