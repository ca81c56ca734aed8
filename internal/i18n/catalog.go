package i18n

// Catalog is every string mfapush shows. Fields with a verb (%s, %d) are
// format strings: each language must use the same verbs in the same order
// (a test checks it).
type Catalog struct {
	Lang Lang

	App struct {
		Name          string
		SandboxTenant string // header badge
		Tenant        string
		NotSignedIn   string
		TooSmall      string // %d %d: width, height needed
		TooSmallShort string // %d %d: the same, in few words
		TooSmallSize  string // %d %d: the same, in the fewest
		TooSmallKeys  string // what keys do until then
		TooSmallSave  string // the same, while a recovery code waits to be saved
		ExitEnrolled  string // %s %s %s: id, device, user
		ExitSignedIn  string // %s %s: user, scope
		ExitDeleted   string // %s: id
		SandboxPace   string // %s: the sandbox's poll interval
	}

	Keys struct {
		Quit, Back, Help, MoreHelp, Select, Up, Down, Next, Submit, Copy, Save, Confirm,
		NewCode, Scan, Approve, Reject, TogglePhone, OTP, Recovery, Delete, Filter, Refresh,
		Reveal, Retry, Home, PasteToken, TypePassword, Verify, Trace, CopyCurl, Details, EnrollNow,
		ApplyFilter, Cancel string
		LessHelp, Ends                       string
		Sideways, RevealSecrets, HideSecrets string
		EnterKey, EscKey                     string // the keys' names in the footer ("entrée", "échap")
	}

	Home struct {
		Title                      string
		Enroll, EnrollHint         string
		Challenge, ChallengeHint   string
		Authenticators, ManageHint string
		DemoUsers                  string
		DemoNotEnrolled            string
		DemoEnrolled               string    // %s: the confirmed factors, listed
		DemoKinds                  KindNames // the factors' names in that list
		RealTenant                 string    // %s: domain
		NeedsMFAApp                string    // an entry's hint when only the helpdesk's application is configured
	}

	SignIn struct {
		Title         string // %s: what for
		ForEnroll     string
		ForChallenge  string
		ForManage     string
		ForVerify     string
		Email         string
		Password      string
		Realm         string
		RealmHint     string
		MFAToken      string
		MFATokenHint  string
		PasteTitle    string
		MissingEmail  string
		MissingPass   string
		MissingToken  string
		Working       string
		PasswordAgain string // %s: user
	}

	Working struct {
		Associating    string
		Listing        string
		Challenging    string
		Verifying      string
		Deleting       string
		SigningInAgain string
	}

	Problem struct {
		ServerSaid string // %s %d: answer, status
		NoAnswer   string // %s: what failed
		Quoted     string // %s: Auth0's own words, quoted
		// What came back instead of Auth0's JSON, or nothing in time.
		EmptyBody, HTMLPage, NotJSON, TooLarge string
		TimedOut                               string // %s: how long
		WhatToDo                               string

		Unknown, WrongCredentials, GrantNotAllowed, BadClient, MFANotRequired, Unreachable, TLS,
		RateLimited, Server, AlreadyEnrolled, TokenExpired, TokenInvalid, InvalidCode, TooManyAttempts,
		InsufficientScope, NotEnrolled, FactorUnsupported, NoPassword ProblemText
		AccountBlocked          ProblemText
		AccountBlockedOnSandbox string // the fix on the built-in sandbox

		// SandboxUsers adds to WrongCredentials' fix on the built-in
		// sandbox: its demo users.
		SandboxUsers                 string
		AccessExpired, AccessRefused ProblemText
		NoMFAApp                     ProblemText // only the helpdesk's application is configured
	}

	Enroll struct {
		Title         string // %s: user
		Step1, Step2  string
		Step3         string
		ValidFor      string // %s: time left
		Expired       string
		NewCodeHint   string
		Waiting       string
		NextCheck     string // %s: in how long
		Checking      string
		Retrying      string // %d: failures in a row
		ClockFast     string
		Sent          string // above the link, once c sent it
		LinkLabel     string
		TooSmallQR    string // %d %d: width, height
		RecoveryTitle string
		RecoveryHint  string
		RecoveryLater string
		RateLimited   string
		Failed        string
		PhoneScanned  string // %s: device name
		TooShortQR    string // %d: rows
		TooNarrowQR   string // %d: columns
		TooLongQR     string // %d %d: the link's bytes, the most a QR code holds
		NoQR          string
		ShortWaiting  string // %s: time left
		ShortSent     string // %s: time left
		SentNoRoom    string
	}

	Enrolled struct {
		FileHeader     string // %s: user; the first line of a saved recovery-code file
		Title          string
		Summary        string // %s %s %s: kind, device, user
		DeviceUnknown  string
		SummaryUnnamed string // %s %s: kind, user; an authenticator Auth0 gives no name (an app's code, an email)
		RecoveryTitle  string
		RecoveryHint   string
		PresentHint    string // RecoveryHint in presenter mode, where the code is masked: no "write it down"
		Saved          string // the path follows on its own lines
		SaveFailed     string // %s: reason
		AckNeeded      string
		Continue       string
		Hidden         string
	}

	AlreadyEnrolled struct {
		Title   string
		Explain string
		Path    string
		Action  string
	}

	List struct {
		TitleChallenge string
		TitleManage    string
		TitleVerify    string // %s: what for
		ForEnroll      string
		ForDelete      string // %s: authenticator
		Empty          string
		EmptyHint      string
		Active         string
		Pending        string
		PendingHint    string
		Unsupported    string // %s: kind
		Kinds          KindNames
		ItemName       string
		ItemsName      string
		ConfirmDelete  string // %s: authenticator
		ConfirmHint    string
		TwinNote       string
		Deleted        string // %s: id
		CannotDelete   string
		NoVerifier     string
		Refreshed      string
		FilterPrompt   string
		Matched        string // %d %d %s: shown, all, filter
		MatchedOne     string // %d %d %s: Matched for one shown
		NoMatch        string
	}

	Challenge struct {
		Title          string // %s: device
		TitleVerify    string // %s: device
		TitleCode      string // %s: kind of code
		CodeOnlyHint   string
		Instructions   string
		Waiting        string
		Elapsed        string // %s
		Left           string // %s
		NextCheck      string // %s
		Checking       string
		Fallbacks      string
		OTPPrompt      string
		RecoveryPrompt string
		CodeHint       string
		BadOTP         string
		Approved       string
		Rejected       string
		RejectedHint   string
		Expired        string
		ExpiredHint    string
		TimedOut       string
		RateLimited    string
		Failed         string
		TryAgain       string
		ClockFast      string
		Retrying       string // %d
		Cancelled      string
	}

	NewRecovery struct {
		Title string
		Hint  string
	}

	Result struct {
		Title              string
		TokenType          string
		Scope              string
		Audience           string
		ExpiresIn          string
		ExpiresAt          string // %s %s: countdown, clock time
		ExpiresTomorrow    string // %s %s: countdown, clock time (tomorrow)
		ExpiresOn          string // %s %s %s: countdown, date, clock time (later)
		Expired            string
		AccessToken        string
		IDToken            string
		RefreshToken       string
		Hidden             string
		IDTokenDecoded     string
		AccessTokenDecoded string
		Header             string
		Opaque             string
		Done               string
		ExpiryUnknown      string // the answer gave no believable expires_in
		// OpaqueWhy says why an access token cannot be decoded: Auth0
		// issues opaque ones when no API audience is asked.
		OpaqueWhy string
	}

	Phone struct {
		Title        string
		Idle         string
		NoDevices    string
		ScanPrompt   string
		Scanning     string
		Scanned      string // %s
		ScanFailed   string // %s
		Incoming     string
		From         string // %s %s: app, os
		ApproveKey   string
		RejectKey    string
		Answered     string
		AnswerFailed string // %s
		OTP          string
		SecondsLeft  string // %d
		Hidden       string
		DeviceName   string // %s: first name
		Status       string // collapsed line
		// DeviceNameElided is DeviceName for a name that starts with a
		// vowel, where French elides: "Téléphone d’Alice".
		DeviceNameElided string // %s: first name
	}

	Trace struct {
		Title     string // %d: exchanges
		TitleOne  string // %d: Title for one
		Empty     string
		CurlTitle string
		Variables string // %s: the variables
		Copied    string
		Explained string // %s %s %s %s: method, path, status, meaning

		// Words of the trace list and of an exchange's details; the rest
		// is the protocol's own (status texts, headers, bodies).
		Tokens       string
		NetworkError string // %s: what failed
		Unread       string // %s %s: status, what failed
		NoAnswer     string
		NoReason     string
		NoAnswerIn   string // %s %s: duration, what failed
		StatusIn     string // %s %s: status, duration
		ReadFailed   string // %s: what failed
		NoBody       string
		Binary       string // %d: bytes
		BinaryOne    string // %d: 1 byte
		MoreLines    string // %d: lines
		MoreLineOne  string // %d: 1 line
		Cut          string

		// What the trace left out to bound its memory.
		CutHeaders     string // %s: size
		CutBody        string // %s: size
		CutURL         string // %s: size
		Dropped        string // %d %s: exchanges, the bound
		DroppedOne     string // %d %s: Dropped for one exchange
		Bytes          string // %d
		ByteOne        string // %d: Bytes for one
		Kilobytes      string // %d %d: whole, tenths
		Megabytes      string // %d %d: whole, tenths
		CurlWide       string
		RevealPrompt   string // %s %s: tenant domain, the word to type
		RevealDeclined string
	}

	Explain struct {
		MFARequired, Tokens, Pending, SlowDown, Rejected, Expired, RateLimited, Network string
		Associate, Challenge, List, Delete                                              string
		Error                                                                           string // %s: the answer
		TooManyAttempts                                                                 string
	}

	CLI struct {
		RevealPrompt        string // %s: tenant domain
		RevealDeclined      string
		RevealNeedsTerminal string
		Yes                 string
		NeedsTerminal       string
		Warning             string // %s: the warning
		Problems            string // %d: how many, after each was printed
		ProblemsOne         string // %d: Problems for one
		ProblemOne          string // %d: 1, for mfapush config
		ProblemMany         string // %d: how many, for mfapush config
		SandboxFailed       string // %w: why
		ErrorHeader         string
		TryHelp             string // %s: --help
		UnknownCommand      string // %s %s: what was typed, the command
		UnknownFlag         string // %s: the flag
		FlagNeedsValue      string // %s: the flag
		BadBool             string // %s %s: flag, value
		BadDuration         string // %s %s: flag, value
		NegativeDuration    string // %s %s: flag, value
		NotLoopback         string // %s: address
		BadAddr             string // %s: address
		PortBusy            string // %s: address
		FlagsExclusive      string // %s %s: two flags
		// RecordNeedsInterface: --record with plain output.
		RecordNeedsInterface string
		RecordFailed         string // %s %w: the file, why
	}

	Config ConfigWords

	// Help is what --help shows: the commands and their flags. Its section
	// headings (USAGE, EXAMPLES, FLAGS) are fang's own.
	Help struct {
		Root, RootLong                    string
		Enroll, Challenge, Authenticators string
		Sandbox, SandboxLong              string
		Config, ConfigLong                string
		Decode                            string
		Version                           string
		Help                              string
		HelpLong                          string // %s: the program
		Completion                        string
		CompletionLong                    string // %s: the program
		CompletionShell                   string // %s: the shell
		CompletionShellLong               string // %s %s %s: program, shell, the line that loads it
		NoDescriptions                    string
		Commands                          string // the heading of the commands
		HelpFlag                          string // %s: the command
		VersionFlag                       string // %s: the program
		// Headings are the words fang draws in every help page.
		Headings struct {
			Usage, Examples, Flags, FlagsPlaceholder, CommandPlaceholder string
		}
		// Examples are command lines with a comment above each, as the
		// help shows them.
		Examples struct {
			Root, Enroll, Challenge, Authenticators, Sandbox, Config, Decode string
		}
		// ExitStatus is the table of exit statuses, after the root's
		// description.
		ExitStatus string
	}

	// Flags are the flags' one-line usages.
	Flags struct {
		Env                                                       string // %s %s: usage, variable
		Domain, ClientID, ClientSecret, Audience, Realm, Username string
		PollInterval, Theme, Lang, RevealSecrets, Plain, InvertQR string
		Profile, Config                                           string
		PasswordStdin, JSON, ShowTokens, Authenticator, OTPStdin  string
		Addr, TLS, MinPollInterval, AutoApprove, AutoScan         string
		RecoveryCodeStdin                                         string
		HelpdeskClientID, HelpdeskClientSecret                    string
		Record                                                    string
	}

	// Sandbox is what mfapush sandbox prints besides its AUTH0_ lines.
	Sandbox struct {
		Serving                          string
		User, Password, State            string
		NotEnrolled                      string
		Enrolled                         string // %s %s: device, recovery code
		PlayPhone, OrReject, WalkThrough string
		LimitedHelpdesk                  string // %s: the scopes it lacks
	}

	Decode struct {
		Header      string
		Claims      string
		ExpiresIn   string // %s: duration
		ExpiredAgo  string // %s: duration
		NoExpiry    string
		NotVerified string
		NotJWT      string
		NoToken     string
		// Prompt asks for a token on a terminal; Cancelled: none came.
		Prompt, Cancelled string
	}

	Duration struct {
		Now     string
		Seconds string // %d
		Tenths  string // %d %d: whole seconds, tenths ("1.2s")
		// The units of FormatDuration.
		Millis, Minutes, Hours, Days string // %d
	}

	// Plain is the line-by-line mode (--plain, or no terminal): what the
	// screens say with keys and layout, said as sentences instead.
	Plain struct {
		NeedsTerminal   string
		Labeled         string // %s %s: label, value
		Heading         string // %s: the title of the lines under it
		Error           string // %s: title
		Tenant          string // %s: URL
		SandboxTenant   string // %s: URL
		SandboxPhone    string // %s: delay
		UsernamePrompt  string
		PasswordPrompt  string // %s: user
		NoUsername      string
		NoPassword      string
		EmptyPassword   string
		EmptyStdin      string // %s: flag
		BadOTP          string
		SigningIn       string // %s: user
		ValidUntil      string // %s %s: time left, clock time
		RecoveryOnce    string
		WaitingPhone    string // %s %s: next check, time left
		WaitingApproval string // %s %s: next check, time left
		Retrying        string // %d: failures in a row
		StartAgain      string
		RunAgain        string
		AlreadyEnrolled string
		Pushing         string // %s %s: device, id
		UsingOTP        string
		NoSuchAuth      string // %s: id
		NoSuchAuthFix   string // where the ids are
		NoSuchAuthFresh string // the built-in sandbox: its ids are new at each run
		RejectedHint    string
		ExpiredHint     string
		Interrupted     string
		HiddenToken     string
		ListTitle       string // %s: user
		// UsingRecoveryCode and NewRecoveryCode: --recovery-code-stdin.
		UsingRecoveryCode, NewRecoveryCode string
	}

	// Requirements words what mfa_required's mfa_requirements list (flow's
	// RequirementsText and FactorNotAllowedText), for every front end.
	Requirements struct {
		Challenge  string // %s: factor types, as Auth0 names them
		Enroll     string // %s: factor types
		NotAllowed string // %s %s: the factor asked for, the allowed ones
	}

	// Demo is mfapush demo and presenter mode (demo.go).
	Demo DemoWords
	// Helpdesk is the helpdesk console and commands (helpdesk.go).
	Helpdesk HelpdeskWords
	// Factors words the factors beside push (factors.go).
	Factors FactorWords
}

// ProblemText explains one kind of failure: what happened and how to fix it.
type ProblemText struct {
	Title string
	Fix   string
}

// KindNames names the kinds of authenticator.
type KindNames struct {
	Push, OTP, RecoveryCode, SMS, Voice, Email, WebAuthn, Unknown string
}

// Of names a kind given as the MFA API's word for it ("push", "otp",
// "recovery-code", "sms", "voice", "email", "webauthn"), as auth0.Kind
// spells them.
func (n KindNames) Of(kind string) string {
	switch kind {
	case "push":
		return n.Push
	case "otp":
		return n.OTP
	case "recovery-code":
		return n.RecoveryCode
	case "sms":
		return n.SMS
	case "voice":
		return n.Voice
	case "email":
		return n.Email
	case "webauthn":
		return n.WebAuthn
	}
	return n.Unknown
}
