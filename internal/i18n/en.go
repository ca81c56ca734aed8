package i18n

func englishCatalog() Catalog {
	var c Catalog
	c.Lang = English

	c.App.Name = "mfapush"
	c.App.SandboxTenant = "sandbox tenant"
	c.App.Tenant = "tenant"
	c.App.NotSignedIn = "not signed in"
	c.App.TooSmall = "This window is too small: make it at least %d×%d."
	c.App.TooSmallShort = "Needs %d×%d"
	c.App.TooSmallSize = "%d×%d"
	c.App.TooSmallKeys = "Until then, keys do nothing but q, which quits."
	c.App.TooSmallSave = "A recovery code waits unsaved: only ctrl+c quits."
	c.App.ExitEnrolled = "Enrolled %s (%s) for %s"
	c.App.ExitSignedIn = "Signed in %s with MFA (scope: %s)"
	c.App.ExitDeleted = "Deleted %s"
	c.App.SandboxPace = "The sandbox is checked every %s to keep the demo quick; a real tenant needs 5s between checks."

	k := &c.Keys
	k.Quit, k.Back, k.Help, k.MoreHelp = "quit", "back", "help", "more keys"
	k.EnterKey, k.EscKey = "enter", "esc"
	k.Select, k.Up, k.Down, k.Next, k.Submit = "choose", "up", "down", "next field", "submit"
	k.Copy, k.Save, k.Confirm, k.NewCode = "copy link", "save to file", "I've saved it", "new code"
	k.Scan, k.Approve, k.Reject, k.TogglePhone = "phone: scan", "phone: approve", "phone: reject", "phone panel"
	k.OTP, k.Recovery, k.Delete, k.Filter, k.Refresh = "enter a code", "recovery code", "delete", "filter", "refresh"
	k.Reveal, k.Retry, k.Home, k.PasteToken = "reveal tokens", "try again", "start over", "paste an mfa_token"
	k.TypePassword, k.Verify, k.Trace = "use a password", "verify", "request trace"
	k.CopyCurl, k.Details = "copy as curl", "details"
	k.EnrollNow = "enroll push"
	k.ApplyFilter, k.Cancel = "apply filter", "cancel"
	k.LessHelp, k.Ends = "fewer keys", "first/last"
	k.Sideways, k.RevealSecrets, k.HideSecrets = "scroll sideways", "reveal secrets", "hide secrets"

	h := &c.Home
	h.Title = "What do you want to do?"
	h.Enroll = "Enroll Guardian push"
	h.EnrollHint = "Sign a user in, show the enrollment QR code, wait for the phone to confirm."
	h.Challenge = "Sign in with a push"
	h.ChallengeHint = "Challenge an enrolled authenticator and wait for the approval on the phone."
	h.Authenticators = "Manage authenticators"
	h.ManageHint = "List a user's authenticators, challenge one, or delete one."
	h.DemoUsers = "Demo users of the sandbox tenant"
	h.DemoNotEnrolled = "no authenticator yet: enroll push"
	h.DemoEnrolled = "enrolled: %s"
	h.DemoKinds = KindNames{Push: "push", OTP: "OTP", RecoveryCode: "recovery code", SMS: "SMS", Voice: "voice call",
		Email: "email", WebAuthn: "security key", Unknown: "other"}
	h.RealTenant = "Talking to the Auth0 tenant %s."
	h.NeedsMFAApp = "Needs the MFA application, which is not configured: set AUTH0_CLIENT_ID, or client_id in a profile (README, Use it with your Auth0 tenant)."

	si := &c.SignIn
	si.Title = "Sign in · %s"
	si.ForEnroll = "enroll Guardian push"
	si.ForChallenge = "sign in with a push"
	si.ForManage = "manage authenticators"
	si.ForVerify = "get access to the MFA API"
	si.Email = "Email"
	si.Password = "Password"
	si.Realm = "Connection"
	si.RealmHint = "optional: the database connection (realm)"
	si.MFAToken = "mfa_token"
	si.MFATokenHint = "paste the mfa_token of an mfa_required answer"
	si.PasteTitle = "Use an mfa_token you already have"
	si.MissingEmail = "Type the user's email."
	si.MissingPass = "Type the password."
	si.MissingToken = "Paste an mfa_token."
	si.Working = "Signing in…"
	si.PasswordAgain = "Type %s's password again to get an MFA API token."

	w := &c.Working
	w.Associating = "Asking Auth0 for an enrollment ticket…"
	w.Listing = "Fetching the authenticators…"
	w.Challenging = "Sending the push…"
	w.Verifying = "Checking the code…"
	w.Deleting = "Deleting…"
	w.SigningInAgain = "Signing in again for an MFA API token…"

	p := &c.Problem
	p.ServerSaid = "Auth0 answered %s (HTTP %d)."
	p.NoAnswer = "No answer: %s."
	p.Quoted = "\"%s\""
	p.EmptyBody = "an empty body"
	p.HTMLPage = "an HTML page, not JSON (a proxy or the wrong domain?)"
	p.NotJSON = "a body that is not JSON"
	p.TooLarge = "a body over 1 MiB"
	p.TimedOut = "timed out after %s"
	p.WhatToDo = "What to do"
	p.Unknown = ProblemText{"Something went wrong", "Try again. If it keeps happening, open the request trace (t) to see the exchange."}
	p.WrongCredentials = ProblemText{"Wrong email or password", "Check the email and the password. If both are right, the user may be in another database connection than the tenant's default: name it with --realm."}
	p.SandboxUsers = "On the sandbox tenant the demo users are alice@example.com (alice-password) and bob@example.com (bob-password)."
	p.GrantNotAllowed = ProblemText{"This application may not use the MFA grant",
		"In the Auth0 Dashboard, open Applications > your application > Advanced Settings > Grant Types, tick MFA (and Password), and save."}
	p.BadClient = ProblemText{"The client ID or secret is wrong",
		"Copy the Client ID and Client Secret again from Applications > your application > Settings (AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET)."}
	p.MFANotRequired = ProblemText{"MFA is not required for this user",
		"Auth0 signed the user in without asking for MFA, so there is no mfa_token. Require MFA (Security > Multi-factor Auth > Require Multi-factor Auth: Always), or use an Action that requires it."}
	p.Unreachable = ProblemText{"The tenant cannot be reached",
		"Check the network and the domain (AUTH0_DOMAIN). Behind a proxy, set HTTPS_PROXY."}
	p.TLS = ProblemText{"The tenant's certificate is not trusted",
		"Behind a corporate proxy that inspects TLS, point SSL_CERT_FILE at its CA certificate. For the sandbox with --tls, use the SSL_CERT_FILE line it printed."}
	p.RateLimited = ProblemText{"Auth0 is rate limiting these requests", "Wait a minute, then try again."}
	p.Server = ProblemText{"The tenant answered with an error page", "Auth0 or a proxy on the way failed. Wait a moment and try again."}
	p.AlreadyEnrolled = ProblemText{"The user is already enrolled",
		"An mfa_token can only enroll a user's first factor. Verify with the existing factor to get an MFA API token, then enroll."}
	p.TokenExpired = ProblemText{"The mfa_token has expired", "It lasts a few minutes (Auth0 does not publish how long: its pages say 5 or 10). Sign in again."}
	p.TokenInvalid = ProblemText{"Auth0 did not accept the mfa_token",
		"Paste the whole mfa_token from a fresh mfa_required answer of this same application, or sign in with a password."}
	p.InvalidCode = ProblemText{"That code is not right", "Check the code and type it again. OTP codes change every 30 seconds."}
	p.TooManyAttempts = ProblemText{"Too many wrong codes", "Auth0 blocks further attempts for a while. Wait, then try again."}
	p.InsufficientScope = ProblemText{"The token does not allow this",
		"Sign in again with the MFA API audience and the scopes enroll, read:authenticators and remove:authenticators."}
	p.NotEnrolled = ProblemText{"Nothing to challenge", "The user has no active authenticator of that kind. Enroll one first."}
	p.FactorUnsupported = ProblemText{"The tenant does not offer this factor",
		"Enable it under Security > Multi-factor Auth in the Auth0 Dashboard."}
	p.NoPassword = ProblemText{"A password is needed",
		"An MFA API token needs a sign-in with a password. Sign in with the user's email and password."}
	p.AccountBlocked = ProblemText{"This account is blocked",
		"Auth0 blocks sign-ins to this account from this computer after too many wrong passwords in a row (10 by default), even with the right password. The user can lift the block with the link in the email Auth0 sent, or by resetting the password; an administrator can unblock the user in the Auth0 Dashboard (User Management > Users)."}
	p.AccountBlockedOnSandbox = "The sandbox blocks sign-ins to this account after 10 wrong passwords in a row, as Auth0 does, but sends no email: restart the sandbox (quit mfapush and start it again), or wait 15 minutes."
	p.AccessExpired = ProblemText{"The MFA API access token has expired",
		"It lives 10 minutes. Try again: verify with a factor for a new one, and the request is sent again."}
	p.AccessRefused = ProblemText{"Auth0 did not accept the MFA API access token",
		"It was issued for another tenant or audience, or no longer holds. Try again: verify with a factor for a new one, and the request is sent again."}
	p.NoMFAApp = ProblemText{"No MFA application is configured",
		"Only the helpdesk's application is. Signing a user in, enrolling and challenging need the application users sign in with: set AUTH0_CLIENT_ID (and AUTH0_CLIENT_SECRET for a confidential application), or client_id in a profile (README, Use it with your Auth0 tenant). The helpdesk works without it."}

	e := &c.Enroll
	e.Title = "Enroll Guardian push · %s"
	e.Step1 = "1. Open Auth0 Guardian on the phone."
	e.Step2 = "2. Tap + and scan this code."
	e.Step3 = "3. Keep this window open: it moves on by itself once the phone is enrolled."
	e.ValidFor = "The code is valid for %s."
	e.Expired = "The code has expired: it must be scanned within 5 minutes."
	e.NewCodeHint = "Press n for a new code."
	e.Waiting = "Waiting for the phone"
	e.NextCheck = "next check in %s"
	e.Checking = "checking…"
	e.Retrying = "the tenant did not answer (%d in a row): retrying"
	e.ClockFast = "Auth0 asked to slow down twice: this machine's clock may run fast."
	e.Sent = "Sent to the clipboard through the terminal (OSC 52); if it did not arrive, select the text below."
	e.LinkLabel = "Link"
	e.TooSmallQR = "The QR code needs a window of at least %d×%d. Enlarge it, or press c to copy the link."
	e.RecoveryTitle = "Recovery code"
	e.RecoveryHint = "A recovery code comes with this enrollment: it is shown once the phone is enrolled, for you to save."
	e.RecoveryLater = "A recovery code comes with the first factor only."
	e.RateLimited = "Auth0 is rate limiting the checks, and the wait would outlast the code."
	e.Failed = "The enrollment could not be confirmed."
	e.PhoneScanned = "%s scanned the code."
	e.TooShortQR = "The QR code needs a window at least %d rows tall. Enlarge it, or press c to copy the link."
	e.TooNarrowQR = "The QR code needs a window at least %d columns wide. Enlarge it, or press c to copy the link."
	e.TooLongQR = "The enrollment link is %d bytes long, more than a QR code holds (%d): it cannot be scanned. Press c to copy it."
	e.NoQR = "The QR code could not be drawn. Press c to copy the link."
	e.ShortWaiting = "%s left · waiting for the phone"
	e.ShortSent = "%s left · link sent by OSC 52"
	e.SentNoRoom = "Link sent through the terminal (OSC 52); if it did not arrive, enlarge the window to see it."

	en := &c.Enrolled
	en.Title = "Enrolled"
	en.FileHeader = "Auth0 MFA recovery code for %s"
	en.Summary = "%s on %s is active for %s."
	en.DeviceUnknown = "the phone"
	en.SummaryUnnamed = "%s is active for %s."
	en.RecoveryTitle = "Recovery code: the way in if the phone is lost"
	en.RecoveryHint = "Write it down or save it to a file, then confirm. It will not be shown again."
	en.PresentHint = "Confirm once it is saved: it will not be shown again."
	en.Saved = "Saved, readable only by you, in:"
	en.SaveFailed = "Could not save: %s"
	en.AckNeeded = "Save or write down the recovery code, then press enter to confirm."
	en.Continue = "Press enter to start over, q to quit."
	en.Hidden = "Hidden now that you saved it: it will not be shown again."

	a := &c.AlreadyEnrolled
	a.Title = "This user already has an authenticator"
	a.Explain = "Auth0 accepts an mfa_token to enroll only the first factor of a user (\"User is already enrolled\")."
	a.Path = "The documented way: verify with an existing factor for the MFA API audience with the enroll scope, then enroll with the access token that gives."
	a.Action = "Press enter to verify with an existing factor."

	l := &c.List
	l.TitleChallenge = "Choose the authenticator to challenge"
	l.TitleManage = "Authenticators"
	l.TitleVerify = "Verify with an existing factor · %s"
	l.ForEnroll = "to enroll a new one"
	l.ForDelete = "to delete %s"
	l.Empty = "This user has no authenticator."
	l.EmptyHint = "Press e to enroll Guardian push for this user now."
	l.Active = "active"
	l.Pending = "pending: never confirmed"
	l.PendingHint = "This authenticator was never confirmed, so it cannot be challenged."
	l.Unsupported = "mfapush challenges push, OTP and recovery codes; %s is not supported here."
	l.Kinds = KindNames{Push: "Guardian push", OTP: "One-time password", RecoveryCode: "Recovery code", SMS: "SMS",
		Voice: "Voice", Email: "Email", WebAuthn: "Security key", Unknown: "Other"}
	l.ItemName = "authenticator"
	l.ItemsName = "authenticators"
	l.ConfirmDelete = "Delete %s?"
	l.ConfirmHint = "Press y to delete, n or esc to keep it."
	l.TwinNote = "Its paired authenticator (push and OTP go together) is deleted too."
	l.Deleted = "Deleted %s."
	l.CannotDelete = "Recovery codes can only be removed by an administrator (Management API)."
	l.NoVerifier = "No active push, OTP or recovery code to verify with."
	l.Refreshed = "List refreshed."
	l.FilterPrompt = "Filter: "
	l.Matched = "%d of %d match “%s”"
	l.MatchedOne = "%d of %d matches “%s”"
	l.NoMatch = "Nothing matched."

	ch := &c.Challenge
	ch.Title = "Approve the sign-in on %s"
	ch.TitleVerify = "Verify it's you on %s"
	ch.TitleCode = "Sign in with a code: %s"
	ch.CodeOnlyHint = "enter to check · esc to go back"
	ch.Instructions = "A push notification was sent. Open it on the phone and tap Allow."
	ch.Waiting = "Waiting for the approval"
	ch.Elapsed = "%s elapsed"
	ch.Left = "%s left"
	ch.NextCheck = "next check in %s"
	ch.Checking = "checking…"
	ch.Fallbacks = "No push? Press o to type the 6-digit code from the Guardian app, r to use a recovery code."
	ch.OTPPrompt = "6-digit code from the Guardian app"
	ch.RecoveryPrompt = "Recovery code"
	ch.CodeHint = "enter to check · esc to go back to the push"
	ch.BadOTP = "Type the 6 digits shown in the Guardian app."
	ch.Approved = "Approved"
	ch.Rejected = "Rejected on the device"
	ch.RejectedHint = "The person holding the phone refused the request. Press enter to send a new push."
	ch.Expired = "The request expired"
	ch.ExpiredHint = "The mfa_token or the push expired before an answer. Press enter to start again."
	ch.TimedOut = "No answer in time"
	ch.RateLimited = "Auth0 is rate limiting the checks, and the wait would outlast the request."
	ch.Failed = "The approval could not be checked"
	ch.TryAgain = "Press enter to try again."
	ch.ClockFast = "Auth0 asked to slow down twice: this machine's clock may run fast."
	ch.Retrying = "the tenant did not answer (%d in a row): retrying"
	ch.Cancelled = "Cancelled."

	nr := &c.NewRecovery
	nr.Title = "Your new recovery code"
	nr.Hint = "The code you used no longer works. Save this one, then confirm."

	r := &c.Result
	r.Title = "Signed in with MFA"
	r.TokenType = "Token type"
	r.Scope = "Scope"
	r.Audience = "Audience"
	r.ExpiresIn = "Expires"
	r.ExpiresAt = "in %s (at %s)"
	r.ExpiresTomorrow = "in %s (tomorrow at %s)"
	r.ExpiresOn = "in %s (on %s at %s)"
	r.Expired = "expired"
	r.AccessToken = "Access token"
	r.IDToken = "ID token"
	r.RefreshToken = "Refresh token"
	r.Hidden = "hidden: press v to reveal"
	r.IDTokenDecoded = "ID token, decoded (not verified)"
	r.AccessTokenDecoded = "Access token, decoded (not verified)"
	r.Header = "header"
	r.Opaque = "opaque (not a JWT)"
	r.Done = "Press enter to start over, q to quit."
	r.ExpiryUnknown = "unknown"
	r.OpaqueWhy = "opaque: Auth0 issues opaque access tokens when no API audience is asked; it cannot be decoded"

	ph := &c.Phone
	ph.Title = "Simulated phone"
	ph.Idle = "Nothing to do."
	ph.NoDevices = "No Guardian account yet."
	ph.ScanPrompt = "A QR code is on screen."
	ph.Scanning = "Scanning…"
	ph.Scanned = "Enrolled as %s."
	ph.ScanFailed = "Scan failed: %s"
	ph.Incoming = "Sign-in request"
	ph.From = "from %s on %s"
	ph.ApproveKey = "approve"
	ph.RejectKey = "reject"
	ph.Answered = "Answer sent."
	ph.AnswerFailed = "Could not answer: %s"
	ph.OTP = "Code"
	ph.SecondsLeft = "%ds"
	ph.Hidden = "panel hidden: p shows it"
	ph.DeviceName = "%s's phone"
	ph.DeviceNameElided = "%s's phone"
	ph.Status = "phone"

	tr := &c.Trace
	tr.Title = "Request trace · %d exchanges"
	tr.TitleOne = "Request trace · %d exchange"
	tr.Empty = "No request yet. Every HTTP exchange with the tenant will show here, secrets hidden."
	tr.CurlTitle = "Replay it with curl"
	tr.Variables = "Set %s in your shell first, as the README's curl walk-through does: they stand for secrets the trace hides."
	tr.Copied = "Sent to the clipboard (OSC 52); if it did not arrive, select the command above."
	tr.Explained = "%s %s → %s: %s"
	tr.Tokens = "tokens"
	tr.NetworkError = "network error: %s"
	tr.Unread = "%s, unread: %s"
	tr.NoAnswer = "no answer"
	tr.NoReason = "(no reason given)"
	tr.NoAnswerIn = "no answer after %s: %s"
	tr.StatusIn = "%s in %s"
	tr.ReadFailed = "the answer could not be read: %s"
	tr.NoBody = "(no body)"
	tr.Binary = "(%d bytes that are not text)"
	tr.BinaryOne = "(%d byte that is not text)"
	tr.MoreLines = "(%d more lines not shown)"
	tr.MoreLineOne = "(%d more line not shown)"
	tr.Cut = "(the body was longer: only its start was kept)"
	tr.CutHeaders = "… %s of headers not kept"
	tr.CutBody = "… %s of the body not kept"
	tr.CutURL = "… %s of the URL not kept"
	tr.Dropped = "… %d older exchanges not kept (the trace keeps at most %s)"
	tr.DroppedOne = "… %d older exchange not kept (the trace keeps at most %s)"
	tr.Bytes = "%d bytes"
	tr.ByteOne = "%d byte"
	tr.Kilobytes = "%d.%d kB"
	tr.Megabytes = "%d.%d MB"
	tr.CurlWide = "Its lines are not wrapped, so that a mouse copy pastes one command: widen the window to see them whole, scroll with ←/→, or press c to copy it."
	tr.RevealPrompt = "Show the secrets of %s in the trace: tokens, mfa_tokens, codes and the client secret? Anyone who sees the screen can use them. Type %s, then enter:"
	tr.RevealDeclined = "Secrets stay hidden."

	x := &c.Explain
	x.MFARequired = "the password is right; an mfa_token (valid a few minutes) to complete MFA with"
	x.Tokens = "MFA done: tokens issued"
	x.Pending = "authorization_pending: no answer from the phone yet"
	x.SlowDown = "slow_down: asked too fast, so every later poll waits 5 s more"
	x.Rejected = "rejected on the device"
	x.Expired = "expired: start again"
	x.RateLimited = "rate limited: waiting before the next try"
	x.Network = "no answer from the tenant"
	x.Associate = "an enrollment ticket, valid 5 minutes"
	x.Challenge = "a push is on its way; its oob_code is polled"
	x.List = "the user's authenticators, pending ones included"
	x.Delete = "deleted, with its paired authenticator"
	x.Error = "%s"
	x.TooManyAttempts = "too_many_attempts: too many wrong passwords or codes; further tries are refused for now"

	c.CLI.RevealPrompt = "--reveal-secrets shows the tokens, mfa_tokens and client secret of %s on screen and in the request trace.\nAnyone who sees the screen can use them. Type yes to go on: "
	c.CLI.RevealDeclined = "secrets stay hidden: run again without --reveal-secrets"
	c.CLI.RevealNeedsTerminal = "--reveal-secrets against a real tenant needs a yes typed in a terminal"
	c.CLI.Yes = "yes"
	c.CLI.NeedsTerminal = "mfapush needs a terminal for its interface: run it in one, or use --plain"
	c.CLI.Warning = "warning: %s"
	c.CLI.Problems = "the settings have %d problems (listed above; mfapush config shows them all)"
	c.CLI.ProblemsOne = "the settings have %d problem (listed above; mfapush config shows it too)"
	c.CLI.ProblemOne = "the settings have %d problem (listed above)"
	c.CLI.ProblemMany = "the settings have %d problems (listed above)"
	c.CLI.SandboxFailed = "start the built-in sandbox: %w"
	c.CLI.ErrorHeader = "ERROR"
	c.CLI.TryHelp = "Try %s for usage."
	c.CLI.UnknownCommand = "unknown command \"%s\" for \"%s\""
	c.CLI.UnknownFlag = "unknown flag: %s"
	c.CLI.FlagNeedsValue = "flag needs an argument: %s"
	c.CLI.BadBool = "invalid %s %q: use true or false"
	c.CLI.BadDuration = "invalid %s %q: use a duration such as 5s or 2m"
	c.CLI.NegativeDuration = "invalid %s %s: use 0 (off) or a positive duration"
	c.CLI.NotLoopback = "refusing --addr %s: listen on loopback, such as 127.0.0.1:8484"
	c.CLI.BadAddr = "invalid --addr %q: use host:port, such as 127.0.0.1:8484"
	c.CLI.PortBusy = "port %s is busy: free it, or use --addr 127.0.0.1:0"
	c.CLI.FlagsExclusive = "%s and %s cannot go together: use one of them"
	c.CLI.RecordNeedsInterface = "--record needs the full-screen interface: run on a terminal, not --plain"
	c.CLI.RecordFailed = "cannot record to %s: %w"

	hp := &c.Help
	hp.Root = "Enroll and challenge Auth0 MFA factors, Guardian push first, from a terminal"
	hp.RootLong = "mfapush walks you through Auth0's MFA API: sign in, enroll Guardian push with an\n" +
		"on-screen QR code (or an authenticator app, SMS, voice or email), list\n" +
		"authenticators, and answer a challenge. Its helpdesk console verifies a caller\n" +
		"with a push and resets factors. With no tenant configured it runs against a\n" +
		"built-in sandbox tenant with a simulated Guardian phone."
	hp.Enroll = "Enroll a factor for a user: Guardian push with the QR code on screen, an app, SMS, voice or email"
	hp.Challenge = "Sign a user in with a push approval, or a code (app, SMS, voice, email, recovery)"
	hp.Authenticators = "List, challenge and delete a user's authenticators"
	hp.Sandbox = "Serve the sandbox tenant and its simulated Guardian phone on loopback"
	hp.SandboxLong = "Serve an in-memory Auth0 tenant that speaks the MFA API and the Guardian device\n" +
		"endpoints, with a simulated phone you play through /sandbox/ (see README.md,\n" +
		"\"Explore the MFA API with curl\"). It prints export lines for AUTH0_DOMAIN,\n" +
		"AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET to paste into another shell, then the demo\n" +
		"users. It runs until Ctrl+C."
	hp.Config = "Show the effective settings, where each comes from, and check them"
	hp.ConfigLong = "Shows the settings mfapush would use, where each one came from (flag, environment,\n" +
		"config file profile or default), the config file and its profiles, and whether the\n" +
		"built-in sandbox would be used; then lists every problem with how to fix it.\n" +
		"Secrets are masked. Exits with status 1 when there is a problem."
	hp.Decode = "Decode a JWT read from stdin: header, claims and expiry (not verified)"
	hp.Version = "Print the version of mfapush"
	hp.Help = "Help about any command"
	hp.HelpLong = "Help provides help for any command in the application.\nSimply type %s help [path to command] for full details."
	hp.Completion = "Generate the autocompletion script for the specified shell"
	hp.CompletionLong = "Generate the autocompletion script for %s for the specified shell.\nSee each sub-command's help for details on how to use the generated script."
	hp.CompletionShell = "Generate the autocompletion script for %s"
	hp.CompletionShellLong = "Generate the autocompletion script of %s for the %s shell.\n\n" +
		"To load completions in your current shell session:\n\n  %s\n\n" +
		"To load them for every new session, put that line in your shell's startup file."
	hp.NoDescriptions = "disable completion descriptions"
	hp.Commands = "commands"
	hp.HelpFlag = "help for %s"
	hp.VersionFlag = "version for %s"
	hp.ExitStatus = "Exit status, the same in every mode: 0 done, or nothing started; 1 an error\n" +
		"(the command line's too); 2 rejected on the phone, or cancelled; 129 the terminal\n" +
		"was closed (SIGHUP); 130 Ctrl+C (SIGINT); 143 SIGTERM."

	fl := &c.Flags
	fl.Env = "%s (env %s)"
	fl.Domain = "Auth0 tenant domain, such as acme.eu.auth0.com"
	fl.ClientID = "Client ID of the Auth0 application"
	fl.ClientSecret = "Client secret of the Auth0 application (a flag stays in your shell history: prefer the environment or client_secret_file)"
	fl.Audience = "audience (API identifier) to request tokens for"
	fl.Realm = "database connection to sign in with, such as Username-Password-Authentication"
	fl.Username = "user to sign in as"
	fl.PollInterval = "time between polls while waiting for approval, such as 5s (1s to 60s against a tenant; the sandbox allows down to 10ms)"
	fl.Theme = "colour theme: auto, light or dark"
	fl.Lang = "language: en or fr (default: from LC_ALL, LC_MESSAGES or LANG)"
	fl.RevealSecrets = "show secrets (client secret, password, tokens, codes) in the request trace, in error details and in config, instead of masking them"
	fl.Plain = "plain text output, no full-screen interface"
	fl.InvertQR = "invert the QR code's colours, for terminals it does not scan on"
	fl.Profile = "profile of the config file to use"
	fl.Config = "config file (default: $XDG_CONFIG_HOME/mfapush/config.toml)"
	fl.PasswordStdin = "read the password from the first line of standard input (plain mode)"
	fl.JSON = "print one JSON document on stdout at the end; the other lines go to stderr (plain mode)"
	fl.ShowTokens = "print the values of the tokens earned (plain mode)"
	fl.Authenticator = "ID of the authenticator to challenge: a push, or a code by SMS, voice call, email or the app (default: the first active push)"
	fl.OTPStdin = "answer with a 6-digit code from the next line of standard input instead of a push (plain mode)"
	fl.Addr = "loopback address to listen on (127.0.0.1:0 picks a free port)"
	fl.TLS = "serve https with a certificate made at start (prints SSL_CERT_FILE)"
	fl.MinPollInterval = "polls of one oob_code closer than this get slow_down (0 turns it off)"
	fl.AutoApprove = "the phone approves every push after this delay (0: never)"
	fl.AutoScan = "the phone scans every push enrollment QR after this delay (0: never)"
	fl.RecoveryCodeStdin = "answer with a recovery code from the next line of standard input instead of a push (plain mode)"
	fl.HelpdeskClientID = "Client ID of the helpdesk's machine-to-machine application (Management API and CIBA)"
	fl.HelpdeskClientSecret = "Client secret of the helpdesk's application (a flag stays in your shell history: prefer the environment or helpdesk_client_secret_file)"
	fl.Record = "record the session to a file in asciicast v2, the format asciinema plays, secrets masked"

	sb := &c.Sandbox
	sb.Serving = "The mfapush sandbox tenant is serving (Ctrl+C stops it). Every login needs MFA."
	sb.User, sb.Password, sb.State = "user", "password", "state"
	sb.NotEnrolled = "no authenticators: enroll push"
	sb.Enrolled = "push device \"%s\" + TOTP, recovery code %s"
	sb.PlayPhone = "Play the phone with curl (after pasting the lines above into your shell):"
	sb.OrReject = "(or /reject)"
	sb.WalkThrough = "The whole walk-through is in README.md, \"Explore the MFA API with curl\"."
	sb.LimitedHelpdesk = "The helpdesk application above has every scope the helpdesk uses; this one lacks %s, to see the 403 answers:"

	d := &c.Decode
	d.Header = "Header"
	d.Claims = "Claims"
	d.ExpiresIn = "Expires in %s."
	d.ExpiredAgo = "Expired %s ago."
	d.NoExpiry = "No expiry (exp) claim."
	d.NotVerified = "Decoded only: the signature was not verified."
	d.NoToken = "no token on stdin: pipe one in, such as: echo \"$ACCESS_TOKEN\" | mfapush decode"
	d.Prompt = "Paste a JWT (it is not shown), then press Enter: "
	d.Cancelled = "Nothing pasted: no token decoded."
	d.NotJWT = "this is not a JWT (three base64url parts separated by dots): an mfa_token or an opaque access token cannot be decoded"

	c.Duration.Now = "now"
	c.Duration.Seconds = "%ds"
	c.Duration.Tenths = "%d.%ds"
	c.Duration.Millis, c.Duration.Minutes, c.Duration.Hours, c.Duration.Days = "%dms", "%dm", "%dh", "%dd"

	pl := &c.Plain
	pl.NeedsTerminal = "mfapush needs a terminal for its interface. Without one, run mfapush enroll, mfapush challenge or mfapush authenticators with --plain."
	pl.Labeled = "%s: %s"
	pl.Heading = "%s:"
	pl.Error = "Error: %s"
	pl.Tenant = "Tenant: %s"
	pl.SandboxTenant = "Tenant: the built-in sandbox at %s (no tenant is configured)."
	pl.SandboxPhone = "The sandbox's simulated phone answers by itself after %s: it scans the code, approves pushes and passes on the codes it receives."
	pl.UsernamePrompt = "Email: "
	pl.PasswordPrompt = "Password for %s (not shown): "
	pl.NoUsername = "No user to sign in as: pass --username (there is no terminal to ask on)."
	pl.NoPassword = "No password: pipe it in with --password-stdin, or run in a terminal to type it."
	pl.EmptyPassword = "The password is empty."
	pl.EmptyStdin = "%s: nothing came on standard input."
	pl.BadOTP = "--otp-stdin wants the 6 digits shown in the Guardian app."
	pl.SigningIn = "Signing in as %s…"
	pl.ValidUntil = "The code is valid for %s, until %s."
	pl.RecoveryOnce = "Shown once and never again: write it down now. It is the way in if the phone is lost."
	pl.WaitingPhone = "Waiting for the phone (next check in %s, the code expires in %s)"
	pl.WaitingApproval = "Waiting for the approval (next check in %s, %s left)"
	pl.Retrying = "The tenant did not answer (%d in a row): retrying."
	pl.StartAgain = "Run the command again for a new code."
	pl.RunAgain = "Run the command again."
	pl.AlreadyEnrolled = "To enroll another device, run mfapush enroll in a terminal without --plain: it verifies with an existing factor, then shows the code."
	pl.Pushing = "Sending a push to %s (%s)…"
	pl.UsingOTP = "Checking the code from standard input instead of sending a push…"
	pl.NoSuchAuth = "%s is not one of this user's authenticators."
	pl.NoSuchAuthFix = "mfapush authenticators --plain lists the user's authenticators with their ids."
	pl.NoSuchAuthFresh = "The built-in sandbox starts afresh at each run, with new ids: serve one with mfapush sandbox in another terminal and export the AUTH0_ lines it prints, so that the ids stay."
	pl.RejectedHint = "The person holding the phone refused the request. Run the command again to send a new push."
	pl.ExpiredHint = "The mfa_token or the push expired before an answer. Run the command again."
	pl.Interrupted = "Interrupted. A request in flight, if any, was cancelled; nothing more was sent."
	pl.HiddenToken = "hidden: pass --show-tokens to print it"
	pl.ListTitle = "Authenticators of %s:"
	pl.UsingRecoveryCode = "Checking the recovery code from standard input instead of sending a push…"
	pl.NewRecoveryCode = "The code you used no longer works: write this new one down now, it is shown only here."
	c.Requirements.Challenge = "Auth0's mfa_requirements: challenge with %s."
	c.Requirements.Enroll = "Auth0's mfa_requirements: enroll %s first."
	c.Requirements.NotAllowed = "Auth0's mfa_requirements do not allow %s for this user, only: %s."
	c.Config = englishConfig()
	c.Demo = englishDemo()
	c.Factors = englishFactors()
	c.Help.Headings.Usage, c.Help.Headings.Examples = "USAGE", "EXAMPLES"
	c.Help.Headings.Flags, c.Help.Headings.FlagsPlaceholder = "FLAGS", "[--flags]"
	c.Help.Headings.CommandPlaceholder = "[command]"

	ex := &c.Help.Examples
	ex.Root = `  # Try it on the built-in sandbox tenant, with its simulated phone
  mfapush

  # Talk to your own tenant
  AUTH0_DOMAIN=dev-abc123.us.auth0.com AUTH0_CLIENT_ID=... mfapush`
	ex.Enroll = `  # Enroll Guardian push for a user: only the password is asked
  mfapush enroll --username alice@example.com

  # In a script: the QR code printed once, a JSON report at the end
  echo "$PASSWORD" | mfapush enroll --plain --username alice@example.com --password-stdin --json`
	ex.Challenge = `  # Send a push and wait for the approval
  mfapush challenge --username bob@example.com

  # In a pipe, against "mfapush sandbox --auto-approve 2s" in another terminal
  echo bob-password | mfapush challenge --plain --username bob@example.com --password-stdin`
	ex.Authenticators = `  # List, challenge and delete a user's authenticators
  mfapush authenticators --username bob@example.com

  # The list as JSON
  echo bob-password | mfapush authenticators --username bob@example.com --password-stdin --json`
	ex.Sandbox = `  # Serve the sandbox, then paste the printed lines into another shell
  mfapush sandbox

  # Over https, with a phone that approves every push after 2 seconds
  mfapush sandbox --tls --auto-approve 2s`
	ex.Config = `  # What is in effect, where each value comes from, and what is wrong
  mfapush config

  # The same for one profile of config.toml
  mfapush config --profile helpdesk-eu`
	ex.Decode = `  # Decode a token copied to the clipboard
  pbpaste | mfapush decode`

	c.Helpdesk = englishHelpdesk()
	return c
}
