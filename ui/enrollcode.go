package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/qr"
)

// enrollCodeScreen confirms an enrollment with a code: the code sent by
// SMS, voice or email, or the first code of an authenticator app, whose QR
// code (drawn as the push's is) and secret, in groups of four, it shows
// first.
type enrollCodeScreen struct {
	*common
	k           enrollCodeKeys
	factor      *flow.Factor
	user        string
	association *auth0.Association
	destination string // where the code went, for SMS, voice and email
	input       textinput.Model
	inputErr    string
	verifying   bool
	codes       map[int]*qr.Code // the app's QR code, drawn once per quiet zone
	codesFor    qrLook
	// appsBefore are the simulated phone's app accounts when the code
	// showed: a new one means the phone scanned it, and shows its codes.
	appsBefore map[string]bool
}

type enrollCodeKeys struct{ Submit, Back key.Binding }

func newEnrollCodeScreen(c *common, f *flow.Factor, user string, as *auth0.Association, destination string) *enrollCodeScreen {
	s := &enrollCodeScreen{common: c, factor: f, user: user, association: as, destination: destination, input: textinput.New(),
		k: enrollCodeKeys{Submit: bind(c.t, c.t.Keys.Submit, "enter"), Back: c.keys.Back}}
	s.input.SetStyles(c.st.Input)
	s.input.SetWidth(20)
	s.input.CharLimit, s.input.Placeholder = f.Code.MaxLen, f.Code.Hint(c.t)
	s.appsBefore = map[string]bool{}
	for _, d := range c.phone.devices {
		if d.App {
			s.appsBefore[d.ID] = true
		}
	}
	return s
}

func (s *enrollCodeScreen) ID() screenID { return screenEnrollCode }

// typing is false: a code is digits only, so the letters stay the
// frame's and the phone's (s scans the app's QR code into the simulated
// phone), and digits reach the field.
func (s *enrollCodeScreen) typing() bool { return false }

func (s *enrollCodeScreen) moving() bool { return s.verifying }

func (s *enrollCodeScreen) focusCmd() tea.Cmd { return s.input.Focus() }

func (s *enrollCodeScreen) ShortHelp() []key.Binding { return []key.Binding{s.k.Submit, s.k.Back} }

// scanURI lets the simulated phone scan the app's QR code into its
// authenticator app, until it did: then the phone shows the account's code.
func (s *enrollCodeScreen) scanURI() (string, bool) {
	if s.factor != flow.OTP || s.association.BarcodeURI == "" {
		return "", false
	}
	for _, d := range s.phone.devices {
		if d.App && !s.appsBefore[d.ID] {
			return "", false
		}
	}
	return s.association.BarcodeURI, true
}

// refused says the code was not accepted, and empties the field.
func (s *enrollCodeScreen) refused(p flow.Problem) {
	s.verifying, s.inputErr = false, s.refusal(p)
	if p.Kind == flow.ProblemInvalidCode && s.factor.SendsCode() {
		s.inputErr = s.t.Factors.WrongEnrollCode
	}
	s.input.Reset()
}

func (s *enrollCodeScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.k.Back):
			return nil, leave{}
		case key.Matches(msg, s.k.Submit):
			if s.verifying {
				return nil, nil
			}
			code, ok := s.factor.ReadCode(s.input.Value())
			switch {
			case code == "" || !ok && s.factor.SendsCode():
				s.inputErr = s.t.Factors.BadCode
				return nil, nil
			case !ok:
				s.inputErr = s.t.Factors.BadAppCode
				return nil, nil
			}
			s.verifying, s.inputErr = true, ""
			return nil, confirmEnrollment{flow.Answer{Factor: s.factor, Code: code, OOBCode: s.association.OOBCode}}
		}
	case tea.PasteMsg:
	default:
		return nil, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd, nil
}

func (s *enrollCodeScreen) View(w, h int) string {
	t := s.t.Factors
	if s.factor != flow.OTP {
		title := paint(s.st.Title, fmt.Sprintf(t.ConfirmTitle, s.factor.Name(s.t)))
		sent := paint(s.st.Text, wrap(fmt.Sprintf(t.SentTo, flow.SentBy(s.t, s.factor), s.destination), w))
		return "\n" + title + "\n\n" + sent + "\n\n" + s.field(w, t.CodeLabel, t.CodeHint)
	}
	title := paint(s.st.Title, fmt.Sprintf(t.AppTitle, s.user))
	column := func(cw int, drawn bool) string {
		scan := []string{paint(s.st.Text, wrap(t.AppScan, cw)), "", paint(s.st.Text, wrap(t.AppSecret, cw))}
		if !drawn {
			scan = []string{paint(s.st.Text, wrap(t.AppNoRoom, cw))}
		}
		return strings.Join(append(scan, paint(s.st.Strong, flow.SecretGroups(s.association.Secret)), "",
			s.field(cw, t.AppFirstCode, "")), "\n")
	}
	switch l := s.layout(w, h); l.place {
	case qrBeside:
		return title + "\n\n" + besideCode(l.code, column(min(w-l.code.Width()-qrGap, maxTextColumn), true))
	case qrStacked:
		return title + "\n" + l.code.String() + "\n" + column(w, true)
	}
	// No room for the code: the secret typed in does the same.
	return "\n" + title + "\n\n" + column(w, false)
}

// appColumnRows is how many rows the text beside or under the app's QR
// code takes at most: the steps, the secret, the field and its message.
const appColumnRows = 12

// layout places the app's QR code: the text beside it, else under it,
// the wider quiet zone first; qrNone when neither fits.
func (s *enrollCodeScreen) layout(w, h int) qrLayout {
	codes := s.qrCodes()
	for _, place := range []qrPlacement{qrBeside, qrStacked} {
		for _, zone := range []int{2, 1} {
			c := codes[zone]
			switch {
			case c == nil:
			case place == qrBeside && c.Width()+qrGap+minTextColumn <= w && c.Height()+2 <= h:
				return qrLayout{code: c, place: place}
			case place == qrStacked && c.Width() <= w && c.Height()+1+appColumnRows <= h:
				return qrLayout{code: c, place: place}
			}
		}
	}
	return qrLayout{}
}

// prefersFolded asks the phone to fold into its line when the body then
// gets gives the QR code a better place.
func (s *enrollCodeScreen) prefersFolded(side, folded [2]int) bool {
	return s.factor == flow.OTP && s.layout(folded[0], folded[1]).rank() > s.layout(side[0], side[1]).rank()
}

// field is the code's label, its field, and the state of the check.
func (s *enrollCodeScreen) field(w int, label, hint string) string {
	s.input.SetWidth(min(20, max(w-4, 8)))
	out := paint(s.st.Label, wrap(label, w)) + "\n" + s.input.View() + "\n"
	switch {
	case s.verifying:
		out += s.spin.View() + " " + paint(s.st.Muted, s.t.Working.Verifying)
	case s.inputErr != "":
		out += paint(s.st.Error, wrap(s.inputErr, w))
	case hint != "":
		out += paint(s.st.Muted, wrap(hint, w))
	}
	return out
}

// qrCodes are the app's QR code with a quiet zone of 2 and of 1, drawn
// again when the theme or the colour profile changed; empty when it does
// not fit in a QR code (the secret is shown all the same).
func (s *enrollCodeScreen) qrCodes() map[int]*qr.Code {
	look := qrLook{dark: s.isDark, noColor: s.noColor, drawn: true}
	if s.codesFor != look {
		s.codesFor, s.codes = look, map[int]*qr.Code{}
		for _, zone := range []int{2, 1} {
			if code, err := qr.Render(s.association.BarcodeURI, qr.Options{QuietZone: zone, Invert: s.opts.InvertQR, Style: s.qrStyle()}); err == nil {
				s.codes[zone] = code
			}
		}
	}
	return s.codes
}
