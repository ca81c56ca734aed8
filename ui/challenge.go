package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// challengeScreen is the approval wait for a push, with the OTP and
// recovery-code fallbacks on the same screen.
type challengeScreen struct {
	target    auth0.Authenticator
	approval  *flow.Approval // nil when answering with a code only
	entry     *flow.Factor   // the code being typed, if any
	input     textinput.Model
	inputErr  string
	verifying bool
}

func (c *challengeScreen) waiting() bool {
	return c.verifying || c.approval != nil && !c.approval.State().Final()
}

// challengeAuthenticator answers Enter on the list.
func (m *Model) challengeAuthenticator(a auth0.Authenticator) tea.Cmd {
	switch {
	case !a.Active:
		return m.setStatus(m.t.List.PendingHint)
	case !flow.CanVerify(a):
		return m.setStatus(fmt.Sprintf(m.t.List.Unsupported, m.kindName(a.Kind())))
	case !m.now().Before(m.session.MFATokenDeadline()):
		return m.signInAgain()
	}
	if f, _ := flow.FactorOf(a); f.Typed() {
		return m.openCodeEntry(a, f)
	}
	token := m.session.MFAToken
	m.target = a
	return m.run(m.t.Working.Challenging, func(env flow.Env) tea.Cmd { return flow.ChallengeCmd(env, token, flow.Push, a.ID) })
}

// challenged starts the approval wait once the push is sent.
func (m *Model) challenged(msg flow.ChallengedMsg) tea.Cmd {
	if msg.Err != nil {
		return m.showProblem(flow.Diagnose(msg.Err), screenList)
	}
	c := m.newChallengeScreen(m.target)
	c.approval = flow.NewApproval(m.env, flow.ApprovalChallenge, m.session.MFAToken, msg.OOBCode,
		msg.At, m.session.MFATokenDeadline())
	return c.approval.Start()
}

func (m *Model) newChallengeScreen(target auth0.Authenticator) *challengeScreen {
	m.stopWaits()
	c := &challengeScreen{target: target, input: textinput.New()}
	c.input.SetStyles(m.st.Input)
	c.input.SetWidth(30)
	m.challenge = c
	m.setScreen(screenChallenge)
	return c
}

// openCodeEntry answers with a code, without a push.
func (m *Model) openCodeEntry(a auth0.Authenticator, entry *flow.Factor) tea.Cmd {
	c := m.newChallengeScreen(a)
	return m.startEntry(c, entry)
}

func (m *Model) startEntry(c *challengeScreen, entry *flow.Factor) tea.Cmd {
	c.entry, c.inputErr = entry, ""
	c.input.Reset()
	c.input.Placeholder = entry.Code.Placeholder
	c.input.CharLimit = entry.Code.MaxLen
	// A code shows as it is typed, as the one-time code does: each works
	// once, and 24 characters are easy to mistype (README, "Recovery
	// codes").
	c.input.EchoMode = textinput.EchoNormal
	return c.input.Focus()
}

// submitCode checks the typed code with the mfa-otp or mfa-recovery-code
// grant; the push wait, if any, goes on meanwhile.
func (m *Model) submitCode() tea.Cmd {
	c := m.challenge
	code, ok := c.entry.ReadCode(c.input.Value())
	switch {
	case code == "":
		return nil
	case !ok:
		c.inputErr = m.t.Challenge.BadOTP
		return nil
	}
	token, answer := m.session.MFAToken, flow.Answer{Factor: c.entry, Code: code}
	c.verifying, c.inputErr = true, ""
	return m.runInline(func(env flow.Env) tea.Cmd { return flow.VerifyCmd(env, token, answer) })
}

// verified handles the answer of a code check.
func (m *Model) verified(msg flow.VerifiedMsg) tea.Cmd {
	c := m.challenge
	if c == nil {
		return nil
	}
	c.verifying = false
	if msg.Err != nil {
		p := flow.Diagnose(msg.Err)
		text := flow.ProblemText(m.t, p.Kind)
		c.inputErr = text.Title + ". " + text.Fix
		if p.Kind == flow.ProblemUnknown {
			c.inputErr = m.problemDetail(p)
		}
		c.input.Reset()
		return nil
	}
	if c.approval != nil {
		c.approval.Cancel()
	}
	if msg.Factor == flow.RecoveryCode && msg.Tokens.RecoveryCode != "" {
		m.session.Earn(msg.Tokens, msg.At)
		m.recovery = newNewRecoveryScreen(m.common, m.session.Credentials.Username, msg.Tokens.RecoveryCode)
		m.setScreen(screenNewRecovery)
		return nil
	}
	return m.approvedWith(msg.Tokens, msg.At)
}

// challengeProgressed reacts to the push wait's progress.
func (m *Model) challengeProgressed() tea.Cmd {
	c := m.challenge
	if c == nil || c.approval == nil || c.approval.State() != flow.ApprovalApproved {
		return nil
	}
	return m.approvedWith(c.approval.Tokens(), m.now())
}

// approvedWith continues once MFA succeeded: the waiting action, or the
// result.
func (m *Model) approvedWith(tokens *auth0.Tokens, at time.Time) tea.Cmd {
	m.session.Earn(tokens, at)
	if m.after.pending() {
		return m.completeAfter()
	}
	return m.showResult()
}

func (m *Model) keyChallenge(msg tea.KeyPressMsg) tea.Cmd {
	c := m.challenge
	if c.entry != nil {
		switch {
		case key.Matches(msg, m.keys.Back):
			if c.approval == nil {
				return m.backToList()
			}
			c.entry = nil
			c.input.Blur()
			return nil
		case msg.String() == "enter" && !c.verifying:
			return m.submitCode()
		}
		var cmd tea.Cmd
		c.input, cmd = c.input.Update(msg)
		return cmd
	}
	final := c.approval != nil && c.approval.State().Final()
	switch {
	case key.Matches(msg, m.keys.Back):
		return m.backToList()
	case key.Matches(msg, m.keys.OTP):
		return m.startEntry(c, flow.OTP)
	case key.Matches(msg, m.keys.Recovery):
		return m.startEntry(c, flow.RecoveryCode)
	case key.Matches(msg, m.keys.Retry) && final:
		return m.challengeAuthenticator(c.target)
	}
	return nil
}

// backToList leaves the challenge: the wait stops at once, and a push
// still waiting is swiped off the simulated phone.
func (m *Model) backToList() tea.Cmd {
	var dismiss tea.Cmd
	if c := m.challenge; m.opts.Phone != nil && c != nil && c.approval != nil && !c.approval.State().Final() {
		dismiss = flow.DismissOnPhone(m.env, m.opts.Phone, c.target.ID)
	}
	m.stopWaits()
	m.op.end()
	m.challenge = nil
	m.setScreen(screenList)
	return dismiss
}

func (m *Model) viewChallenge(w, h int) string {
	c := m.challenge
	t := m.t.Challenge
	device := c.target.Name
	if device == "" {
		device = m.kindName(c.target.Kind())
	}
	title := t.Title
	switch {
	case c.approval == nil:
		title = t.TitleCode
	case m.after.pending():
		title = t.TitleVerify
	}
	var b strings.Builder
	b.WriteString("\n" + paint(m.st.Title, fmt.Sprintf(title, device)) + "\n\n")
	if c.approval != nil {
		b.WriteString(m.viewApproval(c.approval, w) + "\n\n")
	}
	switch c.entry {
	case nil:
		if c.approval == nil || !c.approval.State().Final() {
			b.WriteString(paint(m.st.Muted, wrap(t.Fallbacks, w)))
		}
	default:
		prompt := t.OTPPrompt
		if c.entry == flow.RecoveryCode {
			prompt = t.RecoveryPrompt
		}
		b.WriteString(paint(m.st.Label, prompt) + "\n" + c.input.View() + "\n")
		switch {
		case c.verifying:
			b.WriteString(m.spin.View() + " " + paint(m.st.Muted, m.t.Working.Verifying))
		case c.inputErr != "":
			b.WriteString(paint(m.st.Error, wrap(c.inputErr, w)))
		case c.approval == nil:
			b.WriteString(paint(m.st.Muted, t.CodeOnlyHint))
		default:
			b.WriteString(paint(m.st.Muted, t.CodeHint))
		}
	}
	return b.String()
}

// viewApproval is the animated wait, or how it ended.
func (m *Model) viewApproval(a *flow.Approval, w int) string {
	t := m.t.Challenge
	now := m.now()
	switch a.State() {
	case flow.ApprovalWaiting, flow.ApprovalPolling:
		next := t.Checking
		if a.State() == flow.ApprovalWaiting {
			next = fmt.Sprintf(t.NextCheck, m.shortDuration(a.NextPoll().Sub(now)))
		}
		left := a.Deadline().Sub(now)
		lines := []string{
			paint(m.st.Text, wrap(t.Instructions, w)),
			"",
			m.spin.View() + " " + paint(m.st.Strong, t.Waiting),
			"  " + paint(m.st.Muted, strings.Join([]string{
				fmt.Sprintf(t.Elapsed, clockDuration(now.Sub(a.Started()))),
				fmt.Sprintf(t.Left, clockDuration(left)),
				next,
			}, " · ")),
			"  " + m.progressBar(left, a.Deadline().Sub(a.Started()), min(w-2, 40)),
		}
		if pace := m.sandboxPace(w); pace != "" {
			lines = append(lines, pace)
		}
		if n := a.Retrying(); n > 0 {
			lines = append(lines, paint(m.st.Warning, fmt.Sprintf(t.Retrying, n)))
		}
		if a.ClockSuspect() {
			lines = append(lines, paint(m.st.Warning, wrap(t.ClockFast, w)))
		}
		return strings.Join(lines, "\n")
	case flow.ApprovalApproved:
		return paint(m.st.Success, "✓ "+t.Approved)
	case flow.ApprovalRejected:
		return paint(m.st.Error, "✗ "+t.Rejected) + "\n" + paint(m.st.Text, wrap(t.RejectedHint, w))
	case flow.ApprovalExpired:
		return paint(m.st.Error, "✗ "+t.Expired) + "\n" + paint(m.st.Text, wrap(t.ExpiredHint, w))
	case flow.ApprovalTimedOut:
		return paint(m.st.Error, "✗ "+t.TimedOut) + "\n" + paint(m.st.Text, wrap(t.ExpiredHint, w))
	case flow.ApprovalRateLimited:
		return paint(m.st.Error, "✗ "+t.RateLimited) + "\n" + paint(m.st.Text, t.TryAgain)
	case flow.ApprovalCancelled:
		return paint(m.st.Muted, t.Cancelled)
	}
	detail := ""
	if err := a.LastError(); err != nil {
		detail = "\n" + paint(m.st.Muted, wrap(m.problemDetail(flow.Diagnose(err)), w))
	}
	return paint(m.st.Error, "✗ "+t.Failed) + detail + "\n" + paint(m.st.Text, t.TryAgain)
}

func (m *Model) challengeKeys() []key.Binding {
	c := m.challenge
	if c.entry != nil {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.t.Keys.Submit)), m.keys.Back}
	}
	keys := []key.Binding{}
	if c.approval != nil && c.approval.State().Final() {
		keys = append(keys, m.keys.Retry)
	}
	keys = append(keys, m.keys.OTP, m.keys.Recovery)
	if m.opts.Phone != nil && len(m.phone.notifications) > 0 {
		keys = append(keys, m.keys.PhoneApprove, m.keys.PhoneReject)
	}
	return append(keys, m.keys.Back, m.keys.Quit)
}
