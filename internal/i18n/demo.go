package i18n

// DemoWords are the words of mfapush demo, the story that plays itself,
// and of presenter mode: a caption for each step of the story, the notes
// of the demo's state and keys, and what either says when it cannot go on.
type DemoWords struct {
	// Captions say in plain words what happens at each step of the story;
	// each fits one line of an 80-column window.
	Captions struct {
		Intro, AliceSignsIn, AliceScans, AliceEnrolled string
		BobSignsIn, BobApproves, BobSignedIn           string
		PushAgain, Rejected, OTP, OTPDone              string
		Recovery, RecoveryDone, End                    string
	}
	Step     string // %d %d: the step, how many
	Paused   string // the state's note while paused
	Keys     string // the demo's keys, in the footer's words
	Stuck    string // %q %s: the words waited for, how long
	BadSpeed string // %s: the value given
	NoDevice string // %s: the user
	NoUser   string // %s: the user
	// NeedsTerminal: mfapush demo with no terminal and no --size.
	NeedsTerminal string

	// Presenter mode's captions of the screens when no demo plays.
	Screens struct {
		Home, SignIn, Enroll, Enrolled, List, Push, Rejected, Code, Result, NewRecovery string
		// The factors beside push: choosing one, the number or address, the code that confirms it.
		FactorChoice, Address, Confirm string
		// The helpdesk console's screens.
		HelpdeskFind, HelpdeskUsers, HelpdeskCard, HelpdeskVerify, HelpdeskConfirm, HelpdeskTicket, HelpdeskRecovery string
	}
	// Masked replaces a secret presenter mode keeps off screen.
	Masked string
	// RecoveryMasked says why a recovery code shows masked, and how to
	// get it anyway.
	RecoveryMasked string

	Help DemoHelp
}

// DemoHelp is the help of mfapush demo and its flags.
type DemoHelp struct {
	Short, Long, Example                 string
	Speed, Loop, Present, PresentSetting string
	Setting                              string // the setting's name in mfapush config
	Size                                 string // --size
	BadSize                              string // %s: the value given
	SizeNeedsRecord                      string
}
