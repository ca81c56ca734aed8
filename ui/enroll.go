package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/qr"
)

// enrollScreen shows the enrollment QR code while the approval wait polls
// for the phone's confirmation.
type enrollScreen struct {
	association *auth0.Association
	at          time.Time
	approval    *flow.Approval
	codes       map[int]*qr.Code // rendered once per quiet zone
	codeErr     error
	link        memo[linkKey] // the enrollment link, drawn once per width
}

type linkKey struct {
	st    *Styles
	width int
}

// minTextColumn is the narrowest column of instructions beside the QR code.
const minTextColumn = 30

func (e *enrollScreen) waiting() bool {
	return e.approval != nil && !e.approval.State().Final()
}

// expiresAt is when the enrollment ticket dies.
func (e *enrollScreen) expiresAt() time.Time { return e.at.Add(flow.EnrollmentLifetime) }

// scannable reports whether the phone may scan the code now.
func (e *enrollScreen) scannable(now time.Time) bool {
	return e != nil && e.association != nil && e.waiting() && now.Before(e.expiresAt())
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
	return m.run(m.t.Working.Associating, func(env flow.Env) tea.Cmd { return flow.AssociatePush(env, bearer) })
}

// associated handles the answer of /mfa/associate.
func (m *Model) associated(msg flow.AssociatedMsg) tea.Cmd {
	if msg.Err != nil {
		p := flow.Diagnose(msg.Err)
		if p.Kind == flow.ProblemAlreadyEnrolled {
			m.screen = screenAlreadyEnrolled
			return nil
		}
		return m.showProblem(p, screenHome)
	}
	m.enroll = &enrollScreen{association: msg.Association, at: msg.At, codes: map[int]*qr.Code{}}
	m.rerenderQR()
	m.enroll.approval = flow.NewApproval(m.env, flow.ApprovalEnrollment, m.session.MFAToken,
		msg.Association.OOBCode, msg.At, m.enroll.expiresAt())
	m.screen = screenEnroll
	m.phone.qrShown()
	return m.enroll.approval.Start()
}

// rerenderQR renders the code again when the theme or colour profile changes.
func (m *Model) rerenderQR() {
	if m.enroll == nil || m.enroll.association == nil {
		return
	}
	m.enroll.codes = map[int]*qr.Code{}
	for _, zone := range []int{2, 1} {
		code, err := qr.Render(m.enroll.association.BarcodeURI, qr.Options{QuietZone: zone, Invert: m.opts.InvertQR, Style: m.qrStyle()})
		if err != nil {
			m.enroll.codeErr = err
			return
		}
		m.enroll.codes[zone] = code
	}
}

// qrStyle draws with explicit colours unless colours are off (NO_COLOR),
// then picks the glyphs for the terminal's background.
func (m *Model) qrStyle() qr.Style {
	if m.noColor {
		if m.isDark {
			return qr.StylePlainDark
		}
		return qr.StylePlainLight
	}
	return qr.StyleColor
}

// enrollProgressed reacts to the approval wait's progress.
func (m *Model) enrollProgressed() tea.Cmd {
	e := m.enroll
	if e == nil || e.approval == nil || e.approval.State() != flow.ApprovalApproved {
		return nil
	}
	m.session.Earn(e.approval.Tokens(), m.now())
	m.enrolled = enrolledScreen{recoveryCodes: e.association.RecoveryCodes}
	m.listPurpose = listForEnrolled
	return m.run(m.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.ListAuthenticators(env, m.session.MFAToken) })
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
	login := m.loginFor(m.flow, m.session.Credentials)
	if m.after.pending() {
		login.Audience, login.Scope = m.env.Client.MFAAudience(), flow.ScopeMFAAPI
	}
	m.session.Audience, m.session.Scope = login.Audience, login.Scope
	return m.run(m.t.Working.SigningInAgain, func(env flow.Env) tea.Cmd { return flow.SignIn(env, login) })
}

func (m *Model) keyEnroll(msg tea.KeyPressMsg) tea.Cmd {
	e := m.enroll
	switch {
	case key.Matches(msg, m.keys.Copy):
		return tea.Batch(tea.SetClipboard(e.association.BarcodeURI), m.setStatus(m.t.Enroll.Copied))
	case key.Matches(msg, m.keys.NewCode) && !e.waiting():
		return m.newCode()
	case key.Matches(msg, m.keys.Back):
		return m.goHome()
	}
	return nil
}

func (m *Model) enrollKeys() []key.Binding {
	keys := []key.Binding{m.keys.Copy}
	if m.enroll != nil && !m.enroll.waiting() {
		keys = append(keys, m.keys.NewCode)
	}
	if m.opts.Phone != nil && m.enroll.scannable(m.now()) {
		keys = append(keys, m.keys.PhoneScan)
	}
	return append(keys, m.keys.Back, m.keys.Quit)
}

// enrollLayout picks the quiet zone and whether the text fits beside the
// code. ok is false when the code does not fit at all.
func (m *Model) enrollLayout(w, h int) (code *qr.Code, beside, ok bool) {
	for _, zone := range []int{2, 1} {
		c := m.enroll.codes[zone]
		if c == nil {
			continue
		}
		if c.Height()+2 <= h && c.Width()+3+minTextColumn <= w {
			return c, true, true
		}
	}
	for _, zone := range []int{2, 1} {
		if c := m.enroll.codes[zone]; c != nil && c.Height()+3 <= h && c.Width() <= w {
			return c, false, true
		}
	}
	return nil, false, false
}

// enrollNeedsRoom reports whether the phone panel must fold into a status
// line for the code to fit beside its instructions.
func (m *Model) enrollNeedsRoom() bool {
	if m.screen != screenEnroll || m.enroll == nil {
		return false
	}
	c := m.enroll.codes[1]
	if c == nil {
		return false
	}
	sideW := m.width - margin - phoneWidth - 1
	return c.Width()+3+minTextColumn > sideW
}

func (m *Model) viewEnroll(w, h int) string {
	e := m.enroll
	t := m.t.Enroll
	title := paint(m.st.Title, fmt.Sprintf(t.Title, m.session.Credentials.Username))
	if e.codeErr != nil {
		return "\n" + title + "\n\n" + paint(m.st.Error, e.codeErr.Error()) + "\n" + m.enrollStatus(w)
	}
	code, beside, ok := m.enrollLayout(w, h)
	if !ok {
		need := e.codes[1]
		needW, needH := margin+need.Width(), need.Height()+6
		if m.opts.Phone != nil && m.phone.visible {
			needH++
		}
		return "\n" + title + "\n\n" + paint(m.st.Warning, wrap(fmt.Sprintf(t.TooSmallQR, needW, needH), w)) + "\n\n" + m.enrollStatus(w)
	}
	if !beside {
		return title + "\n" + code.String() + "\n" + m.enrollStatus(w)
	}
	colW := w - code.Width() - 3
	column := m.enrollColumn(colW, code.Height())
	return title + "\n\n" + joinTop(code.String(), "   ", column)
}

// enrollColumn is the text beside the code: the steps, the countdown, the
// wait, then the link and the recovery code when they fit.
func (m *Model) enrollColumn(w, h int) string {
	t := m.t.Enroll
	parts := []string{
		paint(m.st.Text, wrap(t.Step1, w)),
		paint(m.st.Text, wrap(t.Step2, w)),
		paint(m.st.Muted, wrap(t.Step3, w)),
		"",
		m.enrollStatus(w),
	}
	used := lipgloss.Height(strings.Join(parts, "\n"))
	// The link is underlined, which styles it rune by rune: it is drawn
	// once per width, like the code beside it.
	link := m.enroll.link.get(linkKey{st: m.st, width: w}, func() string {
		return paint(m.st.Label, t.LinkLabel) + "\n" + paint(m.st.Link, wrap(breakAnywhere(m.enroll.association.BarcodeURI, w), w))
	})
	if used+lipgloss.Height(link)+1 <= h {
		parts = append(parts, "", link)
		used += lipgloss.Height(link) + 1
	}
	if codes := m.enroll.association.RecoveryCodes; len(codes) > 0 {
		rc := paint(m.st.Label, t.RecoveryTitle) + "\n" + paint(m.st.Strong, groupCode(codes[0])) + "\n" + paint(m.st.Muted, wrap(t.RecoveryHint, w))
		if used+lipgloss.Height(rc)+1 <= h {
			parts = append(parts, "", rc)
		}
	}
	return strings.Join(parts, "\n")
}

// enrollStatus is the countdown and the state of the wait.
func (m *Model) enrollStatus(w int) string {
	t := m.t.Enroll
	e := m.enroll
	a := e.approval
	now := m.now()
	var lines []string
	switch a.State() {
	case flow.ApprovalWaiting, flow.ApprovalPolling:
		lines = append(lines, paint(m.st.Text, fmt.Sprintf(t.ValidFor, clockDuration(e.expiresAt().Sub(now)))))
		next := t.Checking
		if a.State() == flow.ApprovalWaiting {
			next = fmt.Sprintf(t.NextCheck, m.shortDuration(a.NextPoll().Sub(now)))
		}
		lines = append(lines, m.spin.View()+" "+paint(m.st.Strong, t.Waiting), "  "+paint(m.st.Muted, next))
		if n := a.Retrying(); n > 0 {
			lines = append(lines, paint(m.st.Warning, fmt.Sprintf(t.Retrying, n)))
		}
		if a.ClockSuspect() {
			lines = append(lines, paint(m.st.Warning, t.ClockFast))
		}
	case flow.ApprovalExpired, flow.ApprovalTimedOut:
		lines = append(lines, paint(m.st.Error, t.Expired), paint(m.st.Text, t.NewCodeHint))
	case flow.ApprovalRateLimited:
		lines = append(lines, paint(m.st.Error, t.RateLimited), paint(m.st.Text, t.NewCodeHint))
	case flow.ApprovalFailed, flow.ApprovalRejected:
		lines = append(lines, paint(m.st.Error, t.Failed))
		if err := a.LastError(); err != nil {
			lines = append(lines, paint(m.st.Muted, m.problemDetail(flow.Diagnose(err))))
		}
		lines = append(lines, paint(m.st.Text, t.NewCodeHint))
	}
	for i, l := range lines {
		lines[i] = wrap(l, w)
	}
	return strings.Join(lines, "\n")
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
