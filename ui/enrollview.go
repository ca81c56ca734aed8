package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mfapush/mfapush/flow"
	"github.com/mfapush/mfapush/internal/qr"
)

// The enrollment screen draws its QR code wherever the code fits (see
// qrlayout.go), and the text around it by rank when rows are short: the
// wait first, the help when asked for, then the steps and the link.

func (e *enrollScreen) View(w, h int) string {
	t := e.t.Enroll
	title := paint(e.st.Title, fmt.Sprintf(t.Title, e.user))
	if !e.scannable() {
		// The ticket is dead: its code, link and keys went with it.
		return "\n" + title + "\n\n" + e.status(w)
	}
	if e.qrCodes() == nil {
		return e.withoutCode(title, e.qrErrorText(), w, h)
	}
	l := e.layout(w, h)
	switch l.place {
	case qrBeside:
		colW := min(w-l.code.Width()-qrGap, maxTextColumn)
		column := fillRows(e.blocks(colW, true), h-2)
		return title + "\n\n" + besideCode(l.code, column)
	case qrStacked:
		return title + "\n" + l.code.String() + "\n" + fillRows(e.blocks(w, true), h-l.code.Height()-1)
	case qrBare:
		return l.code.String() + "\n" + e.shortStatus()
	}
	return e.withoutCode(title, e.qrTooSmall(), w, h)
}

// besideCode lays the column out beside the code. The code's lines all
// have its width, so unlike lipgloss.JoinHorizontal nothing is measured: the frame measures
// each line once, when it fits it to the window.
func besideCode(code *qr.Code, column string) string {
	codeLines, colLines := code.Lines(), lines(column)
	blank, gap := strings.Repeat(" ", code.Width()), strings.Repeat(" ", qrGap)
	out := make([]string, max(len(codeLines), len(colLines)))
	for i := range out {
		out[i] = blank
		if i < len(codeLines) {
			out[i] = codeLines[i]
		}
		if i < len(colLines) {
			out[i] += gap + colLines[i]
		}
	}
	return strings.Join(out, "\n")
}

// withoutCode is the screen when no code is drawn: why, the wait,
// and the link to copy instead.
func (e *enrollScreen) withoutCode(title, why string, w, h int) string {
	head := []string{"", title, "", paint(e.st.Warning, wrap(why, w)), ""}
	head = strings.Split(strings.Join(head, "\n"), "\n")
	return strings.Join(head, "\n") + "\n" + fillRows(e.blocks(w, false), h-len(head))
}

// qrErrorText says why the link could not be drawn, in the user's words.
func (e *enrollScreen) qrErrorText() string {
	if errors.Is(e.codeErr, qr.ErrTooLong) {
		return fmt.Sprintf(e.t.Enroll.TooLongQR, len(e.association.BarcodeURI), qr.MaxBytes)
	}
	return e.t.Enroll.NoQR
}

// textBlock is one part of the text around the QR code: its lines, a
// shorter form for when they do not fit, and its rank, 0 placed first.
// A block that may be cut shows as many of its lines as there is room for.
type textBlock struct {
	lines, short []string
	rank         int
	cut          bool
}

const (
	rankStatus = iota
	rankHelp
	rankSentLink // the link just sent, or the link instead of a code
	rankSteps
	rankPace
	rankLink
	rankRecovery
)

// fillRows lays the blocks out in their order, a blank line between two,
// in at most rows lines: by rank, each in full, else in short, else left
// out.
func fillRows(blocks []textBlock, rows int) string {
	order := make([]int, len(blocks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return blocks[a].rank - blocks[b].rank })
	chosen := make([][]string, len(blocks))
	used := 0
	for _, i := range order {
		gap := min(used, 1)
		b := blocks[i]
		for _, lines := range [][]string{b.lines, b.short} {
			if len(lines) > 0 && used+gap+len(lines) <= rows {
				chosen[i] = lines
				break
			}
		}
		if chosen[i] == nil && b.cut && rows-used-gap >= 2 {
			chosen[i] = b.lines[:rows-used-gap]
		}
		if chosen[i] != nil {
			used += gap + len(chosen[i])
		}
	}
	var out []string
	for _, lines := range chosen {
		if lines == nil {
			continue
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return strings.Join(out, "\n")
}

// blocks is the text of the enrollment screen at width w; without
// the code, the steps that scan it go, and the link matters more.
func (e *enrollScreen) blocks(w int, withCode bool) []textBlock {
	t := e.t.Enroll
	var blocks []textBlock
	if len(e.bodyHelp) > 0 {
		blocks = append(blocks, textBlock{lines: e.helpLines(w), rank: rankHelp})
	}
	if withCode {
		steps := paint(e.st.Text, wrap(t.Step1, w)) + "\n" + paint(e.st.Text, wrap(t.Step2, w)) + "\n" + paint(e.st.Muted, wrap(t.Step3, w))
		blocks = append(blocks, textBlock{lines: lines(steps), rank: rankSteps})
	}
	blocks = append(blocks, textBlock{lines: lines(e.status(w)), short: []string{e.shortStatus()}, rank: rankStatus})
	if pace := e.sandboxPace(e.approval, w); pace != "" {
		blocks = append(blocks, textBlock{lines: lines(pace), rank: rankPace})
	}
	link := textBlock{lines: lines(e.linkText(w)), rank: rankLink}
	if e.sent {
		link.rank, link.short = rankSentLink, lines(paint(e.st.Accent, wrap(t.SentNoRoom, w)))
	}
	if !withCode {
		link.rank, link.cut = rankRecovery+1, true // last, in the rows left
	}
	if !e.masksSecrets() { // the link holds the enrollment's secret
		blocks = append(blocks, link)
	}
	if withCode && len(e.association.RecoveryCodes) > 0 {
		blocks = append(blocks, textBlock{lines: lines(paint(e.st.Muted, wrap(t.RecoveryHint, w))), rank: rankRecovery})
	}
	return blocks
}

func lines(s string) []string { return strings.Split(s, "\n") }

// linkText is the link under its label, or under what c did with it.
// The link is underlined, which styles it rune by rune: it is drawn once
// per width, like the code beside it.
func (e *enrollScreen) linkText(w int) string {
	t := e.t.Enroll
	return e.link.get(linkKey{st: e.st, width: w, sent: e.sent}, func() string {
		label := paint(e.st.Label, t.LinkLabel)
		if e.sent {
			label = paint(e.st.Accent, wrap(t.Sent, w))
		}
		return label + "\n" + paint(e.st.Link, wrap(breakAnywhere(e.association.BarcodeURI, w), w))
	})
}

// shortStatus is the wait in one line, for a window that has room
// for the code and little else.
func (e *enrollScreen) shortStatus() string {
	t := e.t.Enroll
	format := t.ShortWaiting
	if e.sent {
		format = t.ShortSent
	}
	return e.spin.View() + " " + paint(e.st.Text, fmt.Sprintf(format, clockDuration(e.expiresAt().Sub(e.now()))))
}

// status is the countdown and the state of the wait.
func (e *enrollScreen) status(w int) string {
	t := e.t.Enroll
	a := e.approval
	now := e.now()
	var lines []string
	switch a.State() {
	case flow.ApprovalWaiting, flow.ApprovalPolling:
		left := e.expiresAt().Sub(now)
		lines = append(lines, paint(e.st.Text, fmt.Sprintf(t.ValidFor, clockDuration(left))),
			e.progressBar(left, flow.EnrollmentLifetime, min(w, 40)))
		next := t.Checking
		if a.State() == flow.ApprovalWaiting {
			next = fmt.Sprintf(t.NextCheck, e.t.FormatCountdown(a.NextPoll().Sub(now)))
		}
		lines = append(lines, e.spin.View()+" "+paint(e.st.Strong, t.Waiting), "  "+paint(e.st.Muted, next))
		if n := a.Retrying(); n > 0 {
			lines = append(lines, paint(e.st.Warning, fmt.Sprintf(t.Retrying, n)))
		}
		if a.ClockSuspect() {
			lines = append(lines, paint(e.st.Warning, t.ClockFast))
		}
	case flow.ApprovalExpired, flow.ApprovalTimedOut:
		lines = append(lines, paint(e.st.Error, t.Expired), paint(e.st.Text, t.NewCodeHint))
	case flow.ApprovalRateLimited:
		lines = append(lines, paint(e.st.Error, t.RateLimited), paint(e.st.Text, t.NewCodeHint))
	case flow.ApprovalFailed, flow.ApprovalRejected:
		lines = append(lines, paint(e.st.Error, t.Failed))
		if err := a.LastError(); err != nil {
			lines = append(lines, paint(e.st.Muted, e.problemDetail(flow.Diagnose(err))))
		}
		lines = append(lines, paint(e.st.Text, t.NewCodeHint))
	}
	for i, l := range lines {
		lines[i] = wrap(l, w)
	}
	return strings.Join(lines, "\n")
}

// helpLines is the full help in one column, as the root model gave it:
// the screen's keys, then the others, each once.
func (e *enrollScreen) helpLines(w int) []string {
	keys := e.bodyHelp
	keyW := 0
	for _, k := range keys {
		keyW = max(keyW, cellWidth(k.Help().Key))
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		pad := strings.Repeat(" ", keyW-cellWidth(k.Help().Key))
		line := paint(e.st.Help.FullKey, k.Help().Key) + pad + " " + paint(e.st.Help.FullDesc, k.Help().Desc)
		out = append(out, fit(line, w, 1))
	}
	return out
}
