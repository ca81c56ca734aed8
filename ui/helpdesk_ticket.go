package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/auth0/management"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/qr"
)

// helpdeskTicketScreen shows an enrollment ticket: its link as a QR code,
// drawn as the enrollment's is, the link to copy, and the expiry note.
type helpdeskTicketScreen struct {
	*common
	k      helpdeskTicketKeys
	user   management.User
	ticket flow.IssuedTicket
	look   qrLook
	codes  map[int]*qr.Code // by quiet zone; nil when the link fits no code
	drawn  memo[ticketKey]
}

// ticketKey is what the ticket's drawing depends on.
type ticketKey struct {
	st      *Styles
	w, h    int
	noColor bool
}

type helpdeskTicketKeys struct{ Copy, PhoneScan, Back, Quit key.Binding }

func newHelpdeskTicketScreen(c *common, user management.User, t flow.IssuedTicket) *helpdeskTicketScreen {
	return &helpdeskTicketScreen{common: c, user: user, ticket: t,
		k: helpdeskTicketKeys{Copy: c.keys.Copy, PhoneScan: c.keys.PhoneScan, Back: c.keys.Back, Quit: c.keys.Quit}}
}

func (s *helpdeskTicketScreen) ID() screenID { return screenHelpdeskTicket }

// scanURI lets the simulated phone scan the ticket, as its user would.
func (s *helpdeskTicketScreen) scanURI() (string, bool) { return s.ticket.URL, s.ticket.URL != "" }

func (s *helpdeskTicketScreen) ShortHelp() []key.Binding {
	keys := []key.Binding{s.k.Copy}
	if s.opts.Phone != nil {
		keys = append(keys, s.k.PhoneScan)
	}
	return append(keys, s.k.Back, s.k.Quit)
}

func (s *helpdeskTicketScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	switch {
	case key.Matches(k, s.k.Copy):
		return tea.SetClipboard(s.ticket.URL), noteStatus{s.t.Enroll.Sent}
	case key.Matches(k, s.k.Back):
		return nil, backToCard{} // the card shows what the phone enrolled meanwhile
	}
	return nil, nil
}

// qrCodes draws the link with a quiet zone of 2 and of 1, again when the
// theme or the colours changed.
func (s *helpdeskTicketScreen) qrCodes() map[int]*qr.Code {
	look := qrLook{dark: s.isDark, noColor: s.noColor, drawn: true}
	if s.look != look {
		s.look, s.codes = look, map[int]*qr.Code{}
		for _, zone := range []int{2, 1} {
			code, err := qr.Render(s.ticket.URL, qr.Options{QuietZone: zone, Invert: s.opts.InvertQR, Style: s.qrStyle()})
			if err != nil {
				s.codes = nil
				break
			}
			s.codes[zone] = code
		}
	}
	return s.codes
}

func (s *helpdeskTicketScreen) View(w, h int) string {
	return s.drawn.get(ticketKey{st: s.st, w: w, h: h, noColor: s.noColor}, func() string { return s.view(w, h) })
}

func (s *helpdeskTicketScreen) view(w, h int) string {
	u := s.t.Helpdesk.UI
	title := paint(s.st.Title, wrap(fmt.Sprintf(u.TicketTitle, auth0.CleanText(userLabel(s.user))), w))
	column := func(cw int) string {
		parts := []string{paint(s.st.Text, wrap(u.TicketSteps, cw))}
		if !s.masksSecrets() { // whoever holds the link enrolls a phone for the user
			parts = append(parts, paint(s.st.Label, s.t.Enroll.LinkLabel)+"\n"+paint(s.st.Link, wrap(breakAnywhere(s.ticket.URL, cw), cw)))
		}
		parts = append(parts, paint(s.st.Muted, wrap(fmt.Sprintf(u.TicketExpiry, s.t.FormatDuration(flow.TicketLifetime)), cw)))
		if s.ticket.Mailed {
			parts = append(parts, paint(s.st.Muted, wrap(fmt.Sprintf(s.t.Helpdesk.Plain.TicketMailed, auth0.CleanText(s.user.Email)), cw)))
		}
		return strings.Join(parts, "\n\n")
	}
	for _, zone := range []int{2, 1} {
		code := s.qrCodes()[zone]
		if code == nil {
			break
		}
		if cw := min(w-code.Width()-qrGap, maxTextColumn); cw >= 24 && code.Height()+2 <= h {
			return title + "\n\n" + besideCode(code, column(cw))
		}
		if code.Width() <= w && code.Height()+2+len(lines(column(w))) <= h {
			return title + "\n" + code.String() + "\n" + column(w)
		}
	}
	// A small window: the code alone where it fits (c copies the link),
	// else the text.
	if code := s.qrCodes()[1]; code != nil && code.Width() <= w && code.Height() <= h {
		return code.String()
	}
	return "\n" + title + "\n\n" + column(w)
}
