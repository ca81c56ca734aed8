package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/flow"
)

// enrollAddressScreen asks where the codes of SMS, voice or email go: a
// phone number (E.164) or an address, checked as typed before anything is
// sent.
type enrollAddressScreen struct {
	*common
	k        enrollAddressKeys
	factor   *flow.Factor
	input    textinput.Model
	inputErr string
	refused  string // the value inputErr is about: enter is offered again once it changed
}

type enrollAddressKeys struct{ Submit, Back key.Binding }

func newEnrollAddressScreen(c *common, f *flow.Factor) *enrollAddressScreen {
	s := &enrollAddressScreen{common: c, factor: f, input: textinput.New(),
		k: enrollAddressKeys{Submit: bind(c.t, c.t.Keys.Submit, "enter"), Back: c.keys.Back}}
	s.input.SetStyles(c.st.Input)
	s.input.SetWidth(40)
	s.input.CharLimit = 254
	s.input.Placeholder = "alice@example.com"
	if f.Needs == flow.NeedsPhone {
		s.input.CharLimit, s.input.Placeholder = 32, "+1 212 555 0100"
	}
	return s
}

func (s *enrollAddressScreen) ID() screenID { return screenEnrollAddress }

func (s *enrollAddressScreen) typing() bool { return true }

func (s *enrollAddressScreen) focusCmd() tea.Cmd { return s.input.Focus() }

func (s *enrollAddressScreen) setSize(w, h int) { s.input.SetWidth(min(40, w-4)) }

func (s *enrollAddressScreen) ShortHelp() []key.Binding {
	if s.inputErr != "" && s.input.Value() == s.refused {
		return []key.Binding{s.k.Back}
	}
	return []key.Binding{s.k.Submit, s.k.Back}
}

func (s *enrollAddressScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.k.Back):
			return nil, leave{}
		case key.Matches(msg, s.k.Submit):
			in, problem := flow.CheckEnrollInput(s.t, s.factor, flow.EnrollInput{PhoneNumber: s.input.Value(), Email: s.input.Value()})
			if problem != "" {
				s.inputErr, s.refused = problem, s.input.Value()
				return nil, nil
			}
			s.inputErr = ""
			return nil, enrollWith{s.factor, in}
		}
	case tea.PasteMsg:
	default:
		return nil, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd, nil
}

func (s *enrollAddressScreen) View(w, h int) string {
	t := s.t.Factors
	title, label, hint := t.EmailTitle, t.EmailLabel, t.EmailHint
	if s.factor.Needs == flow.NeedsPhone {
		title, label, hint = fmt.Sprintf(t.PhoneTitle, s.factor.Name(s.t)), t.PhoneLabel, t.PhoneHint
	}
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, title) + "\n\n")
	switch s.factor {
	case flow.SMS:
		b.WriteString(paint(s.st.Text, wrap(t.PhoneSMSNote, w)) + "\n\n")
	case flow.Voice:
		b.WriteString(paint(s.st.Text, wrap(t.PhoneVoiceNote, w)) + "\n\n")
	}
	b.WriteString(paint(s.st.Label, label) + "\n" + s.input.View() + "\n")
	if s.inputErr != "" {
		b.WriteString(paint(s.st.Error, wrap(s.inputErr, w)))
	} else {
		b.WriteString(paint(s.st.Muted, wrap(hint, w)))
	}
	return b.String()
}
