package cast

import (
	"bytes"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// MaskGlyph stands for each cell of a secret in a recording.
const MaskGlyph = "•"

// maxHeldSequence bounds an escape sequence held while its end has not
// come; a longer string sequence is dropped from the recording whole.
const maxHeldSequence = 64 << 10

// piece is a run of tokens: what the masker hands on.
type piece struct {
	data   []byte
	at     time.Time
	resize bool
	w, h   int
}

type token struct {
	data   []byte
	at     time.Time
	text   bool // a character that secrets are matched against
	masked bool
	r      rune
	resize bool
	w, h   int
}

// masker is the mask between a program's output and a recording. Output
// is cut into characters, separators (spaces and control characters) and
// escape sequences; secrets are matched on the characters alone, so that a
// colour change or a cursor move inside a secret does not hide it, and a
// code split in groups is still the code. What may still turn out to be
// the start of a secret is held back, never more than the longest secret;
// the rest goes on at once, stamped with the time it was written.
type masker struct {
	secrets *Secrets
	emit    func(piece)

	version    uint64
	match      *matcher
	whole      []string // values masked in escape sequences' payloads
	pending    []token
	texts      int // text tokens in pending
	hold       int // text tokens at the end of pending that must wait
	maskedTail int // masked text tokens at the end of pending, in a row

	partial   []byte // an unfinished sequence or character
	partialAt time.Time
	dropping  bool // inside a string sequence too long to hold
}

func newMasker(secrets *Secrets, emit func(piece)) *masker {
	if secrets == nil {
		secrets = NewSecrets()
	}
	m := &masker{secrets: secrets, emit: emit}
	m.rebuild()
	return m
}

func (m *masker) rebuild() {
	var whole, tokens []string
	m.version, whole, tokens = m.secrets.snapshot()
	m.match = newMatcher(whole, tokens)
	m.whole = append(whole, tokens...)
}

// write masks p, written at time at.
func (m *masker) write(p []byte, at time.Time) {
	if m.secrets.version.Load() != m.version {
		m.rebuild()
		m.rescan()
	}
	data := p
	if len(m.partial) > 0 {
		data = append(m.partial, p...)
		m.partial = nil
	}
	// The tokens keep slices of data: it is a copy, never the caller's.
	if len(data) == len(p) {
		data = append([]byte(nil), p...)
	}
	m.tokenize(data, at)
	m.release(false)
}

// resize puts a resize in the stream, after the output written before it.
func (m *masker) resize(w, h int, at time.Time) {
	m.pending = append(m.pending, token{resize: true, w: w, h: h, at: at})
	m.release(false)
}

// close hands on everything held. An unfinished escape sequence is
// dropped: it could hold anything, and shows nothing.
func (m *masker) close() {
	if len(m.partial) > 0 && m.partial[0] != ansi.ESC {
		m.pending = append(m.pending, token{data: m.partial, at: m.partialAt})
	}
	m.partial, m.dropping = nil, false
	m.release(true)
}

// rescan matches the held characters again, against a larger set.
func (m *masker) rescan() {
	m.match.reset()
	m.maskedTail, m.hold = 0, 0
	seen := 0
	for i := range m.pending {
		if m.pending[i].text {
			seen++
			m.stepText(i, seen)
		}
	}
}

func (m *masker) tokenize(data []byte, at time.Time) {
	for i := 0; i < len(data); {
		if m.dropping {
			end, ok := stringEnd(data, i)
			if !ok {
				m.keepTerminatorStart(data, at) // all else dropped; the end comes later
				return
			}
			m.dropping = false
			i = end
			continue
		}
		b := data[i]
		switch {
		case b == ansi.ESC:
			end, complete := sequenceEnd(data, i)
			if !complete {
				rest := data[i:]
				if isStringSequence(rest) && len(rest) > maxHeldSequence {
					m.dropping = true
					m.keepTerminatorStart(data, at)
					return
				}
				m.partial, m.partialAt = append([]byte(nil), rest...), at
				return
			}
			if seq := m.cleanSequence(data[i:end]); len(seq) > 0 {
				m.pending = append(m.pending, token{data: seq, at: at})
			}
			i = end
		case b < utf8.RuneSelf:
			m.push(token{data: data[i : i+1], at: at, r: rune(b)})
			i++
		default:
			if !utf8.FullRune(data[i:]) {
				m.partial, m.partialAt = append([]byte(nil), data[i:]...), at
				return
			}
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				r = ' ' // an invalid byte: no character, passed on as it is
			}
			m.push(token{data: data[i : i+size], at: at, r: r})
			i += size
		}
	}
}

// keepTerminatorStart holds a last ESC while a string sequence is dropped:
// it may start the terminator that the next write ends.
func (m *masker) keepTerminatorStart(data []byte, at time.Time) {
	if n := len(data); n > 0 && data[n-1] == ansi.ESC {
		m.partial, m.partialAt = []byte{ansi.ESC}, at
	}
}

// push adds a character or a separator.
func (m *masker) push(t token) {
	t.text = !isSeparator(t.r)
	m.pending = append(m.pending, t)
	if t.text {
		m.texts++
		m.stepText(len(m.pending)-1, m.texts)
	}
}

// stepText matches the text token at index i of pending, the n-th text
// token there.
func (m *masker) stepText(i, n int) {
	mask, hold := m.match.step(m.pending[i].r)
	if mask > 0 {
		m.pending[i].masked = true
		if mask-1 > m.maskedTail {
			// A match longer than the masked run before it: mask back.
			left := mask - 1
			for j := i - 1; j >= 0 && left > 0; j-- {
				if m.pending[j].text {
					m.pending[j].masked = true
					left--
				}
			}
		}
	}
	if m.pending[i].masked {
		m.maskedTail = min(max(mask, m.maskedTail+1), n)
	} else {
		m.maskedTail = 0
	}
	m.hold = min(hold, n)
}

// release hands on every token before the characters that must wait (all
// of them when final), grouped by the time they were written.
func (m *masker) release(final bool) {
	cut := len(m.pending)
	if !final && m.hold > 0 {
		// Stop at the first held character.
		toSkip := m.texts - m.hold
		for cut = 0; cut < len(m.pending); cut++ {
			if m.pending[cut].text {
				if toSkip == 0 {
					break
				}
				toSkip--
			}
		}
	}
	if cut == 0 {
		return
	}
	var buf []byte
	var at time.Time
	flush := func() {
		if len(buf) > 0 {
			m.emit(piece{data: buf, at: at})
			buf = nil
		}
	}
	for _, t := range m.pending[:cut] {
		switch {
		case t.resize:
			flush()
			m.emit(piece{resize: true, w: t.w, h: t.h, at: t.at})
			continue
		case !t.at.Equal(at):
			flush()
			at = t.at
		}
		if t.text {
			m.texts--
		}
		if t.masked {
			buf = append(buf, strings.Repeat(MaskGlyph, ansi.StringWidth(string(t.r)))...)
		} else {
			buf = append(buf, t.data...)
		}
	}
	flush()
	m.pending = append(m.pending[:0], m.pending[cut:]...)
	if final {
		m.match.reset()
		m.texts, m.hold, m.maskedTail = 0, 0, 0
	}
}

// cleanSequence is an escape sequence as the recording keeps it: a copy to
// the clipboard (OSC 52) is dropped, and secrets in the text of other
// string sequences (a link's address, a title) are starred out.
func (m *masker) cleanSequence(seq []byte) []byte {
	if !isStringSequence(seq) {
		return seq
	}
	if bytes.HasPrefix(seq, []byte("\x1b]52;")) {
		return nil
	}
	for _, s := range m.whole {
		if bytes.Contains(seq, []byte(s)) {
			seq = bytes.ReplaceAll(seq, []byte(s), bytes.Repeat([]byte("*"), len(s)))
		}
	}
	return seq
}

// isStringSequence reports whether seq starts an OSC, DCS, SOS, PM or APC
// sequence: text up to a terminator.
func isStringSequence(seq []byte) bool {
	return len(seq) >= 2 && seq[0] == ansi.ESC && bytes.IndexByte([]byte("]PX^_"), seq[1]) >= 0
}

// sequenceEnd returns the end of the escape sequence at data[i] (an ESC),
// and false when it has not all come yet. A sequence cut short by another
// ESC or a byte it cannot hold ends there, as a terminal ends it.
func sequenceEnd(data []byte, i int) (int, bool) {
	if i+1 >= len(data) {
		return 0, false
	}
	switch b := data[i+1]; {
	case b == '[': // parameters and intermediates, then a final byte
		return finalByte(data, i+2, 0x40)
	case isStringSequence(data[i : i+2]):
		return stringEnd(data, i+2)
	case b >= 0x20 && b <= 0x2f: // intermediates, then a final byte
		return finalByte(data, i+2, 0x30)
	case b >= 0x30 && b <= 0x7e:
		return i + 2, true
	default:
		return i + 1, true // a lone ESC
	}
}

// finalByte ends a sequence at its final byte, the first from firstFinal
// to 0x7e; bytes from 0x20 up to it come before. Any other byte ends the
// sequence before it.
func finalByte(data []byte, from int, firstFinal byte) (int, bool) {
	for j := from; j < len(data); j++ {
		switch c := data[j]; {
		case c >= firstFinal && c <= 0x7e:
			return j + 1, true
		case c < 0x20 || c > 0x7e:
			return j, true
		}
	}
	return 0, false
}

// stringEnd finds the end of a string sequence whose text starts at
// data[from]: its terminator (BEL or ESC \, or CAN or SUB, which cancel
// it), or the first byte that some terminal would not take as its text.
// Ending early is the safe side: what follows is then matched as text.
func stringEnd(data []byte, from int) (int, bool) {
	osc := from >= 1 && data[from-1] == ']'
	for j := from; j < len(data); j++ {
		switch c := data[j]; {
		case c == ansi.BEL || c == ansi.CAN || c == ansi.SUB:
			return j + 1, true
		case c == ansi.ESC:
			if j+1 >= len(data) {
				return 0, false
			}
			if data[j+1] == '\\' {
				return j + 2, true
			}
			return j, true
		case c < 0x20 || c == 0x7f || (c >= 0x80 && !osc):
			return j, true
		}
	}
	return 0, false
}

// MaskingWriter returns a writer that passes what is written to it on to
// w with every secret in s masked, holding back what may still be the start
// of one. Close hands on what is held; it does not close w.
func MaskingWriter(w io.Writer, s *Secrets) io.WriteCloser {
	mw := &maskingWriter{w: w}
	mw.m = newMasker(s, func(p piece) {
		if !p.resize && mw.err == nil {
			_, mw.err = w.Write(p.data)
		}
	})
	return mw
}

type maskingWriter struct {
	w   io.Writer
	m   *masker
	err error
}

func (mw *maskingWriter) Write(p []byte) (int, error) {
	mw.m.write(p, time.Time{})
	return len(p), mw.err
}

func (mw *maskingWriter) Close() error {
	mw.m.close()
	return mw.err
}
