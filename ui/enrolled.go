package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/internal/datadir"
)

// enrolledScreen confirms the enrollment and shows the recovery code until
// the user says it is saved, then never again (README, "Recovery codes").
type enrolledScreen struct {
	authenticator auth0.Authenticator
	recoveryCodes []string
	acknowledged  bool
	warned        bool // a first attempt to leave without saving was stopped
	savedTo       string
	saveErr       string
}

func (e *enrolledScreen) mustAcknowledge() bool {
	return len(e.recoveryCodes) > 0 && !e.acknowledged
}

// newestActivePush is the authenticator the enrollment just confirmed.
func newestActivePush(list []auth0.Authenticator) auth0.Authenticator {
	var found auth0.Authenticator
	for _, a := range list {
		if a.Kind() == auth0.KindPush && a.Active {
			found = a
		}
	}
	return found
}

func (m *Model) showEnrolled(list []auth0.Authenticator) tea.Cmd {
	m.enrolled.authenticator = newestActivePush(list)
	m.screen = screenEnrolled
	a := m.enrolled.authenticator
	m.summary = fmt.Sprintf(m.t.App.ExitEnrolled, a.ID, m.deviceName(a), m.session.Credentials.Username)
	return nil
}

func (m *Model) deviceName(a auth0.Authenticator) string {
	if a.Name == "" {
		return m.t.Enrolled.DeviceUnknown
	}
	return a.Name
}

// savedMsg reports where the recovery codes were written.
type savedMsg struct {
	path string
	err  error
}

// saveRecoveryCodes writes the codes to a new file readable only by the
// user, in dir or, when dir is empty, in mfapush's private folder under
// the user's data folder; it never overwrites a file.
func saveRecoveryCodes(dir, header string, user string, codes []string, now time.Time) tea.Cmd {
	return func() tea.Msg {
		if dir == "" {
			var err error
			if dir, err = datadir.Private(); err != nil {
				return savedMsg{err: err}
			}
		}
		name := fmt.Sprintf("recovery-%s-%s.txt", safeFileName(user), now.Format("20060102-150405"))
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return savedMsg{err: err}
		}
		body := fmt.Sprintf(header+"\n\n%s\n", user, strings.Join(codes, "\n"))
		_, err = f.WriteString(body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return savedMsg{err: err}
		}
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		return savedMsg{path: path}
	}
}

func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_', r == '@':
			return r
		}
		return '_'
	}, s)
}

// enrolledSaved records the outcome of a save, on whichever screen holds
// the codes.
func (m *Model) enrolledSaved(msg savedMsg) {
	target := &m.enrolled
	if m.screen == screenNewRecovery {
		target = &m.recovery.enrolledScreen
	}
	if msg.err != nil {
		target.saveErr = msg.err.Error()
		return
	}
	target.savedTo, target.saveErr = msg.path, ""
}

func (m *Model) keyEnrolled(msg tea.KeyPressMsg) tea.Cmd {
	e := &m.enrolled
	switch {
	case key.Matches(msg, m.keys.Save) && len(e.recoveryCodes) > 0:
		return saveRecoveryCodes(m.opts.SaveDir, m.t.Enrolled.FileHeader, m.session.Credentials.Username, e.recoveryCodes, m.now())
	case key.Matches(msg, m.keys.Confirm):
		if e.mustAcknowledge() {
			e.acknowledged = true
			return nil
		}
		return m.goHome()
	case key.Matches(msg, m.keys.Back):
		if e.mustAcknowledge() && !e.warned {
			e.warned = true
			return nil
		}
		return m.goHome()
	}
	return nil
}

func (m *Model) viewEnrolled(w, h int) string {
	e := &m.enrolled
	t := m.t.Enrolled
	kind := m.kindName(auth0.KindPush)
	var b strings.Builder
	b.WriteString("\n" + m.st.Success.Render("✓ "+t.Title) + "\n\n")
	summary := fmt.Sprintf(t.Summary, kind, m.st.Strong.Render(m.deviceName(e.authenticator)), m.session.Credentials.Username)
	b.WriteString(wrap(m.st.Text.Render(summary), w) + "\n")
	if e.authenticator.ID != "" {
		b.WriteString(m.st.Muted.Render(e.authenticator.ID) + "\n")
	}
	b.WriteString("\n")
	b.WriteString(m.viewRecoveryBox(e, t.RecoveryTitle, t.RecoveryHint, w))
	return b.String()
}

// viewRecoveryBox shows recovery codes large, with the save and
// acknowledgement state.
func (m *Model) viewRecoveryBox(e *enrolledScreen, title, hint string, w int) string {
	t := m.t.Enrolled
	if len(e.recoveryCodes) == 0 {
		return m.st.Muted.Render(t.Continue)
	}
	var b strings.Builder
	b.WriteString(m.st.Label.Render(title) + "\n")
	if e.acknowledged {
		b.WriteString(m.st.Muted.Render(wrap(t.Hidden, w)) + "\n")
	} else {
		grouped := make([]string, len(e.recoveryCodes))
		for i, c := range e.recoveryCodes {
			grouped[i] = groupCode(c)
		}
		b.WriteString(m.st.RecoveryCode.Render(strings.Join(grouped, "\n")) + "\n")
	}
	switch {
	case e.saveErr != "":
		b.WriteString(m.st.Error.Render(wrap(fmt.Sprintf(t.SaveFailed, e.saveErr), w)) + "\n")
	case e.savedTo != "":
		b.WriteString(m.st.Success.Render(wrap(t.Saved, w)) + "\n" + m.st.Text.Render(pathLines(e.savedTo, w)) + "\n")
	}
	switch {
	case e.acknowledged:
		b.WriteString(m.st.Muted.Render(t.Continue))
	case e.warned:
		b.WriteString(m.st.Warning.Render(wrap(t.AckNeeded, w)))
	default:
		b.WriteString(m.st.Muted.Render(wrap(hint, w)))
	}
	return b.String()
}

func (m *Model) enrolledKeys(e *enrolledScreen) []key.Binding {
	if !e.mustAcknowledge() {
		return []key.Binding{m.keys.Home, m.keys.Quit}
	}
	return []key.Binding{m.keys.Save, m.keys.Confirm, m.keys.Quit}
}
