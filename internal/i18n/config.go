package i18n

// ConfigWords are what mfapush config and every command say about the
// settings: the labels of the report, where a value came from, and every
// problem with what to set instead. A format's verbs take values from the
// user or the file, or other texts of this section.
type ConfigWords struct {
	// The report of mfapush config.
	ConfigFile, Profiles, Profile, Tenant, ClientID, ClientSecret, Audience, Realm string
	Username, PollInterval, Theme, Language, RevealSecrets, PlainOutput, InvertQR  string
	NotSet, BuiltInSandbox, NoTenantConfigured, SecretNotSetNative, SecretSet      string
	NoPath, None, Default, Yes, No                                                 string
	FileNotFound                                                                   string // %s: path
	FileProfile                                                                    string // %s %s: path, profile
	SandboxNote, Warnings, Problems, NoProblems                                    string

	// Where a value came from.
	FromFlag, FromEnv                            string // %s: flag, variable
	InProfile, AtKey                             string // %s %s: the place so far, profile or key
	AtLine                                       string // %s %d: the place so far, line
	ShortFile, ShortProfile                      string // %s
	ShortEnvProfile                              string // %s %s: variable, profile
	ShortInFile                                  string // %s: key
	NotSetSource                                 string
	Problem                                      string // %s %s %s: setting, source, what is wrong
	WarningLine                                  string // %s %s: setting, what
	Or, And                                      string // %s %s: the list so far, the last
	ContentOf                                    string // %s: file
	KeyInProfile                                 string // %s %s %s: key, profile, file
	KeyInFile                                    string // %s %s: key, file
	EveryWay                                     string // %s %s %s: flag, key, profile
	EveryWayEnv                                  string // %s %s %s %s: variable, flag, key, profile
	YourProfile, AProfileInYourFile              string
	ProfileIn                                    string // %s %s: profile, file
	AProfileIn                                   string // %s: file
	Value                                        string // %s %s: quoted value, what is wrong with it
	WantClientID, WantClientSecret, WantAudience string
	WantRealm, WantUsername                      string

	// The values.
	NotASetting, NoProfilesInFile, TheClientSecret, ATheme, ALanguage string
	NoFileForProfile                                                  string // %s %s %s %s: file, profile, table, where to unset
	NoSuchProfile                                                     string // %s %s %s: profile, file, hint
	SetOneOf                                                          string // %s %s: where, the names
	NotADomain                                                        string // %s: where
	DomainFix                                                         string // %s %s: reason, where
	Placeholder, Spaces, Quotes                                       string // %s %s %s: value, where, what it should be
	SecretAsFlag                                                      string
	NotDuration, NoUnit, NotPositive                                  string // %s %s: value, where
	TooLong                                                           string // %s: value
	NotChoice                                                         string // %s %s %s %s: value, what, where, choices
	NotBool                                                           string // %s %s: value, where
	NoTenant, PollTooFast                                             string
	SeveralProfiles                                                   string // %s: file
	ComesFrom                                                         string // %s %s: setting, source
	HalfConfigured                                                    string // %s %s %s: what is given, setting, where
	// The helpdesk's application alone: the MFA flows need client_id.
	NoMFAApp                    string // %s: every way to set client_id
	NoMFAAppValue, HelpdeskOnly string // the client ID's value, the report's note

	// The tenant domain.
	DomainExample              string
	DomainEmpty, DomainNotHost string // %s: example
	DomainPlaceholder          string // %s: example
	DomainHTTP                 string // %s %s: host, host
	DomainScheme, DomainPath   string // %s: host
	DomainUserinfo, DomainPort string
	DomainBad                  string // %s: what went wrong, unforeseen

	// The client secret's file or variable.
	SecretEnvUnset    string // %s %s: variable, variable
	SecretFile        string // %s: path
	SecretCannotRead  string // %s %s: file, why
	SecretNotRegular  string // %s: file
	SecretReadable    string // %s %04o %s: file, mode, path
	ConfigReadable    string // %04o %s: mode, path
	SecretReadFailed  string // %s %s: file, why
	SecretTooLarge    string // %s: file
	SecretEmpty       string // %s: file
	SecretMoreThanOne string // %s: file
	TwoSecrets        string // %s: the keys

	// The config file.
	NoFile                             string // %s: path
	FileCannotBeRead                   string // %s: why
	FileNotRegular, FileTooLarge       string
	FileReadFailed                     string // %s: why
	MoreProblems                       string // %d
	MoreProblemOne                     string // %d: MoreProblems for one
	ProfilesNotTable, EmptyProfileName string
	ProfileNotTable                    string // %s %s: profile, table
	MustBeBool                         string // %s: key
	MustBeDuration                     string
	MustBeText                         string // %s: key
	TopKeyInProfile                    string // %s: key
	UnknownTopKey                      string
	DidYouMean                         string // %s: key
	UnknownKey                         string // %s: the keys
	NotTOML, NotTOMLSecret             string
	NotTOMLAt                          string // %s: the parser's words

	// Poll intervals under the floor.
	PollUnderFloorTenant  string // %s %s %s %s: value, floor, where, floor
	PollUnderFloorSandbox string // %s %s %s %s: value, floor, where, floor

	// The helpdesk's machine-to-machine application.
	HelpdeskClientID, HelpdeskClientSecret         string // report labels
	WantHelpdeskClientID, WantHelpdeskClientSecret string
	HelpdeskNeedsSecret, HelpdeskNeedsID           string // %s: where to set it
}
