package i18n

func englishDemo() DemoWords {
	var w DemoWords
	c := &w.Captions
	c.Intro = "A sandbox tenant and a simulated phone: nothing to set up."
	c.AliceSignsIn = "Alice signs in with her password to enroll her phone."
	c.AliceScans = "Auth0 sends a QR code. Alice's phone scans it…"
	c.AliceEnrolled = "…and is enrolled. Her recovery code is her way in if she loses it."
	c.BobSignsIn = "Bob is enrolled already: he signs in and picks his phone's push."
	c.BobApproves = "The phone is asked to approve the sign-in. Bob taps Approve."
	c.BobSignedIn = "Approved: Auth0 issues Bob's tokens, marked as MFA."
	c.PushAgain = "A new sign-in as Bob: this time the phone refuses it."
	c.Rejected = "Rejected on the phone: Auth0 issues no token."
	c.OTP = "No push? Bob types the 6-digit code his Guardian app shows."
	c.OTPDone = "The code is right: Bob is signed in."
	c.Recovery = "Phone lost? Bob signs in with his recovery code."
	c.RecoveryDone = "A recovery code works once: Auth0 gives Bob a new one to save."
	c.End = "Enroll, approve, reject, a code, a recovery code: that is Guardian push."
	w.Step = "step %d of %d"
	w.Paused = "paused: space resumes, → next step"
	w.Keys = "space pause • → next step • q quit"
	w.Stuck = "the demo waited for %q on screen for %s and it did not come: give it a window of 80×24 at least and run it again, or report it"
	w.NeedsTerminal = "mfapush demo needs a terminal: run it in one, or record it without one with --size 100x34 --record demo.cast"
	w.NoDevice = "the demo found no device of %s on the simulated phone"
	w.NoUser = "the demo found no user %s in the sandbox"
	w.BadSpeed = "invalid --speed %s: use a factor above 0, such as 0.5 (slower) or 4 (faster)"

	s := &w.Screens
	s.Home = "Choose what to show: enrolling a phone, or signing in with a push."
	s.SignIn = "The user signs in with a password; Auth0 then asks for MFA."
	s.Enroll = "Auth0 sent an enrollment ticket: the phone scans this QR code."
	s.Enrolled = "The phone is enrolled, and a recovery code comes with it."
	s.List = "The user's authenticators: choose the one to challenge."
	s.Push = "The phone is asked to approve; mfapush polls Auth0 for the answer."
	s.Rejected = "The phone refused: Auth0 issues no token."
	s.Code = "A code instead of a push: from an app, a text, a call, an email, or a recovery code."
	s.FactorChoice = "Auth0 offers several factors: push, an authenticator app, a text, a call or an email."
	s.Address = "Where Auth0 sends the codes: a phone number or an email address."
	s.Confirm = "The code that arrived confirms the new factor."
	s.Result = "Signed in with MFA: the tokens Auth0 issued."
	s.NewRecovery = "A recovery code works once: here is the new one."
	s.HelpdeskFind = "The helpdesk finds the caller by email, through the Management API."
	s.HelpdeskUsers = "Several accounts share this email: the helpdesk picks the caller's."
	s.HelpdeskCard = "The user's account and factors, as the Management API lists them."
	s.HelpdeskVerify = "A push with a message read aloud proves the caller holds the phone."
	s.HelpdeskConfirm = "Deleted factors must be enrolled again: the helpdesk confirms first."
	s.HelpdeskTicket = "Enrollment ticket: the user scans it, or opens its link, on the phone."
	s.HelpdeskRecovery = "A new recovery code, shown once, for the helpdesk to pass on."
	w.Masked = "•••••• hidden in presenter mode"
	w.RecoveryMasked = "Hidden from the audience: press w to save it to a private file."
	h := &w.Help
	h.Short = "Play the whole story by itself on the sandbox, for an audience"
	h.Long = `Play the whole story on the built-in sandbox, by itself, through the real screens: Alice enrolls
by scanning the QR code, Bob signs in with a push and approves, a push is rejected, the code of the
Guardian app is typed instead, and a recovery code signs Bob in. A caption says what happens at each step.

The demo runs in presenter mode unless --present=false: sized for a projector, secrets masked.
While it plays: space pauses and resumes, → or n goes to the next step, q quits.`
	h.Example = `  # The story at the pace of a talk
  mfapush demo

  # Twice as fast, again and again, on a stand's screen
  mfapush demo --speed 2 --loop

  # A recording to share, then an animated picture of it
  mfapush demo --record demo.cast --speed 4
  go run ./internal/cmd/castsvg -in demo.cast -out docs/images/demo.svg`
	h.Speed = "how fast the story plays: 2 is twice as fast, 0.5 half as fast"
	h.Loop = "start the story again at its end, until q"
	h.Present = "presenter mode: large QR code, captions, secrets masked (on by default for the demo)"
	h.Setting = "Presenter mode"
	h.Size = "play without a terminal, in a window of this size (such as 100x30), into the --record file only"
	h.BadSize = "invalid --size %s: use WIDTHxHEIGHT, at least 80x24, such as 100x30"
	h.SizeNeedsRecord = "--size plays without a terminal: give --record FILE.cast to keep what it shows"
	h.PresentSetting = "presenter mode: a caption for each screen, large QR code, secrets masked whatever else is set"
	return w
}
