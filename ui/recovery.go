package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/internal/datadir"
)

// recoveryBox is a recovery code shown in full once: large, savable to a
// private file, and hidden for good once the user confirms it is saved
// (README, "Recovery codes"). The enrolled screen and the new-code screen
// hold one.
type recoveryBox struct {
	*common
	k            recoveryKeys
	user         string // whose codes: the file's name and header
	codes        []string
	acknowledged bool
	warned       bool // a first attempt to leave without saving was stopped
	savedTo      string
	saveErr      string
}

// recoveryKeys: w saves, enter confirms; once confirmed, enter goes on.
type recoveryKeys struct{ Save, Confirm, Home, Back, Quit key.Binding }

func newRecoveryBox(c *common, user string, codes []string) recoveryBox {
	return recoveryBox{common: c, user: user, codes: codes,
		k: recoveryKeys{Save: c.keys.Save, Confirm: c.keys.Confirm, Home: c.keys.Home, Back: c.keys.Back, Quit: c.keys.Quit}}
}

func (r *recoveryBox) unsaved() bool { return len(r.codes) > 0 && !r.acknowledged }

func (r *recoveryBox) warnOnce() bool {
	if r.warned {
		return false
	}
	r.warned = true
	return true
}

func (r *recoveryBox) ShortHelp() []key.Binding {
	if !r.unsaved() {
		return []key.Binding{r.k.Home, r.k.Quit}
	}
	return []key.Binding{r.k.Save, r.k.Confirm, r.k.Quit}
}

// update answers the box's keys and the save's answer; done says enter
// was pressed with nothing left to confirm.
func (r *recoveryBox) update(msg tea.Msg) (cmd tea.Cmd, done bool) {
	switch msg := msg.(type) {
	case savedMsg:
		if msg.err != nil {
			r.saveErr = msg.err.Error()
		} else {
			r.savedTo, r.saveErr = msg.path, ""
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, r.k.Save) && len(r.codes) > 0:
			return saveRecoveryCodes(r.opts.SaveDir, r.t.Enrolled.FileHeader, r.user, r.codes, r.now()), false
		case key.Matches(msg, r.k.Confirm) && r.unsaved():
			r.acknowledged = true
		case key.Matches(msg, r.k.Confirm):
			return nil, true
		case key.Matches(msg, r.k.Back):
			if !r.unsaved() || !r.warnOnce() {
				return nil, true
			}
		}
	}
	return nil, false
}

// view shows the codes large, with the save and the confirmation's state.
func (r *recoveryBox) view(title, hint string, w int) string {
	t := r.t.Enrolled
	if len(r.codes) == 0 {
		return r.st.Muted.Render(t.Continue)
	}
	var b strings.Builder
	b.WriteString(r.st.Label.Render(title) + "\n")
	if r.acknowledged {
		b.WriteString(r.st.Muted.Render(wrap(t.Hidden, w)) + "\n")
	} else {
		grouped := make([]string, len(r.codes))
		for i, c := range r.codes {
			grouped[i] = groupCode(c)
			if r.masksSecrets() {
				grouped[i] = maskCode(grouped[i])
			}
		}
		b.WriteString(r.st.RecoveryCode.Render(strings.Join(grouped, "\n")) + "\n")
		if r.masksSecrets() {
			b.WriteString(r.st.Accent.Render(wrap(r.t.Demo.RecoveryMasked, w)) + "\n")
		}
	}
	switch {
	case r.saveErr != "":
		b.WriteString(r.st.Error.Render(wrap(fmt.Sprintf(t.SaveFailed, r.saveErr), w)) + "\n")
	case r.savedTo != "":
		b.WriteString(r.st.Success.Render(wrap(t.Saved, w)) + "\n" + r.st.Text.Render(pathLines(r.savedTo, w)) + "\n")
	}
	switch {
	case r.acknowledged:
		b.WriteString(r.st.Muted.Render(t.Continue))
	case r.warned:
		b.WriteString(r.st.Warning.Render(wrap(t.AckNeeded, w)))
	default:
		b.WriteString(r.st.Muted.Render(wrap(hint, w)))
	}
	return b.String()
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
