package i18n

// FactorWords are the words for the factors beside push: the authenticator
// app, SMS, voice and email, enrolled and challenged in the interface and
// the plain mode.
type FactorWords struct {
	// Flags: the plain mode's flags for them.
	FlagFactor, FlagPhoneNumber, FlagEmail, FlagCodeStdin string

	// What is wrong with a phone number or an address, as the user typed it.
	PhoneEmpty, PhoneNoCountryCode, PhoneBadCharacter, PhoneCountryCodeZero, PhoneTooShort, PhoneTooLong string
	EmailEmpty, EmailNoAt, EmailNoLocal, EmailNoDomain, EmailSpace, EmailTooLong                         string

	// Channel says where a code went: by SMS, by voice call, by email.
	BySMS, ByVoice, ByEmail string

	// The plain mode.
	PhonePrompt        string
	EmailPrompt        string
	NoPhone            string
	NoEmail            string
	UnknownFactor      string // %s: what was given
	Enrolling          string // %s: factor name
	CodeSent           string // %s %s: channel, destination
	CodePrompt         string // %s: channel
	AppCodePrompt      string
	NoCode             string
	BadCode            string
	BadAppCode         string
	SandboxCode        string // %s: channel
	SandboxAppCode     string
	SandboxAccountCode string // challenge: the code of an account already on the phone
	AppSteps           string
	SecretLabel        string
	Checking           string
	Challenging        string // %s %s %s: kind, name, id
	CodeNeedsTarget    string
	CodeNotForPush     string // %s: id

	// The interface: the factor choice.
	ChooseTitle, ChooseHint string
	Hints                   struct{ Push, OTP, SMS, Voice, Email string }

	// The phone number and address.
	PhoneTitle, PhoneLabel, PhoneHint, PhoneSMSNote, PhoneVoiceNote string
	EmailTitle, EmailLabel, EmailHint                               string

	// The code sent, or the app's first code, to confirm or answer.
	ConfirmTitle    string // %s: factor name
	SentTo          string // %s %s: channel, destination
	CodeLabel       string
	CodeHint        string
	CodeDigits      string // %d: how many; the empty field's hint
	CodeChars       string // %d: how many letters and digits; the same
	AppTitle        string // %s: user
	AppScan         string
	AppSecret       string
	AppFirstCode    string
	AppNoRoom       string
	Resend          string // the key's help
	Resent          string // %s %s: channel, destination
	ResendLimited   string
	PhoneInbox      string
	PhoneInboxEmpty string
	PhoneInboxCode  string // %s: code

	// The line under the header that says what an answer means.
	ExplainAssociateApp, ExplainAssociateCode, ExplainChallengeCode string

	// A wrong code sent by SMS, voice or email: on a challenge (a new one
	// can be sent) and on an enrollment.
	WrongSentCode, WrongEnrollCode string
}
