package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/i18n"
)

// phonePanel plays the user's phone on the sandbox: it scans the QR code
// on screen, shows incoming pushes to approve or reject, and the current
// OTP codes.
type phonePanel struct {
	enabled       bool
	visible       bool
	devices       []flow.PhoneDevice
	notifications []flow.PhoneNotification
	otps          map[string]otpCode
	messages      []flow.PhoneMessage // the inbox, newest first
	scanning      bool
	answering     bool
	note          string
	noteSeq       uint64
}

// clearPhoneNoteMsg clears the phone's note if no newer one replaced it.
type clearPhoneNoteMsg struct{ seq uint64 }

// phoneNote shows a note on the phone for a few seconds.
func (m *Model) phoneNote(note string) tea.Cmd {
	p := m.phone
	p.note = note
	p.noteSeq++
	return after(m.ctx(), 5*time.Second, clearPhoneNoteMsg{seq: p.noteSeq})
}

type otpCode struct {
	code     string
	validFor time.Duration
}

func newPhonePanel(enabled bool) *phonePanel {
	return &phonePanel{enabled: enabled, visible: enabled, otps: map[string]otpCode{}}
}

// busy reports an action in flight on the phone (the panel animates).
func (p *phonePanel) busy() bool { return p.scanning || p.answering }

// showsOTP reports whether an OTP countdown is on screen.
func (p *phonePanel) showsOTP(m *Model) bool {
	side, line := m.phoneLayout()
	return p.enabled && len(p.devices) > 0 && (side || line && len(p.notifications) == 0)
}

// refresh reads the phone's state after it changed.
func (p *phonePanel) refresh(phone flow.Phone) {
	if phone == nil {
		return
	}
	p.devices = phone.Devices()
	p.notifications = phone.Notifications()
	p.messages = phone.Messages()
	p.refreshOTP(phone)
}

func (p *phonePanel) refreshOTP(phone flow.Phone) {
	if phone == nil {
		return
	}
	for _, d := range p.devices {
		if code, validFor, err := phone.OTP(d.ID); err == nil {
			p.otps[d.ID] = otpCode{code: code, validFor: validFor}
		}
	}
}

func (p *phonePanel) qrShown() { p.note = "" }

// scanned and answered return the note that says how a phone action went.
func (p *phonePanel) scanned(msg flow.PhoneScannedMsg, t *i18n.Catalog) string {
	p.scanning = false
	if msg.Err != nil {
		return fmt.Sprintf(t.Phone.ScanFailed, auth0.CleanText(msg.Err.Error()))
	}
	return fmt.Sprintf(t.Phone.Scanned, msg.Device.Name)
}

func (p *phonePanel) answered(msg flow.PhoneAnsweredMsg, t *i18n.Catalog) string {
	p.answering = false
	if msg.Err != nil {
		return fmt.Sprintf(t.Phone.AnswerFailed, auth0.CleanText(msg.Err.Error()))
	}
	return t.Phone.Answered
}

// phoneLayout says whether the phone shows as a side panel or a status line.
func (m *Model) phoneLayout() (side, line bool) {
	if !m.phone.enabled {
		return false, false
	}
	if m.phone.visible && m.width >= wideEnough && !m.foldsPhone() && !m.trace.open {
		return true, false
	}
	return false, true
}

// view draws the panel; canScan says the screen shows a code to scan.
func (p *phonePanel) view(c *common, canScan bool, w, h int) string {
	t := c.t.Phone
	st := c.st
	inner := w - st.PhoneFrame.GetHorizontalFrameSize()
	var lines []string
	lines = append(lines, paint(st.PhoneTitle, t.Title), "")
	switch {
	case len(p.notifications) > 0:
		n := p.notifications[0]
		lines = append(lines, paint(st.PhoneNotice, "● "+t.Incoming))
		if n.App != "" && n.OS != "" && n.OS != "unknown" {
			lines = append(lines, paint(st.Muted, wrap(fmt.Sprintf(t.From, n.App, n.OS), inner)))
		}
		if n.BindingMessage != "" { // a helpdesk's push: the message read aloud
			lines = append(lines, paint(st.Strong, wrap(n.BindingMessage, inner)))
		}
		lines = append(lines, "", paint(st.PhoneKey, "a")+" "+t.ApproveKey+"   "+paint(st.PhoneKey, "x")+" "+t.RejectKey)
	case canScan:
		lines = append(lines, paint(st.PhoneNotice, wrap(t.ScanPrompt, inner)), "", paint(st.PhoneKey, "s")+" "+c.t.Keys.Scan)
	default:
		lines = append(lines, paint(st.Muted, t.Idle))
	}
	if p.busy() {
		lines = append(lines, c.spin.View())
	} else if p.note != "" {
		lines = append(lines, "", paint(st.Text, wrap(p.note, inner)))
	}
	lines = append(lines, "")
	if len(p.devices) == 0 {
		lines = append(lines, paint(st.Muted, wrap(t.NoDevices, inner)))
	}
	for _, d := range p.devices {
		lines = append(lines, paint(st.Strong, fit(d.Name, inner, 1)))
		if otp, ok := p.otps[d.ID]; ok {
			lines = append(lines, paint(st.Muted, t.OTP+" ")+paint(st.PhoneCode, groupOTP(otp.code))+
				paint(st.Muted, " "+fmt.Sprintf(t.SecondsLeft, int(otp.validFor.Seconds()))))
		}
	}
	lines = append(lines, p.inboxLines(c, inner)...)
	body := strings.Join(lines, "\n")
	return drawBox(st.PhoneFrame, body, w)
}

// statusLine is the phone folded into one line for narrow windows.
func (p *phonePanel) statusLine(c *common, canScan bool, w int) string {
	t := c.t.Phone
	st := c.st
	label := paint(st.PhoneTitle, t.Status+" ·")
	var text string
	switch {
	case len(p.notifications) > 0:
		text = paint(st.PhoneNotice, t.Incoming)
		if m := p.notifications[0].BindingMessage; m != "" {
			text += " " + paint(st.Strong, m)
		}
		text += "  " + paint(st.PhoneKey, "a") + " " + t.ApproveKey + "  " + paint(st.PhoneKey, "x") + " " + t.RejectKey
	case p.note != "": // before the scan prompt: a helpdesk's ticket stays on screen once scanned
		text = paint(st.Text, p.note)
	case canScan:
		text = paint(st.PhoneNotice, t.ScanPrompt) + "  " + paint(st.PhoneKey, "s") + " " + c.t.Keys.Scan
	case p.newestMessage(c) != nil:
		m := p.newestMessage(c)
		text = paint(st.Strong, c.kindName(auth0.Kind(m.Channel))) + " " + paint(st.Muted, m.To) + " " +
			paint(st.Muted, fmt.Sprintf(c.t.Factors.PhoneInboxCode, "")) + paint(st.PhoneCode, groupOTP(m.Code))
	case len(p.devices) > 0:
		// Every account, newest first: the code to type may be an older
		// one's (bob's, after alice enrolled in the same session).
		for i := len(p.devices) - 1; i >= 0; i-- {
			d := p.devices[i]
			if i < len(p.devices)-1 {
				text += paint(st.Muted, " · ")
			}
			text += paint(st.Strong, d.Name)
			if otp, ok := p.otps[d.ID]; ok {
				text += " " + paint(st.PhoneCode, groupOTP(otp.code))
				if i == len(p.devices)-1 { // codes change together, every 30 seconds
					text += paint(st.Muted, " "+fmt.Sprintf(t.SecondsLeft, int(otp.validFor.Seconds())))
				}
			}
		}
	default:
		text = paint(st.Muted, t.Idle)
	}
	if !p.visible {
		text += paint(st.Muted, " · "+t.Hidden)
	}
	return fit(label+" "+text, w, 1)
}

// groupOTP shows "123 456" for easier reading.
func groupOTP(code string) string {
	if len(code) == 6 {
		return code[:3] + " " + code[3:]
	}
	return code
}

// phoneDeviceName names the simulated phone after the user ("Alice's phone").
func (m *Model) phoneDeviceName() string {
	user := m.j.session.Credentials.Username
	if m.j.kind == JourneyHelpdesk && m.j.hd.card != nil { // a ticket: the user's phone, not the agent's
		user = m.j.hd.card.card.User.Email
	}
	return flow.PhoneName(m.t, user)
}

// scanURI is what the simulated phone may scan on the screen now.
func (m *Model) scanURI() (string, bool) {
	if s, ok := m.current.(scanner); ok {
		return s.scanURI()
	}
	return "", false
}

func (m *Model) scannable() bool {
	_, ok := m.scanURI()
	return ok
}

// foldsPhone reports whether the screen lays out better with the phone
// folded into its status line (the QR code).
func (m *Model) foldsPhone() bool {
	f, ok := m.current.(folder)
	if !ok || m.trace.open {
		return false
	}
	side := [2]int{m.width - margin - phoneWidth - 1, m.height - m.chromeRows(false, shortFooterRows)}
	folded := [2]int{m.width - margin, m.height - m.chromeRows(true, shortFooterRows)}
	return f.prefersFolded(side, folded)
}

// updatePhone follows the simulated phone: its changes, and how the
// actions its keys started went.
func (m *Model) updatePhone(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case flow.PhoneChangedMsg:
		m.phone.refresh(m.opts.Phone)
		return flow.WatchPhone(m.env, m.opts.Phone)
	case flow.PhoneScannedMsg:
		return m.phoneNote(m.phone.scanned(msg, m.t))
	case flow.PhoneAnsweredMsg:
		return m.phoneNote(m.phone.answered(msg, m.t))
	case clearPhoneNoteMsg:
		if msg.seq == m.phone.noteSeq {
			m.phone.note = ""
		}
	}
	return nil
}

// phoneKey handles the simulated phone's keys when they apply.
func (m *Model) phoneKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	phone := m.opts.Phone
	if phone == nil {
		return nil, false
	}
	p := m.phone
	switch {
	case key.Matches(msg, m.keys.PhoneToggle):
		p.visible = !p.visible
		m.layout()
		return nil, true
	case key.Matches(msg, m.keys.PhoneScan) && !p.scanning:
		uri, ok := m.scanURI()
		if !ok {
			return nil, false
		}
		p.scanning, p.note = true, m.t.Phone.Scanning
		return flow.ScanWithPhone(m.env, phone, uri, m.phoneDeviceName()), true
	case (key.Matches(msg, m.keys.PhoneApprove) || key.Matches(msg, m.keys.PhoneReject)) && len(p.notifications) > 0 && !p.answering:
		p.answering = true
		return flow.AnswerOnPhone(m.env, phone, p.notifications[0].ID, key.Matches(msg, m.keys.PhoneApprove)), true
	}
	return nil, false
}

// inboxShown is how many of the newest messages the panel shows.
const inboxShown = 2

// newestMessage is the newest message whose code still works, if any:
// the folded phone shows it while the person may need it.
func (p *phonePanel) newestMessage(c *common) *flow.PhoneMessage {
	if len(p.messages) == 0 || !c.now().Before(p.messages[0].ExpiresAt) {
		return nil
	}
	return &p.messages[0]
}

// inboxLines are the newest messages the tenant sent (SMS, the voice
// call's transcript, email): who they went to, their code, their text.
func (p *phonePanel) inboxLines(c *common, inner int) []string {
	if len(p.messages) == 0 {
		return nil
	}
	st := c.st
	lines := []string{"", paint(st.PhoneTitle, c.t.Factors.PhoneInbox)}
	for _, m := range p.messages[:min(len(p.messages), inboxShown)] {
		head := c.kindName(auth0.Kind(m.Channel)) + " · " + m.To
		code := paint(st.Muted, fmt.Sprintf(c.t.Factors.PhoneInboxCode, "")) + paint(st.PhoneCode, groupOTP(m.Code))
		if !c.now().Before(m.ExpiresAt) {
			code = paint(st.Muted, fmt.Sprintf(c.t.Factors.PhoneInboxCode, groupOTP(m.Code)))
		}
		// The body alone: an email's subject says less than its first line.
		lines = append(lines, "", paint(st.Strong, fit(head, inner, 1)), code, paint(st.Muted, fit(wrap(m.Text, inner), inner, 3)))
	}
	return lines
}
