package demo

import (
	"fmt"
	"time"

	"github.com/mfapush/mfapush/internal/i18n"
)

// Step is one beat of the story: its caption, then its actions in turn.
type Step struct {
	Caption func(c *i18n.Catalog) string
	Actions []Action
}

// Action is one thing the demo does. Exactly one of its fields is set.
type Action struct {
	// Press sends keys, by the names Bubble Tea gives them ("enter",
	// "tab", "down", "s").
	Press []string
	// Type sends the text key by key, as someone typing it; the world
	// gives the text that only the sandbox knows.
	Type func(w World) (string, error)
	// WaitFor waits until the screen shows the words.
	WaitFor func(c *i18n.Catalog) string
	// Hold leaves the screen as it is for the audience, at speed 1.
	Hold time.Duration
}

// World is what the story needs to know of the sandbox: the code a
// user's Guardian app shows now, and the user's recovery code.
type World interface {
	OTP(user string) (string, error)
	RecoveryCode(user string) (string, error)
}

func press(keys ...string) Action { return Action{Press: keys} }
func hold(d time.Duration) Action { return Action{Hold: d} }
func waitFor(words func(c *i18n.Catalog) string) Action {
	return Action{WaitFor: words}
}
func typeText(text string) Action {
	return Action{Type: func(World) (string, error) { return text, nil }}
}

// The demo users of the sandbox, and their passwords: public, as its
// home screen shows them.
const (
	alice, alicePassword = "alice@example.com", "alice-password"
	bob, bobPassword     = "bob@example.com", "bob-password"
)

func homeShown(c *i18n.Catalog) string { return c.Home.Title }
func enrollSignIn(c *i18n.Catalog) string {
	return fmt.Sprintf(c.SignIn.Title, c.SignIn.ForEnroll)
}
func challengeSignIn(c *i18n.Catalog) string {
	return fmt.Sprintf(c.SignIn.Title, c.SignIn.ForChallenge)
}
func factorChoice(c *i18n.Catalog) string     { return c.Factors.ChooseTitle }
func qrShown(c *i18n.Catalog) string          { return c.Enroll.Waiting }
func recoveryShown(c *i18n.Catalog) string    { return c.Enrolled.RecoveryTitle }
func recoverySaved(c *i18n.Catalog) string    { return c.Enrolled.Hidden }
func listShown(c *i18n.Catalog) string        { return c.List.TitleChallenge }
func pushWaiting(c *i18n.Catalog) string      { return c.Challenge.Waiting }
func signedIn(c *i18n.Catalog) string         { return c.Result.Title }
func rejected(c *i18n.Catalog) string         { return c.Challenge.Rejected }
func otpAsked(c *i18n.Catalog) string         { return c.Challenge.OTPPrompt }
func recoveryAsked(c *i18n.Catalog) string    { return c.Challenge.RecoveryPrompt }
func newRecoveryShown(c *i18n.Catalog) string { return c.NewRecovery.Title }

// signIn fills the sign-in form and sends it, at a typist's pace.
func signIn(user, password string) []Action {
	return []Action{typeText(user), press("tab"), typeText(password), hold(500 * time.Millisecond), press("enter")}
}

// pushFor signs bob in to challenge his push, from the home screen to the
// wait for the phone.
func pushFor() []Action {
	return join(
		[]Action{press("2"), waitFor(challengeSignIn)},
		signIn(bob, bobPassword),
		[]Action{waitFor(listShown), hold(1500 * time.Millisecond), press("enter"), waitFor(pushWaiting)},
	)
}

func join(parts ...[]Action) []Action {
	var out []Action
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Story is the demo: Alice enrolls by scanning the QR code; Bob signs in
// with a push and approves; a push rejected; the code of the Guardian app
// instead; a recovery code, and the new one it gives.
func Story() []Step {
	cap := func(pick func(c *i18n.DemoWords) string) func(c *i18n.Catalog) string {
		return func(c *i18n.Catalog) string { return pick(&c.Demo) }
	}
	return []Step{
		{cap(func(d *i18n.DemoWords) string { return d.Captions.Intro }), []Action{
			waitFor(homeShown), hold(3 * time.Second)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.AliceSignsIn }), join(
			[]Action{hold(time.Second), press("1"), waitFor(enrollSignIn)},
			signIn(alice, alicePassword),
			[]Action{waitFor(factorChoice), hold(time.Second), press("enter"), waitFor(qrShown), hold(time.Second)})},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.AliceScans }), []Action{
			hold(4 * time.Second), press("s"), waitFor(recoveryShown)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.AliceEnrolled }), []Action{
			hold(5 * time.Second), press("enter"), waitFor(recoverySaved), hold(time.Second),
			press("enter"), waitFor(homeShown)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.BobSignsIn }), join(
			[]Action{hold(2 * time.Second)}, pushFor())},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.BobApproves }), []Action{
			hold(4 * time.Second), press("a"), waitFor(signedIn)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.BobSignedIn }), []Action{
			hold(5 * time.Second), press("enter"), waitFor(homeShown)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.PushAgain }), join(
			[]Action{hold(2 * time.Second)}, pushFor(),
			[]Action{hold(3 * time.Second), press("x"), waitFor(rejected)})},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.Rejected }), []Action{
			hold(4 * time.Second)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.OTP }), []Action{
			hold(time.Second), press("o"), waitFor(otpAsked), hold(2 * time.Second),
			{Type: func(w World) (string, error) { return w.OTP(bob) }},
			hold(500 * time.Millisecond), press("enter"), waitFor(signedIn)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.OTPDone }), []Action{
			hold(3 * time.Second), press("enter"), waitFor(homeShown)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.Recovery }), join(
			[]Action{hold(2 * time.Second)}, pushFor(),
			[]Action{hold(2 * time.Second), press("r"), waitFor(recoveryAsked), hold(time.Second),
				{Type: func(w World) (string, error) { return w.RecoveryCode(bob) }},
				hold(500 * time.Millisecond), press("enter"), waitFor(newRecoveryShown)})},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.RecoveryDone }), []Action{
			hold(5 * time.Second), press("enter"), waitFor(signedIn), hold(2 * time.Second)}},
		{cap(func(d *i18n.DemoWords) string { return d.Captions.End }), []Action{
			hold(5 * time.Second)}},
	}
}
