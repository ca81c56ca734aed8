package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// challengeScreen answers MFA with one authenticator: the wait for a push
// on the phone, or a typed code (the app's one-time code, a recovery
// code), which can also stand in for a push still waiting.
type challengeScreen struct {
	*common
	k         challengeKeys
	target    auth0.Authenticator
	forAccess bool           // the answer earns an MFA-API token, not the user's tokens
	approval  *flow.Approval // the push wait; nil when answering with a code only
	entry     *flow.Factor   // the factor whose code is typed, if any
	oobCode   string         // the challenge's, for a code sent by SMS, voice or email
	input     textinput.Model
	inputErr  string
	verifying bool
	// resending: a new code was asked for (r); resent says it came.
	resending, resent bool
}

// challengeKeys: o and r type a one-time code or a recovery code instead;
// enter after a rejected or expired push sends a new one.
type challengeKeys struct {
	Retry, OTP, Recovery, Submit, Back, Quit, PhoneApprove, PhoneReject key.Binding
	// Resend asks for a new code sent by SMS, voice or email: a key that
	// types nothing, as the field has the keys.
	Resend key.Binding
}

func newChallengeScreen(c *common, target auth0.Authenticator, forAccess bool) *challengeScreen {
	s := &challengeScreen{common: c, target: target, forAccess: forAccess, input: textinput.New(),
		k: challengeKeys{Retry: c.keys.Retry, OTP: c.keys.OTP, Recovery: c.keys.Recovery, Back: c.keys.Back, Quit: c.keys.Quit,
			PhoneApprove: c.keys.PhoneApprove, PhoneReject: c.keys.PhoneReject,
			Submit: bind(c.t, c.t.Keys.Submit, "enter"),
			Resend: bind(c.t, c.t.Factors.Resend, "ctrl+r")}}
	s.input.SetStyles(c.st.Input)
	s.input.SetWidth(30)
	return s
}

func (s *challengeScreen) ID() screenID { return screenChallenge }

func (s *challengeScreen) typing() bool { return s.entry != nil }

func (s *challengeScreen) moving() bool {
	return s.verifying || s.resending || s.pushWaiting()
}

// sentCode reports a code typed that the challenge sent (SMS, voice,
// email): a new one can be asked for.
func (s *challengeScreen) sentCode() bool {
	return s.entry != nil && s.entry.SendsCode() && s.oobCode != ""
}

// codeResent takes the new challenge's oob_code: the code just sent is
// the one that works now.
func (s *challengeScreen) codeResent(oobCode string) {
	s.resending, s.resent, s.oobCode, s.inputErr = false, true, oobCode, ""
}

// resendRefused says why no new code came: the tenant's limit on codes
// sent, in words that say to wait, or the problem.
func (s *challengeScreen) resendRefused(p flow.Problem) {
	s.resending, s.resent = false, false
	if p.Kind == flow.ProblemRateLimited {
		s.inputErr = s.t.Factors.ResendLimited
		return
	}
	s.refused(p)
}

func (s *challengeScreen) setSize(w, h int) { s.input.SetWidth(min(40, w-4)) }

// wait starts the wait for the push just sent.
func (s *challengeScreen) wait(a *flow.Approval) tea.Cmd {
	s.approval = a
	return a.Start()
}

// stop ends the push wait at once: leaving stops its polling.
func (s *challengeScreen) stop() {
	if s.approval != nil {
		s.approval.Cancel()
	}
}

// enter opens the field for a code of f; oobCode is the challenge's, for
// a code sent by SMS, voice or email.
func (s *challengeScreen) enter(f *flow.Factor, oobCode string) tea.Cmd {
	s.entry, s.oobCode, s.inputErr = f, oobCode, ""
	s.input.Reset()
	s.input.Placeholder = f.Code.Hint(s.t)
	s.input.CharLimit = f.Code.MaxLen
	// A code shows as it is typed: each works once, and 24 characters are
	// easy to mistype (README, "Recovery codes").
	s.input.EchoMode = textinput.EchoNormal
	if s.masksSecrets() && f == flow.RecoveryCode {
		s.input.EchoMode, s.input.EchoCharacter = textinput.EchoPassword, '•'
	}
	return s.input.Focus()
}

// refused says the code was not accepted, and empties the field.
func (s *challengeScreen) refused(p flow.Problem) {
	s.verifying, s.inputErr = false, s.refusal(p)
	if p.Kind == flow.ProblemInvalidCode && s.sentCode() {
		s.inputErr = s.t.Factors.WrongSentCode // not an app's code that changes every 30 s
	}
	s.input.Reset()
}

// refusal says why a typed code was not accepted, under its field: the
// problem and its fix, or Auth0's answer when the problem is unknown.
func (c *common) refusal(p flow.Problem) string {
	if p.Kind == flow.ProblemUnknown {
		return c.problemDetail(p)
	}
	text := flow.ProblemText(c.t, p.Kind)
	return text.Title + ". " + text.Fix
}

func (s *challengeScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch msg := msg.(type) {
	case flow.ApprovalDueMsg, flow.ApprovalAnswerMsg:
		if s.approval == nil {
			return nil, nil
		}
		cmd, _ := s.approval.Update(msg)
		if s.approval.State() == flow.ApprovalApproved {
			return cmd, approved{tokens: s.approval.Tokens(), at: s.now()}
		}
		return cmd, nil
	case tea.PasteMsg:
		if s.entry == nil {
			return nil, nil
		}
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		return cmd, nil
	case tea.KeyPressMsg:
		if s.entry != nil {
			return s.updateEntry(msg)
		}
		switch {
		case key.Matches(msg, s.k.Back):
			return nil, leave{}
		case key.Matches(msg, s.k.OTP):
			return s.enter(flow.OTP, ""), nil
		case key.Matches(msg, s.k.Recovery):
			return s.enter(flow.RecoveryCode, ""), nil
		case key.Matches(msg, s.k.Retry) && s.ended():
			return nil, challengeAgain{s.target}
		}
	}
	return nil, nil
}

// updateEntry answers keys while a code is typed.
func (s *challengeScreen) updateEntry(msg tea.KeyPressMsg) (tea.Cmd, intent) {
	switch {
	case key.Matches(msg, s.k.Back):
		if s.approval == nil {
			return nil, leave{}
		}
		s.entry = nil // back to the push, which waited meanwhile
		s.input.Blur()
		return nil, nil
	case key.Matches(msg, s.k.Resend) && s.sentCode():
		if s.verifying || s.resending {
			return nil, nil
		}
		s.resending, s.resent, s.inputErr = true, false, ""
		return nil, resendCode{s.target}
	case key.Matches(msg, s.k.Submit):
		if s.verifying || s.resending {
			return nil, nil
		}
		code, ok := s.entry.ReadCode(s.input.Value())
		switch {
		case code == "" && s.entry.SendsCode():
			s.inputErr = s.t.Factors.CodeHint
			return nil, nil
		case code == "":
			return nil, nil
		case !ok && s.entry.SendsCode():
			s.inputErr = s.t.Factors.BadCode
			return nil, nil
		case !ok:
			s.inputErr = s.t.Challenge.BadOTP
			return nil, nil
		}
		s.verifying, s.inputErr = true, ""
		return nil, sendCode{flow.Answer{Factor: s.entry, Code: code, OOBCode: s.oobCode}}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd, nil
}

// pushWaiting reports a push still waiting for its answer.
func (s *challengeScreen) pushWaiting() bool {
	return s.approval != nil && !s.approval.State().Final()
}

// ended reports a push wait that is over without tokens.
func (s *challengeScreen) ended() bool {
	return s.approval != nil && s.approval.State().Final()
}

func (s *challengeScreen) View(w, h int) string {
	t := s.t.Challenge
	device := s.target.Name
	if device == "" {
		device = s.kindName(s.target.Kind())
	}
	title := t.Title
	switch {
	case s.approval == nil:
		title = t.TitleCode
	case s.forAccess:
		title = t.TitleVerify
	}
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, fmt.Sprintf(title, device)) + "\n\n")
	if s.approval != nil {
		b.WriteString(s.viewApproval(w) + "\n\n")
	}
	if s.entry == nil {
		if !s.ended() {
			b.WriteString(paint(s.st.Muted, wrap(t.Fallbacks, w)))
		}
		return b.String()
	}
	prompt := t.OTPPrompt
	switch {
	case s.entry == flow.RecoveryCode:
		prompt = t.RecoveryPrompt
	case s.entry.SendsCode():
		sent := s.t.Factors.SentTo
		if s.resent {
			sent = s.t.Factors.Resent
		}
		b.WriteString(paint(s.st.Text, wrap(fmt.Sprintf(sent, flow.SentBy(s.t, s.entry), device), w)) + "\n\n")
		prompt = s.t.Factors.CodeLabel
	}
	b.WriteString(paint(s.st.Label, prompt) + "\n" + s.input.View() + "\n")
	switch {
	case s.verifying:
		b.WriteString(s.spin.View() + " " + paint(s.st.Muted, s.t.Working.Verifying))
	case s.resending:
		b.WriteString(s.spin.View() + " " + paint(s.st.Muted, s.t.Working.Challenging))
	case s.inputErr != "":
		b.WriteString(paint(s.st.Error, wrap(s.inputErr, w)))
	case s.approval == nil:
		b.WriteString(paint(s.st.Muted, t.CodeOnlyHint))
	default:
		b.WriteString(paint(s.st.Muted, t.CodeHint))
	}
	return b.String()
}

// viewApproval is the animated wait, or how it ended.
func (s *challengeScreen) viewApproval(w int) string {
	a := s.approval
	t := s.t.Challenge
	switch a.State() {
	case flow.ApprovalWaiting, flow.ApprovalPolling:
		return s.viewWaiting(a, t.Instructions, w)
	case flow.ApprovalApproved:
		return paint(s.st.Success, "✓ "+t.Approved)
	case flow.ApprovalRejected:
		return paint(s.st.Error, "✗ "+t.Rejected) + "\n" + paint(s.st.Text, wrap(t.RejectedHint, w))
	case flow.ApprovalExpired:
		return paint(s.st.Error, "✗ "+t.Expired) + "\n" + paint(s.st.Text, wrap(t.ExpiredHint, w))
	case flow.ApprovalTimedOut:
		return paint(s.st.Error, "✗ "+t.TimedOut) + "\n" + paint(s.st.Text, wrap(t.ExpiredHint, w))
	case flow.ApprovalRateLimited:
		return paint(s.st.Error, "✗ "+t.RateLimited) + "\n" + paint(s.st.Text, t.TryAgain)
	case flow.ApprovalCancelled:
		return paint(s.st.Muted, t.Cancelled)
	}
	detail := ""
	if err := a.LastError(); err != nil {
		detail = "\n" + paint(s.st.Muted, wrap(s.problemDetail(flow.Diagnose(err)), w))
	}
	return paint(s.st.Error, "✗ "+t.Failed) + detail + "\n" + paint(s.st.Text, t.TryAgain)
}

func (s *challengeScreen) ShortHelp() []key.Binding {
	if s.entry != nil {
		if s.sentCode() {
			return []key.Binding{s.k.Submit, s.k.Resend, s.k.Back}
		}
		return []key.Binding{s.k.Submit, s.k.Back}
	}
	var keys []key.Binding
	if s.ended() {
		keys = append(keys, s.k.Retry)
	}
	keys = append(keys, s.k.OTP, s.k.Recovery)
	if s.phoneAsks() {
		keys = append(keys, s.k.PhoneApprove, s.k.PhoneReject)
	}
	return append(keys, s.k.Back, s.k.Quit)
}
