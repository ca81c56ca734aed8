package ui

import (
	"fmt"
	"io"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"github.com/mfapush/mfapush/auth0"
	"github.com/mfapush/mfapush/flow"
)

// listPurpose says why the authenticators were fetched.
type listPurpose uint8

const (
	listForSelection listPurpose = iota // choose one to challenge or delete
	listForEnrolled                     // name the device just enrolled
	listForVerify                       // choose a factor to earn an MFA-API token
)

// listScreen is the user's authenticators in a filterable list.
type listScreen struct {
	list     list.Model
	delegate *authenticatorDelegate
	// viaAccess says the list was fetched with the MFA-API access token,
	// not the mfa_token.
	viaAccess bool
	w, h      int
}

// authenticatorItem adapts an authenticator to the list.
type authenticatorItem struct {
	auth0.Authenticator
	kindName string
}

func (i authenticatorItem) FilterValue() string {
	return i.kindName + " " + i.Name + " " + i.ID
}

func newListScreen(m *Model) listScreen {
	d := &authenticatorDelegate{m: m}
	l := list.New(nil, d, 40, 10)
	l.SetShowHelp(false)
	// The title and the count are drawn by viewList: the list would draw
	// them twice a frame (once to measure them), in English words.
	l.SetShowTitle(false)
	l.SetShowStatusBar(false)
	l.DisableQuitKeybindings()
	l.SetStatusBarItemName(m.t.List.ItemName, m.t.List.ItemsName)
	l.FilterInput.Prompt = m.t.List.FilterPrompt
	l.KeyMap.Filter.SetHelp("/", m.t.Keys.Filter)
	l.KeyMap.AcceptWhileFiltering.SetHelp("enter", m.t.Keys.ApplyFilter)
	l.KeyMap.CancelWhileFiltering.SetHelp("esc", m.t.Keys.Cancel)
	return listScreen{list: l, delegate: d}
}

func (s *listScreen) restyle(st *Styles) {
	s.list.Styles = st.ListMain
}

func (s *listScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.fit()
}

// listHeader is the lines viewList draws above the list: a blank line, the
// title, a blank line, the count or the filter's result.
const listHeader = 4

// fit gives the list what the header leaves.
func (s *listScreen) fit() {
	s.list.SetSize(s.w, max(s.h-listHeader, 3))
}

// fetchAuthenticators lists the user's authenticators for selection.
func (m *Model) fetchAuthenticators() tea.Cmd {
	m.listPurpose = listForSelection
	bearer := m.session.MFAToken
	token, viaAccess := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeReadAuthenticators, m.now())
	if viaAccess {
		bearer = token
	}
	m.list.viaAccess = viaAccess
	return m.run(m.t.Working.Listing, func(env flow.Env) tea.Cmd { return flow.AuthenticatorsCmd(env, bearer) })
}

// listed handles the authenticator list.
func (m *Model) listed(msg flow.AuthenticatorsMsg) tea.Cmd {
	if msg.Err != nil {
		return m.listFailed(msg.Err)
	}
	if m.listPurpose == listForEnrolled {
		return m.showEnrolled(msg.Authenticators)
	}
	items := make([]list.Item, 0, len(msg.Authenticators))
	verifiers := 0
	for _, a := range msg.Authenticators {
		if m.listPurpose == listForVerify && !flow.CanVerify(a) {
			continue
		}
		if flow.CanVerify(a) {
			verifiers++
		}
		items = append(items, authenticatorItem{Authenticator: a, kindName: m.kindName(a.Kind())})
	}
	if m.listPurpose == listForVerify && verifiers == 0 {
		m.after = afterMFA{}
		return m.setStatusOn(screenList, m.t.List.NoVerifier)
	}
	m.list.list.Title = m.listTitle()
	cmd := m.list.list.SetItems(items)
	m.list.list.ResetFilter()
	m.list.fit()
	m.list.list.Select(firstChallengeable(items))
	m.setScreen(screenList)
	m.layout()
	return cmd
}

// listFailed explains a list that failed. Trying again after the access
// token was refused lists with the mfa_token instead; when the mfa_token
// expired while earning an access token, the password signs in again.
func (m *Model) listFailed(err error) tea.Cmd {
	if !m.list.viaAccess || m.listPurpose != listForSelection {
		p := flow.Diagnose(err)
		if m.listPurpose == listForVerify && p.Kind == flow.ProblemTokenExpired && m.session.HasPassword() {
			return m.signInAgain()
		}
		return m.showProblem(p, screenHome)
	}
	p := flow.DiagnoseAccessToken(err)
	m.showProblem(p, screenHome)
	if p.Kind == flow.ProblemAccessExpired || p.Kind == flow.ProblemAccessRefused {
		m.problem.retry = func() tea.Cmd {
			m.session.Tokens = nil // never sent again
			return m.fetchAuthenticators()
		}
	}
	return nil
}

func firstChallengeable(items []list.Item) int {
	for i, it := range items {
		if flow.Push.Answers(it.(authenticatorItem).Authenticator) {
			return i
		}
	}
	return 0
}

func (m *Model) listTitle() string {
	t := m.t.List
	switch {
	case m.listPurpose == listForVerify && m.after.action == afterDelete:
		return fmt.Sprintf(t.TitleVerify, fmt.Sprintf(t.ForDelete, m.describe(m.after.target)))
	case m.listPurpose == listForVerify:
		return fmt.Sprintf(t.TitleVerify, t.ForEnroll)
	case m.journey == JourneyManage:
		return t.TitleManage
	}
	return t.TitleChallenge
}

func (m *Model) selectedAuthenticator() (auth0.Authenticator, bool) {
	it, ok := m.list.list.SelectedItem().(authenticatorItem)
	return it.Authenticator, ok
}

func (m *Model) keyList(msg tea.KeyPressMsg) tea.Cmd {
	if m.list.list.SettingFilter() {
		return m.updateList(msg)
	}
	switch {
	case key.Matches(msg, m.keys.Enroll) && len(m.list.list.Items()) == 0 && m.listPurpose == listForSelection:
		// The user has no factor yet: the mfa_token can enroll the first.
		m.journey = JourneyEnroll
		return m.startEnrollment(m.enrollBearer())
	case key.Matches(msg, m.keys.Select):
		a, ok := m.selectedAuthenticator()
		if !ok {
			return nil
		}
		return m.challengeAuthenticator(a)
	case key.Matches(msg, m.keys.Delete) && m.listPurpose == listForSelection:
		a, ok := m.selectedAuthenticator()
		if !ok {
			return nil
		}
		if a.Kind() == auth0.KindRecoveryCode {
			return m.setStatus(m.t.List.CannotDelete)
		}
		m.confirm = newConfirmScreen(m.common, a)
		m.setScreen(screenConfirmDelete)
		return nil
	case key.Matches(msg, m.keys.Refresh):
		return m.fetchAuthenticators()
	case key.Matches(msg, m.keys.Back):
		if m.list.list.FilterState() != list.Unfiltered {
			m.list.list.ResetFilter()
			m.list.fit()
			return nil
		}
		if m.listPurpose == listForVerify {
			m.after = afterMFA{}
		}
		return m.goHome()
	}
	return m.updateList(msg)
}

// listMsg carries a message the list's own commands produced (the filter's
// matches, above all) back to the list, whatever the screen is by then.
type listMsg struct{ msg tea.Msg }

// updateList hands msg to the bubbles list, and its commands' answers
// back to it as listMsg.
func (m *Model) updateList(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.list.list, cmd = m.list.list.Update(msg)
	m.list.fit()
	return toList(cmd)
}

// toList wraps what cmd answers in listMsg, looking inside batches so that
// each command still runs on its own.
func toList(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			wrapped := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				wrapped[i] = toList(c)
			}
			return wrapped
		default:
			return listMsg{msg}
		}
	}
}

func (m *Model) viewList(w, h int) string {
	l := &m.list.list
	if len(l.Items()) == 0 {
		empty := "\n" + paint(m.st.Title, m.listTitle()) + "\n\n" + paint(m.st.Muted, m.t.List.Empty)
		if m.listPurpose == listForSelection {
			empty += "\n\n" + paint(m.st.Text, wrap(m.t.List.EmptyHint, w))
		}
		return empty
	}
	count := len(l.Items())
	status := fmt.Sprintf("%d %s", count, m.t.List.ItemsName)
	if count == 1 {
		status = fmt.Sprintf("%d %s", count, m.t.List.ItemName)
	}
	shown := len(l.VisibleItems())
	if l.FilterState() != list.Unfiltered {
		status = m.t.List.NoMatch
		if shown > 0 {
			status = fmt.Sprintf(m.t.List.Matched, shown, count, l.FilterValue())
		}
	}
	// The list's own title bar, empty but while a filter is typed, makes
	// the gap below the count.
	header := "\n" + paint(m.st.Title, m.listTitle()) + "\n\n" + paint(m.st.Muted, status) + "\n"
	return header + m.listItems()
}

// listItems draws the list's current page with its delegate. The bubbles
// list keeps the state (cursor, filter, pages); drawing it here, without
// its View, skips laying out and measuring every line again, which was
// most of a frame.
func (m *Model) listItems() string {
	l := &m.list.list
	var b strings.Builder
	if l.FilterState() == list.Filtering {
		b.WriteString(l.FilterInput.View())
	}
	b.WriteString("\n")
	items := l.VisibleItems()
	start, end := l.Paginator.GetSliceBounds(len(items))
	spacing := strings.Repeat("\n", m.list.delegate.Spacing()+1)
	for i := start; i < end; i++ {
		if i > start {
			b.WriteString(spacing)
		}
		m.list.delegate.Render(&b, *l, i, items[i])
	}
	if l.Paginator.TotalPages > 1 {
		b.WriteString("\n\n  " + l.Paginator.View())
	}
	return b.String()
}

func (m *Model) listKeys() []key.Binding {
	if m.list.list.SettingFilter() {
		return []key.Binding{m.list.list.KeyMap.AcceptWhileFiltering, m.list.list.KeyMap.CancelWhileFiltering}
	}
	if len(m.list.list.Items()) == 0 {
		if m.listPurpose == listForSelection {
			return []key.Binding{m.keys.Enroll, m.keys.Back, m.keys.Quit}
		}
		return []key.Binding{m.keys.Back, m.keys.Quit}
	}
	keys := []key.Binding{m.keys.Select}
	if m.listPurpose == listForSelection {
		keys = append(keys, m.keys.Delete)
	}
	return append(keys, m.list.list.KeyMap.Filter, m.keys.Refresh, m.keys.Back, m.keys.Quit)
}

// deleteAuthenticator deletes a with the session's MFA-API access token,
// earning one first (a verification with an existing factor) when the
// session holds none.
func (m *Model) deleteAuthenticator(a auth0.Authenticator) tea.Cmd {
	if _, ok := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeRemoveAuthenticators, m.now()); ok {
		return m.deleteWithAccess(a)
	}
	m.after = afterMFA{action: afterDelete, target: a}
	return m.verifyForAccess()
}

// deleteWithAccess sends the DELETE with the access token just earned.
func (m *Model) deleteWithAccess(a auth0.Authenticator) tea.Cmd {
	token, ok := m.session.MFAAccess(m.env.Client.MFAAudience(), auth0.ScopeRemoveAuthenticators, m.now())
	if !ok {
		return m.showProblem(flow.Problem{Kind: flow.ProblemInsufficientScope}, screenList)
	}
	m.deleting = a
	return m.run(m.t.Working.Deleting, func(env flow.Env) tea.Cmd { return flow.DeleteCmd(env, token, a.ID) })
}

// deleted handles the answer of a delete: say so and refresh the list. A
// refused or expired access token is dropped, and trying again earns a new
// one and sends the DELETE again.
func (m *Model) deleted(msg flow.DeletedMsg) tea.Cmd {
	if msg.Err != nil {
		p := flow.DiagnoseAccessToken(msg.Err)
		m.showProblem(p, screenList)
		if p.Kind == flow.ProblemAccessExpired || p.Kind == flow.ProblemAccessRefused {
			a := m.deleting
			m.problem.retry = func() tea.Cmd {
				m.session.Tokens = nil // never sent again
				return m.deleteAuthenticator(a)
			}
		}
		return nil
	}
	m.summary = fmt.Sprintf(m.t.App.ExitDeleted, msg.AuthenticatorID)
	return tea.Batch(m.fetchAuthenticators(), m.setStatus(fmt.Sprintf(m.t.List.Deleted, msg.AuthenticatorID)))
}

// authenticatorDelegate draws one authenticator in two lines: kind and
// device, then id and state.
type authenticatorDelegate struct{ m *Model }

func (d *authenticatorDelegate) Height() int                         { return 2 }
func (d *authenticatorDelegate) Spacing() int                        { return 1 }
func (d *authenticatorDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d *authenticatorDelegate) Render(w io.Writer, l list.Model, index int, item list.Item) {
	it, ok := item.(authenticatorItem)
	if !ok {
		return
	}
	st, t := d.m.st, d.m.t.List
	title := it.kindName
	if it.Name != "" {
		title += " · " + it.Name
	}
	state := paint(st.Success, t.Active)
	if !it.Active {
		state = paint(st.Warning, "⚠ "+t.Pending)
	}
	marker, titleStyle := "  ", st.Text
	if index == l.Index() {
		marker, titleStyle = paint(st.Selected, "▸ "), st.Selected
	}
	width := l.Width() - 2
	detail := it.ID
	// The channel goes first when the line is too long: the state must
	// show whole.
	if withChannel := detail + " · " + it.OOBChannel; it.OOBChannel != "" && 2+cellWidth(withChannel)+2+cellWidth(state) <= width {
		detail = withChannel
	}
	fmt.Fprint(w, fit(marker+paint(titleStyle, title), width, 1)+"\n"+fit("  "+paint(st.Muted, detail)+"  "+state, width, 1))
}
