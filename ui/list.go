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

// listScreen is the user's authenticators in a filterable list: enter
// chooses one, d deletes one, e enrolls a first one when there is none.
// The bubbles list keeps the cursor, the filter and the pages; the screen
// draws them itself (docs/performance.md, "The list drew itself twice").
type listScreen struct {
	*common
	k        listKeys
	list     list.Model
	delegate *authenticatorDelegate
	// choosing says the list is for choosing a factor to verify with, not
	// for managing: no delete, no enrollment.
	choosing bool
	title    string
	w, h     int
	styled   *Styles
}

// listKeys are the list's own keys; the filter's come from the bubbles
// list.
type listKeys struct {
	Select, Delete, Enroll, Refresh, Back, Quit key.Binding
}

// authenticatorItem adapts an authenticator to the list.
type authenticatorItem struct {
	auth0.Authenticator
	kindName string
}

func (i authenticatorItem) FilterValue() string {
	return i.kindName + " " + i.Name + " " + i.ID
}

func newListScreen(c *common) *listScreen {
	d := &authenticatorDelegate{c: c}
	l := list.New(nil, d, 40, 10)
	l.SetShowHelp(false)
	// The title and the count are drawn by View: the list would draw them
	// twice a frame (once to measure them), in English words.
	l.SetShowTitle(false)
	l.SetShowStatusBar(false)
	l.DisableQuitKeybindings()
	l.SetStatusBarItemName(c.t.List.ItemName, c.t.List.ItemsName)
	l.FilterInput.Prompt = c.t.List.FilterPrompt
	l.KeyMap.Filter.SetHelp("/", c.t.Keys.Filter)
	l.KeyMap.AcceptWhileFiltering.SetHelp(keyName(c.t, "enter"), c.t.Keys.ApplyFilter)
	l.KeyMap.CancelWhileFiltering.SetHelp(keyName(c.t, "esc"), c.t.Keys.Cancel)
	s := &listScreen{common: c, list: l, delegate: d,
		k: listKeys{Select: c.keys.Select, Delete: c.keys.Delete, Enroll: c.keys.Enroll, Refresh: c.keys.Refresh, Back: c.keys.Back, Quit: c.keys.Quit}}
	s.restyle()
	return s
}

func (s *listScreen) ID() screenID { return screenList }

func (s *listScreen) typing() bool { return s.list.FilterState() == list.Filtering }

func (s *listScreen) restyle() {
	if s.styled != s.st {
		s.styled = s.st
		s.list.Styles = s.st.ListMain
	}
}

func (s *listScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.fit()
}

// listHeader is the lines View draws above the list: a blank line, the
// title, a blank line, the count or the filter's result.
const listHeader = 4

// fit gives the list what the header leaves.
func (s *listScreen) fit() {
	s.list.SetSize(s.w, max(s.h-listHeader, 3))
}

// show puts authenticators in the list, the cursor on the first one that
// answers a push.
func (s *listScreen) show(authenticators []auth0.Authenticator, title string, choosing bool) tea.Cmd {
	s.title, s.choosing = title, choosing
	items := make([]list.Item, len(authenticators))
	first := -1
	for i, a := range authenticators {
		items[i] = authenticatorItem{Authenticator: a, kindName: s.kindName(a.Kind())}
		if first < 0 && flow.Push.Answers(a) {
			first = i
		}
	}
	cmd := s.list.SetItems(items)
	s.list.ResetFilter()
	s.fit()
	s.list.Select(max(first, 0))
	return deliverTo(s, tagFilter(cmd, s.list.FilterValue()))
}

func (s *listScreen) selected() (auth0.Authenticator, bool) {
	it, ok := s.list.SelectedItem().(authenticatorItem)
	return it.Authenticator, ok
}

func (s *listScreen) Update(msg tea.Msg) (tea.Cmd, intent) {
	if answer, ok := msg.(listMsg); ok {
		return s.listAnswered(answer), nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey || s.list.SettingFilter() {
		return s.updateList(msg), nil
	}
	a, ok := s.selected()
	switch {
	case key.Matches(k, s.k.Enroll) && len(s.list.Items()) == 0 && !s.choosing:
		return nil, enrollFirst{}
	case key.Matches(k, s.k.Select):
		if ok {
			return nil, choose{a}
		}
		return nil, nil
	case key.Matches(k, s.k.Delete) && !s.choosing:
		switch {
		case !ok:
			return nil, nil
		case a.Kind() == auth0.KindRecoveryCode:
			return nil, noteStatus{s.t.List.CannotDelete}
		}
		return nil, askDelete{a}
	case key.Matches(k, s.k.Refresh):
		return nil, refreshList{}
	case key.Matches(k, s.k.Back):
		if s.list.FilterState() != list.Unfiltered {
			s.list.ResetFilter()
			s.fit()
			return nil, nil
		}
		return nil, leave{}
	}
	return s.updateList(msg), nil
}

// updateList hands msg to the bubbles list, and its commands' answers (the
// filter's matches) back to this screen, wherever it is by then, tagged
// with the filter text they were made for.
func (s *listScreen) updateList(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.list, cmd = s.list.Update(msg)
	s.fit()
	return deliverTo(s, tagFilter(cmd, s.list.FilterValue()))
}

// listMsg is an answer of the list's own commands with the filter text
// they were made for.
type listMsg struct {
	msg    tea.Msg
	filter string
}

// listAnswered hands the list an answer of its own commands. Commands run
// concurrently, so the matches for "zz" can arrive after those for "zzz":
// matches made for another text than the filter's are dropped.
func (s *listScreen) listAnswered(msg listMsg) tea.Cmd {
	if _, ok := msg.msg.(list.FilterMatchesMsg); ok && msg.filter != s.list.FilterValue() {
		return nil
	}
	return s.updateList(msg.msg)
}

// tagFilter wraps what cmd answers in listMsg.
func tagFilter(cmd tea.Cmd, filter string) tea.Cmd {
	return wrapAnswers(cmd, func(msg tea.Msg) tea.Msg { return listMsg{msg, filter} })
}

func (s *listScreen) View(w, h int) string {
	s.restyle()
	l := &s.list
	if len(l.Items()) == 0 {
		empty := "\n" + paint(s.st.Title, s.title) + "\n\n" + paint(s.st.Muted, s.t.List.Empty)
		if !s.choosing {
			empty += "\n\n" + paint(s.st.Text, wrap(s.t.List.EmptyHint, w))
		}
		return empty
	}
	count := len(l.Items())
	status := fmt.Sprintf("%d %s", count, s.t.List.ItemsName)
	if count == 1 {
		status = fmt.Sprintf("%d %s", count, s.t.List.ItemName)
	}
	shown := len(l.VisibleItems())
	if l.FilterState() != list.Unfiltered {
		status = s.t.List.NoMatch
		if shown > 0 {
			status = fmt.Sprintf(s.t.Plural(shown, s.t.List.MatchedOne, s.t.List.Matched), shown, count, l.FilterValue())
		}
	}
	// The list's own title bar, empty but while a filter is typed, makes
	// the gap below the count.
	header := "\n" + paint(s.st.Title, s.title) + "\n\n" + paint(s.st.Muted, status) + "\n"
	return header + s.items()
}

// items draws the list's current page with its delegate. The bubbles list
// keeps the state (cursor, filter, pages); drawing it here, without its
// View, skips laying out and measuring every line again, which was most of
// a frame.
func (s *listScreen) items() string {
	l := &s.list
	var b strings.Builder
	if l.FilterState() == list.Filtering {
		b.WriteString(l.FilterInput.View())
	}
	b.WriteString("\n")
	items := l.VisibleItems()
	start, end := l.Paginator.GetSliceBounds(len(items))
	spacing := strings.Repeat("\n", s.delegate.Spacing()+1)
	for i := start; i < end; i++ {
		if i > start {
			b.WriteString(spacing)
		}
		s.delegate.Render(&b, *l, i, items[i])
	}
	if l.Paginator.TotalPages > 1 {
		b.WriteString("\n\n  " + l.Paginator.View())
	}
	return b.String()
}

func (s *listScreen) ShortHelp() []key.Binding {
	if s.list.SettingFilter() {
		return []key.Binding{s.list.KeyMap.AcceptWhileFiltering, s.list.KeyMap.CancelWhileFiltering}
	}
	if len(s.list.Items()) == 0 {
		if !s.choosing {
			return []key.Binding{s.k.Enroll, s.k.Back, s.k.Quit}
		}
		return []key.Binding{s.k.Back, s.k.Quit}
	}
	keys := []key.Binding{s.k.Select}
	if !s.choosing {
		keys = append(keys, s.k.Delete)
	}
	return append(keys, s.list.KeyMap.Filter, s.k.Refresh, s.k.Back, s.k.Quit)
}

// authenticatorDelegate draws one authenticator in two lines: kind and
// device, then id and state.
type authenticatorDelegate struct{ c *common }

func (d *authenticatorDelegate) Height() int                         { return 2 }
func (d *authenticatorDelegate) Spacing() int                        { return 1 }
func (d *authenticatorDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d *authenticatorDelegate) Render(w io.Writer, l list.Model, index int, item list.Item) {
	it, ok := item.(authenticatorItem)
	if !ok {
		return
	}
	st, t := d.c.st, d.c.t.List
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
