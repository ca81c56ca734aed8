package ui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

const (
	// phoneWidth is the simulated phone's column; below wideEnough the
	// phone collapses to a status line.
	phoneWidth = 30
	wideEnough = 88
	margin     = 2
	// shortFooterRows is the footer with the short help: a blank line
	// and one line of keys.
	shortFooterRows = 2
)

// View renders the whole screen.
func (m *Model) View() tea.View {
	// The last frame is blank: tmux 3.3 reflows the alternate screen to
	// the shell's size when it is left, and the lines that wrap then land
	// in the shell above its prompt.
	var content string
	if !m.quitting {
		content = m.render()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = m.t.App.Name
	return v
}

func (m *Model) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.tooSmall() {
		return m.viewTooSmall(w, h)
	}
	header := m.viewHeader(w)
	footer := m.currentFooter(w)
	side, line := m.phoneLayout()
	bodyH := h - m.chromeRows(line, lipgloss.Height(footer))
	explain := m.explainLast()
	mainW := w - margin
	if side {
		mainW -= phoneWidth + 1
	}
	m.bodyHelp = nil
	if m.helpInBody() {
		keys := m.screenKeys()
		m.bodyHelp = append(slices.Clip(keys), without(m.globalKeys(), keys)...)
	}
	content := m.viewBody(mainW, bodyH)
	if m.trace.open {
		content = m.trace.View(mainW, bodyH)
	}
	// Each part is cut or padded to its width once, then the lines are
	// laid side by side and stacked as they are: measuring the same line
	// again at each step was a large share of a frame's cost.
	body := fitLines(content, mainW, max(bodyH, 1))
	left := strings.Repeat(" ", margin)
	var phone []string
	if side {
		phone = fitLines(m.phone.view(m.common, m.scannable(), phoneWidth, bodyH), phoneWidth, len(body))
	}
	lines := make([]string, 0, h+4)
	lines = appendFitted(lines, header, w)
	if explain != "" {
		lines = appendFitted(lines, " "+paint(m.st.Muted, "⇄ "+explain), w)
	}
	lines = m.appendCaption(lines, w)
	for i, l := range body {
		if side {
			l += " " + phone[i]
		}
		lines = append(lines, left+l)
	}
	if m.status != "" {
		lines = appendFitted(lines, " "+m.st.Accent.Render(m.status), w)
	}
	if line {
		lines = appendFitted(lines, " "+m.phone.statusLine(m.common, m.scannable(), w-1), w)
	}
	lines = appendFitted(lines, footer, w)
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// viewBody renders the current screen into w×h; a screen missing from
// the registry says so instead of drawing, so that no test walking the
// registry can miss it.
func (m *Model) viewBody(w, h int) string {
	if !registered(m.current.ID()) {
		return "\n" + paint(m.st.Error, "✗ ui: the screen "+string(m.current.ID())+" is not in the registry (screen.go)")
	}
	return m.current.View(w, h)
}

func (m *Model) viewHeader(w int) string {
	tenant := m.t.App.SandboxTenant
	if !m.opts.Sandbox {
		tenant = m.tenantDomain()
	}
	// The user is named once Auth0 has accepted them: an mfa_token or
	// tokens, not just a name typed into the form.
	session := &m.j.session
	user := session.Credentials.Username
	if user == "" || session.MFAToken == "" && session.Tokens == nil {
		user = m.t.App.NotSignedIn
	}
	if m.j.kind == JourneyHelpdesk && m.current.ID() != screenHome {
		user = m.j.helpdeskHeader(m.current.ID())
	}
	// The header changes with the user and the width only, and its padded
	// styles are slow to render: it is kept with what it was drawn from.
	return m.header.get(headerKey{st: m.st, width: w, name: m.t.App.Name, tenant: tenant, user: user}, func() string {
		name := m.st.HeaderName.Render(m.t.App.Name)
		if m.opts.Sandbox {
			tenant = m.st.HeaderSandbox.Render(tenant)
		} else {
			tenant = m.st.HeaderTenant.Render(tenant)
		}
		right := m.st.HeaderUser.Render(user)
		left := name + tenant
		gap := w - cellWidth(left) - cellWidth(right)
		if gap < 1 {
			return m.st.HeaderBar.Render(fit(left, w, 1))
		}
		return left + m.st.HeaderBar.Render(strings.Repeat(" ", gap)) + right
	})
}

type headerKey struct {
	st                 *Styles
	width              int
	name, tenant, user string
}

// footerFor is the footer with the short or the full help.
func (m *Model) footerFor(w int, all bool) string {
	shown := m.help.ShowAll
	m.help.ShowAll = all
	defer func() { m.help.ShowAll = shown }()
	return m.viewFooter(w)
}

// currentFooter is the footer as this frame draws it: the enrollment screen
// shows the full help beside or under its QR code, never over it, and the
// footer then keeps the short help.
func (m *Model) currentFooter(w int) string {
	if m.caption.Keys != "" {
		return m.captionKeys()
	}
	return m.footerFor(w, m.help.ShowAll && !m.helpInBody())
}

// chromeRows is the rows the frame takes around the body: the header (one
// line), the line that explains the last call, a status note, the phone
// folded into its line, and the footer.
func (m *Model) chromeRows(phoneLine bool, footerRows int) int {
	rows := 1 + footerRows + m.captionRows()
	if phoneLine {
		rows++
	}
	if m.explainLast() != "" {
		rows++
	}
	if m.status != "" {
		rows++
	}
	return rows
}

// layout gives the screen shown the body's size, if it sizes anything.
func (m *Model) layout() {
	if r, ok := m.current.(resizer); ok {
		r.setSize(m.bodySize())
	}
}

// bodySize is the space the body gets.
func (m *Model) bodySize() (int, int) {
	return m.bodySizeWith(lipgloss.Height(m.currentFooter(m.width)))
}

// bodySizeWith is the space the body gets beside a footer of that height.
func (m *Model) bodySizeWith(footerRows int) (int, int) {
	side, line := m.phoneLayout()
	w := m.width - margin
	if side {
		w -= phoneWidth + 1
	}
	h := m.height - m.chromeRows(line, footerRows)
	return max(w, 1), max(h, 1)
}

// memo keeps the last rendering of a part of the frame with the key it was
// made from, all its inputs.
type memo[K comparable] struct {
	key K
	val string
	ok  bool
}

func (c *memo[K]) get(key K, render func() string) string {
	if !c.ok || c.key != key {
		c.key, c.val, c.ok = key, render(), true
	}
	return c.val
}

// fit cuts or pads every line of s to exactly w columns and keeps at most h
// lines, so that no screen ever wraps or scrolls the terminal, whatever
// its size, and columns beside it line up.
func fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(fitEach(lines, w), "\n")
}

// fitLines is fit as lines, padded with blank lines to exactly h.
func fitLines(s string, w, h int) []string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	lines = fitEach(lines, w)
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines
}

// appendFitted appends the lines of s, each cut or padded to w.
func appendFitted(lines []string, s string, w int) []string {
	return append(lines, fitEach(strings.Split(s, "\n"), w)...)
}

// fitEach cuts or pads each line to exactly w columns, in place.
func fitEach(lines []string, w int) []string {
	for i, l := range lines {
		switch lw := cellWidth(l); {
		case lw > w:
			lines[i] = ansi.Truncate(l, w, "…")
		case lw < w:
			lines[i] = l + strings.Repeat(" ", w-lw)
		}
	}
	return lines
}

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = pad + l
	}
	return strings.Join(lines, "\n")
}

// wrap wraps plain or styled text to w columns, breaking words longer
// than a line (paths, URIs).
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	return ansi.Wrap(s, w, "")
}

// helpInBody reports whether the full help goes into the screen's body:
// when it is asked for and the screen takes it at the body size the short
// footer leaves (the QR code's screen, whose code it would push out).
func (m *Model) helpInBody() bool {
	t, ok := m.current.(helpTaker)
	return ok && m.help.ShowAll && !m.trace.open && t.takesHelp(m.bodySizeWith(shortFooterRows))
}

// windowSize is the window's size (frame).
func (m *Model) windowSize() (int, int) { return m.width, m.height }

// rowsAround is the rows the frame takes around a body bodyW wide in a
// window w wide, with the short footer (frame).
func (m *Model) rowsAround(w, bodyW int) int {
	side := m.phone.visible && w >= wideEnough && bodyW <= w-margin-phoneWidth-1
	return m.chromeRows(m.phone.enabled && !side, shortFooterRows)
}
