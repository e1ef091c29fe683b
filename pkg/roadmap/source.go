package roadmap

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Position is a place in the file as a person sees it: 1-based line and
// column (in characters, not bytes), plus the byte offset into the original
// file's bytes, which edits splice at.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"-"`
}

// IsZero reports whether the position was never set.
func (p Position) IsZero() bool { return p.Line == 0 }

var bom = []byte{0xEF, 0xBB, 0xBF}

// source holds the original bytes and the normalised text every parser
// reads: no BOM, LF line endings. Line numbers are the same in both, so one
// line index maps any normalised offset back to the original file.
type source struct {
	raw        []byte
	text       []byte // normalised
	hasBOM     bool
	crlf       bool // at least one CRLF line ending
	textStarts []int
	rawStarts  []int
}

func newSource(raw []byte) *source {
	s := &source{raw: raw}
	body := raw
	if bytes.HasPrefix(body, bom) {
		s.hasBOM = true
		body = body[len(bom):]
	}
	s.crlf = bytes.Contains(body, []byte("\r\n"))
	if bytes.IndexByte(body, '\r') < 0 {
		s.text = body
	} else {
		// goldmark mis-parses bare list markers before CRLF; a lone CR is a
		// line ending to CommonMark too. Both become LF.
		t := make([]byte, 0, len(body))
		for i := 0; i < len(body); i++ {
			c := body[i]
			if c == '\r' {
				if i+1 < len(body) && body[i+1] == '\n' {
					continue
				}
				c = '\n'
			}
			t = append(t, c)
		}
		s.text = t
	}
	s.textStarts = lineStarts(s.text, 0)
	s.rawStarts = rawLineStarts(raw, len(raw)-len(body))
	return s
}

func lineStarts(b []byte, first int) []int {
	starts := []int{first}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func rawLineStarts(raw []byte, first int) []int {
	starts := []int{first}
	for i := first; i < len(raw); i++ {
		switch raw[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				continue
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineCount is the number of lines a person would count (an empty file has one).
func (s *source) lineCount() int { return len(s.textStarts) }

// pos converts an offset into the normalised text to a Position. Offsets out
// of range are clamped: goldmark can report positions past the end of the
// source (goldmark issue 604).
func (s *source) pos(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(s.text) {
		off = len(s.text)
	}
	// An offset inside a multi-byte character means that character.
	for off > 0 && off < len(s.text) && !utf8.RuneStart(s.text[off]) {
		off--
	}
	line := sort.Search(len(s.textStarts), func(i int) bool { return s.textStarts[i] > off }) - 1
	start := s.textStarts[line]
	return Position{
		Line:   line + 1,
		Column: utf8.RuneCount(s.text[start:off]) + 1,
		Offset: s.rawStarts[line] + (off - start),
	}
}

// lineStart is the Position of the first character of a 1-based line.
func (s *source) lineStart(line int) Position {
	if line < 1 {
		line = 1
	}
	if line > len(s.textStarts) {
		line = len(s.textStarts)
	}
	return s.pos(s.textStarts[line-1])
}

// lineText returns the normalised text of a 1-based line without its newline.
func (s *source) lineText(line int) []byte {
	if line < 1 || line > len(s.textStarts) {
		return nil
	}
	start := s.textStarts[line-1]
	end := len(s.text)
	if line < len(s.textStarts) {
		end = s.textStarts[line] - 1
	}
	return s.text[start:end]
}

// lineEnd is the offset in the normalised text just past a line's last character.
func (s *source) lineEnd(line int) int {
	if line >= len(s.textStarts) {
		return len(s.text)
	}
	return s.textStarts[line] - 1
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid
// UTF-8 in b, or -1.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
