package lsp

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// text is a document's content as the client has it, with the line index
// that turns protocol positions (line, UTF-16 code unit) into byte
// offsets and back. Lines end at "\n", "\r\n" or "\r", as the protocol
// counts them.
type text struct {
	b      []byte
	starts []int // byte offset of each line's first byte
}

var utf8BOM = []byte("\xEF\xBB\xBF")

func newText(b []byte) *text {
	t := &text{b: b}
	t.index()
	return t
}

func (t *text) index() {
	t.starts = t.starts[:0]
	t.starts = append(t.starts, 0)
	for i := 0; i < len(t.b); i++ {
		switch t.b[i] {
		case '\n':
			t.starts = append(t.starts, i+1)
		case '\r':
			if i+1 < len(t.b) && t.b[i+1] == '\n' {
				i++
			}
			t.starts = append(t.starts, i+1)
		}
	}
}

// lineEnd is the offset just past line n's last character (0-based line),
// before its line ending.
func (t *text) lineEnd(n int) int {
	if n+1 >= len(t.starts) {
		return len(t.b)
	}
	end := t.starts[n+1]
	if end > 0 && t.b[end-1] == '\n' {
		end--
	}
	if end > t.starts[n] && t.b[end-1] == '\r' {
		end--
	}
	return end
}

// offset turns a protocol position into a byte offset, clamping a line
// past the end to the end, a character past the line's end to the line's
// end, and one inside a surrogate pair to the character's start.
func (t *text) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.starts) {
		return len(t.b)
	}
	off, end := t.starts[p.Line], t.lineEnd(p.Line)
	for units := 0; off < end; {
		r, size := utf8.DecodeRune(t.b[off:end])
		w := utf16Len(r)
		if units+w > p.Character {
			break
		}
		units += w
		off += size
	}
	return off
}

// position turns a byte offset into a protocol position.
func (t *text) position(off int) Position {
	off = max(0, min(off, len(t.b)))
	line := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	start := t.starts[line]
	if end := t.lineEnd(line); off > end {
		off = end // inside a CRLF pair
	}
	return Position{Line: line, Character: utf16Count(t.b[start:off])}
}

// runePosition turns a finding's 1-based line and rune column, counted as
// lint counts them (after a BOM), into a protocol position.
func (t *text) runePosition(line, col int) Position {
	n := line - 1
	if n < 0 {
		return Position{}
	}
	if n >= len(t.starts) {
		return t.position(len(t.b))
	}
	off, end := t.starts[n], t.lineEnd(n)
	if n == 0 && bytes.HasPrefix(t.b, utf8BOM) {
		off += len(utf8BOM)
	}
	for c := 1; c < col && off < end; c++ {
		_, size := utf8.DecodeRune(t.b[off:end])
		off += size
	}
	return t.position(off)
}

// runeColumn is the inverse: the 1-based line and rune column of a
// protocol position, as lint counts them.
func (t *text) runeColumn(p Position) (line, col int) {
	off := t.offset(p)
	pos := t.position(off)
	start := t.starts[pos.Line]
	if pos.Line == 0 && bytes.HasPrefix(t.b, utf8BOM) {
		start = min(off, len(utf8BOM))
	}
	return pos.Line + 1, utf8.RuneCount(t.b[start:off]) + 1
}

// replace applies one change: the range's bytes become s.
func (t *text) replace(r Range, s string) {
	start, end := t.offset(r.Start), t.offset(r.End)
	if end < start {
		start, end = end, start
	}
	b := make([]byte, 0, len(t.b)-(end-start)+len(s))
	b = append(b, t.b[:start]...)
	b = append(b, s...)
	b = append(b, t.b[end:]...)
	t.b = b
	t.index()
}

func (t *text) rangeOf(start, end int) Range {
	return Range{Start: t.position(start), End: t.position(end)}
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

func utf16Count(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += utf16Len(r)
		b = b[size:]
	}
	return n
}
