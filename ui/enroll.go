package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/qr"
)

// enrollScreen shows the enrollment QR code while the approval wait polls
// for the phone's confirmation.
type enrollScreen struct {
	association *auth0.Association
	at          time.Time
	approval    *flow.Approval
	codes       map[int]*qr.Code // rendered once per quiet zone
	codeErr     error            // the link does not fit in a QR code
	link        memo[linkKey]    // the enrollment link, drawn once per width
	sent        bool             // c sent the link through OSC 52
}

type linkKey struct {
	st    *Styles
	width int
	sent  bool
}

func (e *enrollScreen) waiting() bool {
	return e.approval != nil && !e.approval.State().Final()
}

// expiresAt is when the enrollment ticket dies.
func (e *enrollScreen) expiresAt() time.Time { return e.at.Add(flow.EnrollmentLifetime) }

// scannable reports whether the phone may scan the code now: its link,
// and the keys that use it, are offered only then.
func (e *enrollScreen) scannable(now time.Time) bool {
	return e != nil && e.association != nil && e.waiting() && now.Before(e.expiresAt())
}

// showsCode reports whether a QR code is drawn for the phone now.
func (e *enrollScreen) showsCode(now time.Time) bool {
	return e.scannable(now) && e.codeErr == nil
}

// enrollBearer is the token that may enroll: an MFA-API access token with
// the enroll scope when the session has one, else the mfa_token.
func (m *Model) enrollBearer() string {
	if token, ok := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeEnroll, m.now()); ok {
		return token
	}
	return m.session.MFAToken
}

func (m *Model) startEnrollment(bearer string) tea.Cmd {
	m.stopWaits()
	return m.run(m.t.Working.Associating, func(env flow.Env) tea.Cmd { return flow.EnrollCmd(env, bearer, flow.Push, flow.EnrollInput{}) })
}

// associated handles the answer of /mfa/associate.
func (m *Model) associated(msg flow.AssociatedMsg) tea.Cmd {
	if msg.Err != nil {
		p := flow.Diagnose(msg.Err)
		if p.Kind == flow.ProblemAlreadyEnrolled {
			m.already = newAlreadyScreen(m.common)
			m.setScreen(screenAlreadyEnrolled)
			return nil
		}
		return m.showProblem(p, screenHome)
	}
	m.enroll = &enrollScreen{association: msg.Association, at: msg.At, codes: map[int]*qr.Code{}}
	m.rerenderQR()
	m.enroll.approval = flow.NewApproval(m.env, flow.ApprovalEnrollment, m.session.MFAToken,
		msg.Association.OOBCode, msg.At, m.enroll.expiresAt())
	m.setScreen(screenEnroll)
	m.phone.qrShown()
	return m.enroll.approval.Start()
}

// rerenderQR renders the code again when the theme or colour profile changes.
func (m *Model) rerenderQR() {
	if m.enroll == nil || m.enroll.association == nil {
		return
	}
	m.enroll.codes, m.enroll.codeErr = map[int]*qr.Code{}, nil
	for _, zone := range []int{2, 1} {
		code, err := qr.Render(m.enroll.association.BarcodeURI, qr.Options{QuietZone: zone, Invert: m.opts.InvertQR, Style: m.qrStyle()})
		if err != nil {
			m.enroll.codeErr = err
			return
		}
		m.enroll.codes[zone] = code
	}
}

// enrollProgressed reacts to the approval wait's progress.
func (m *Model) enrollProgressed() tea.Cmd {
	e := m.enroll
	if e == nil || e.approval == nil || e.approval.State() != flow.ApprovalApproved {
		return nil
	}
	m.session.Earn(e.approval.Tokens(), m.now())
	m.enrolledCodes = e.association.RecoveryCodes
	m.listPurpose = listForEnrolled
	return m.run(m.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, m.session.MFAToken) })
}

// newCode starts a new enrollment once the old code can no longer serve.
func (m *Model) newCode() tea.Cmd {
	if m.now().Before(m.session.MFATokenDeadline()) || m.enrollBearer() != m.session.MFAToken {
		return m.startEnrollment(m.enrollBearer())
	}
	return m.signInAgain()
}

// signInAgain gets a fresh mfa_token with the password the user typed, or
// asks for the sign-in again when the session has no password.
func (m *Model) signInAgain() tea.Cmd {
	if !m.session.HasPassword() {
		return m.showProblem(flow.Problem{Kind: flow.ProblemTokenExpired}, screenSignIn)
	}
	login := m.loginFor(m.journey, m.session.Credentials)
	m.session.Audience, m.session.Scope = login.Audience, login.Scope
	return m.run(m.t.Working.SigningInAgain, func(env flow.Env) tea.Cmd { return flow.SignInCmd(env, login) })
}

func (m *Model) keyEnroll(msg tea.KeyPressMsg) tea.Cmd {
	e := m.enroll
	switch {
	case key.Matches(msg, m.keys.Copy) && e.scannable(m.now()):
		// OSC 52 may reach no clipboard (tmux with set-clipboard
		// external): the screen says what was sent and shows the link.
		e.sent = true
		return tea.SetClipboard(e.association.BarcodeURI)
	case key.Matches(msg, m.keys.NewCode) && !e.waiting():
		return m.newCode()
	case key.Matches(msg, m.keys.Back):
		return m.goHome()
	}
	return nil
}

func (m *Model) enrollKeys() []key.Binding {
	var keys []key.Binding
	if m.enroll.scannable(m.now()) {
		keys = append(keys, m.keys.Copy)
		if m.opts.Phone != nil {
			keys = append(keys, m.keys.PhoneScan)
		}
	}
	if m.enroll != nil && !m.enroll.waiting() {
		keys = append(keys, m.keys.NewCode)
	}
	return append(keys, m.keys.Back, m.keys.Quit)
}

// breakAnywhere lets a long URI wrap at any character.
func breakAnywhere(s string, w int) string {
	if w <= 0 {
		return s
	}
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && i%w == 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(r)
	}
	return b.String()
}
