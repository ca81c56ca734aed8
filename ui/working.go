package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// workingScreen shows a call to Auth0 in flight: a spinner and what is
// being done. esc abandons the call and goes back where the calls started
// (back): a call that follows another without leaving this screen (the
// list after the sign-in) keeps the first one's.
type workingScreen struct {
	*common
	k     workingKeys
	label string
	back  screen
}

type workingKeys struct{ Back, ForceQuit key.Binding }

func newWorkingScreen(c *common, label string, back screen) *workingScreen {
	return &workingScreen{common: c, label: label, back: back, k: workingKeys{Back: c.keys.Back, ForceQuit: c.keys.ForceQuit}}
}

func (s *workingScreen) ID() screenID { return screenWorking }

func (s *workingScreen) moving() bool { return true }

func (s *workingScreen) ShortHelp() []key.Binding { return []key.Binding{s.k.Back, s.k.ForceQuit} }

func (s *workingScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.k.Back) {
		return nil, cancelCall{}
	}
	return nil, nil
}

func (s *workingScreen) View(w, h int) string {
	return "\n" + s.spin.View() + " " + s.st.Text.Render(s.label)
}
