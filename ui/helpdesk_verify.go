package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
)

// helpdeskVerifyScreen verifies a caller: the binding message to read
// aloud, then the same wait as a challenge's, then who approved and when.
type helpdeskVerifyScreen struct {
	*common
	k        helpdeskVerifyKeys
	user     management.User
	message  textinput.Model
	inputErr string
	approval *flow.Approval // nil while the message is edited
	ended    *flow.VerifiedCaller
}

type helpdeskVerifyKeys struct{ Send, Again, Back, ForceQuit, Quit, PhoneApprove, PhoneReject key.Binding }

func newHelpdeskVerifyScreen(c *common, user management.User, message string) *helpdeskVerifyScreen {
	s := &helpdeskVerifyScreen{common: c, user: user, message: textinput.New(),
		k: helpdeskVerifyKeys{Again: bind(c.t, c.t.Helpdesk.UI.KeyNewPush, "enter"), Back: c.keys.Back, ForceQuit: c.keys.ForceQuit, Quit: c.keys.Quit,
			PhoneApprove: c.keys.PhoneApprove, PhoneReject: c.keys.PhoneReject,
			Send: bind(c.t, c.t.Helpdesk.UI.KeySend, "enter")}}
	s.message.CharLimit = auth0.MaxBindingMessage
	s.message.SetValue(message)
	s.message.SetStyles(c.st.Input)
	s.message.SetWidth(40)
	return s
}

func (s *helpdeskVerifyScreen) ID() screenID      { return screenHelpdeskVerify }
func (s *helpdeskVerifyScreen) typing() bool      { return s.approval == nil }
func (s *helpdeskVerifyScreen) moving() bool      { return s.waiting() }
func (s *helpdeskVerifyScreen) ticking() bool     { return s.waiting() }
func (s *helpdeskVerifyScreen) setSize(w, h int)  { s.message.SetWidth(min(40, w-4)) }
func (s *helpdeskVerifyScreen) focusCmd() tea.Cmd { return s.message.Focus() }

func (s *helpdeskVerifyScreen) waiting() bool {
	return s.approval != nil && !s.approval.State().Final()
}

// wait starts the wait for the push just sent.
func (s *helpdeskVerifyScreen) wait(a *flow.Approval) tea.Cmd {
	s.approval, s.ended = a, nil
	s.message.Blur()
	return a.Start()
}

// stop ends the wait at once: leaving stops its polling.
func (s *helpdeskVerifyScreen) stop() {
	if s.approval != nil {
		s.approval.Cancel()
	}
}

// recorded is the wait's end as the audit log has it.
func (s *helpdeskVerifyScreen) recorded(v flow.VerifiedCaller) { s.ended = &v }

func (s *helpdeskVerifyScreen) ShortHelp() []key.Binding {
	switch {
	case s.approval == nil:
		return []key.Binding{s.k.Send, s.k.Back, s.k.ForceQuit}
	case s.waiting():
		keys := []key.Binding{}
		if s.phoneAsks() {
			keys = append(keys, s.k.PhoneApprove, s.k.PhoneReject)
		}
		return append(keys, s.k.Back, s.k.Quit)
	}
	return []key.Binding{s.k.Again, s.k.Back, s.k.Quit}
}

func (s *helpdeskVerifyScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch msg := msg.(type) {
	case flow.ApprovalDueMsg, flow.ApprovalAnswerMsg:
		if s.approval == nil {
			return nil, nil
		}
		cmd, _ := s.approval.Update(msg)
		if s.approval.State().Final() {
			return cmd, verifyEnded{userID: s.user.UserID, approval: s.approval}
		}
		return cmd, nil
	case tea.PasteMsg:
		if s.approval != nil {
			return nil, nil
		}
		var cmd tea.Cmd
		s.message, cmd = s.message.Update(msg)
		return cmd, nil
	case tea.KeyPressMsg:
		return s.updateKey(msg)
	}
	return nil, nil
}

func (s *helpdeskVerifyScreen) updateKey(k tea.KeyPressMsg) (tea.Cmd, intent) {
	switch {
	case key.Matches(k, s.k.Back):
		if s.waiting() {
			s.approval.Cancel() // at once: no poll leaves after esc
			return nil, verifyEnded{userID: s.user.UserID, approval: s.approval}
		}
		return nil, leave{}
	case s.approval == nil && key.Matches(k, s.k.Send):
		message := strings.TrimSpace(s.message.Value())
		if err := auth0.CheckBindingMessage(message); err != nil {
			s.inputErr = s.t.Helpdesk.Problem.BindingMessage.Fix
			return nil, nil
		}
		s.inputErr = ""
		return nil, sendVerify{message}
	case s.approval != nil && !s.waiting() && key.Matches(k, s.k.Again):
		s.approval, s.ended = nil, nil
		s.message.SetValue(newBindingMessage())
		return s.message.Focus(), nil
	case s.approval == nil:
		var cmd tea.Cmd
		s.message, cmd = s.message.Update(k)
		return cmd, nil
	}
	return nil, nil
}

func (s *helpdeskVerifyScreen) View(w, h int) string {
	u := s.t.Helpdesk.UI
	name := auth0.CleanText(userLabel(s.user))
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, wrap(fmt.Sprintf(u.VerifyTitle, name), w)) + "\n\n")
	if s.approval == nil {
		b.WriteString(paint(s.st.Label, wrap(u.MessageLabel, w)) + "\n" + s.message.View() + "\n")
		if s.inputErr != "" {
			b.WriteString(paint(s.st.Error, wrap(s.inputErr, w)))
		} else {
			b.WriteString(paint(s.st.Muted, wrap(u.MessageHint, w)))
		}
		return b.String()
	}
	b.WriteString(paint(s.st.Strong, wrap(fmt.Sprintf(u.ReadAloud, s.message.Value()), w)) + "\n\n")
	if s.waiting() {
		b.WriteString(s.viewWaiting(s.approval, s.t.Sprintf(u.Instructions, auth0.CleanText(s.user.Email)), w))
		return b.String()
	}
	b.WriteString(s.viewEnd(w, name))
	return b.String()
}

// viewEnd says how the wait ended: who approved and when, or why not.
func (s *helpdeskVerifyScreen) viewEnd(w int, name string) string {
	u, t := s.t.Helpdesk.UI, s.t.Challenge
	var line string
	switch s.approval.State() {
	case flow.ApprovalApproved:
		at := s.now()
		if s.ended != nil {
			at = s.ended.At
		}
		line = paint(s.st.Success, wrap("✓ "+fmt.Sprintf(u.Verified, name, at.Local().Format("15:04:05")), w))
	case flow.ApprovalRejected:
		line = paint(s.st.Error, wrap("✗ "+fmt.Sprintf(u.Rejected, name), w))
	case flow.ApprovalExpired, flow.ApprovalTimedOut:
		line = paint(s.st.Error, wrap("✗ "+u.Expired, w))
	case flow.ApprovalRateLimited:
		line = paint(s.st.Error, wrap("✗ "+t.RateLimited, w))
	case flow.ApprovalCancelled:
		line = paint(s.st.Muted, t.Cancelled)
	default:
		line = paint(s.st.Error, "✗ "+t.Failed)
		if err := s.approval.LastError(); err != nil {
			line += "\n" + paint(s.st.Muted, wrap(s.problemDetail(flow.DiagnoseHelpdesk(err)), w))
		}
	}
	return line + "\n\n" + paint(s.st.Muted, wrap(u.AgainHint, w))
}
