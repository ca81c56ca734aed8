package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/mfapush/mfapush/flow"
)

// factorChoiceScreen asks which factor to enroll, among those the tenant
// offers this user (mfa_requirements), push first; 1 to 5 choose at once.
type factorChoiceScreen struct {
	*common
	picker
	factors []*flow.Factor
}

func newFactorChoiceScreen(c *common, factors []*flow.Factor) *factorChoiceScreen {
	return &factorChoiceScreen{common: c, factors: factors, picker: newPicker(c)}
}

func (s *factorChoiceScreen) ID() screenID { return screenFactorChoice }

func (s *factorChoiceScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	n := len(s.factors)
	switch {
	case s.moved(k, n):
	case key.Matches(k, s.k.Select):
		return nil, chooseFactor{s.factors[s.cursor]}
	case key.Matches(k, s.k.Back):
		return nil, goHome{}
	case len(k.String()) == 1 && k.String() >= "1" && int(k.String()[0]-'1') < n:
		s.cursor = int(k.String()[0] - '1')
		return nil, chooseFactor{s.factors[s.cursor]}
	}
	return nil, nil
}

// factorHint says in a few words what enrolling f gives.
func (s *factorChoiceScreen) factorHint(f *flow.Factor) string {
	h := s.t.Factors.Hints
	return map[*flow.Factor]string{flow.Push: h.Push, flow.OTP: h.OTP, flow.SMS: h.SMS, flow.Voice: h.Voice, flow.Email: h.Email}[f]
}

func (s *factorChoiceScreen) View(w, h int) string {
	if full := s.view(w, true); lipgloss.Height(full) <= h {
		return full
	}
	return s.view(w, false)
}

func (s *factorChoiceScreen) view(w int, withHints bool) string {
	var b strings.Builder
	b.WriteString("\n" + paint(s.st.Title, s.t.Factors.ChooseTitle) + "\n\n")
	for i, f := range s.factors {
		marker, name := "  ", paint(s.st.Text, f.Name(s.t))
		if i == s.cursor {
			marker, name = paint(s.st.Selected, "▸ "), paint(s.st.Selected, f.Name(s.t))
		}
		fmt.Fprintf(&b, "%s%s %s\n", marker, paint(s.st.Muted, fmt.Sprintf("%d", i+1)), name)
		if withHints || i == s.cursor {
			b.WriteString(indent(paint(s.st.Muted, wrap(s.factorHint(f), w-6)), 4) + "\n")
		}
	}
	b.WriteString("\n" + paint(s.st.Muted, wrap(s.t.Factors.ChooseHint, w)))
	return b.String()
}
