package roadmap

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/nesting"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Load reads and parses a roadmap file. The error is a *FileError when the
// file cannot be read; problems inside the file are in Document.Problems.
func Load(path string) (*Document, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data), nil
}

// Parse reads a roadmap from its bytes. It never fails and never panics on
// any input: what is wrong is in the returned Document's Problems.
func Parse(path string, raw []byte) *Document {
	p := &parser{doc: &Document{Path: path, Raw: raw}}
	p.run()
	return p.doc
}

type parser struct {
	doc *Document
	src *source
	// headingLines are the body's H1 and H2 headings, which end sections.
	headingLines []headingLine
	lastCol      colMemo
}

func (p *parser) run() {
	p.src = newSource(p.doc.Raw)
	p.doc.src = p.src
	p.doc.HasBOM, p.doc.CRLF = p.src.hasBOM, p.src.crlf
	if len(p.src.text) == 0 || len(trimSpaceBytes(p.src.text)) == 0 {
		p.fatal(p.src.lineStart(1), "empty-file", "the file is empty",
			"scaffold a roadmap with `roadmap init "+safetext.ShellQuote(p.doc.Path)+"`")
		return
	}
	if len(p.doc.Raw) > MaxFileBytes {
		// Files are refused before they are read; this is for text that
		// comes another way (an editor's buffer over the language server).
		p.fatal(p.src.lineStart(1), "too-large",
			fmt.Sprintf("the text is larger than the %s limit for a roadmap (%s)", boundedread.FormatSize(MaxFileBytes), boundedread.FormatSize(int64(len(p.doc.Raw)))),
			"is this the right file? a roadmap is a few kilobytes of Markdown")
		return
	}
	if off := firstInvalidUTF8(p.src.text); off >= 0 {
		p.fatal(p.src.pos(off), "not-utf8", fmt.Sprintf("byte 0x%02X is not valid UTF-8", p.src.text[off]),
			"save the file as UTF-8")
		return
	}
	block := p.splitFrontmatter()
	if block != nil && !block.closed {
		p.doc.Problems = append(p.doc.Problems, p.unterminated(block))
		return
	}
	bodyStart := 0
	if block == nil {
		p.noFrontmatter()
	} else {
		p.parseFrontmatter(block)
		bodyStart = block.bodyStart
	}
	// Nesting past the caps would stall goldmark; the body is not read.
	if v := nesting.Markdown(p.src.text[bodyStart:]); v != nil {
		line := p.src.pos(bodyStart).Line + v.Line - 1
		p.fatal(p.src.lineStart(line), "body-"+v.Code, v.Msg, v.Hint)
	} else {
		p.parseBody(bodyStart)
	}
	p.sortProblems()
}

func (p *parser) noFrontmatter() {
	for line := 2; line <= p.src.lineCount(); line++ {
		t := string(trimSpaceBytes(p.src.lineText(line)))
		if t == "" {
			continue
		}
		if t == "---" || t == "+++" || t == ";;;" {
			p.problem(p.src.lineStart(line), SeverityError, "no-frontmatter",
				fmt.Sprintf("frontmatter must start on line 1, but %q is on line %d", t, line),
				"remove the lines above it")
			return
		}
		break
	}
	p.problem(p.src.lineStart(1), SeverityError, "no-frontmatter",
		"no frontmatter: a roadmap starts with a `---` line, its fields, and another `---`",
		"add the header; `roadmap init --kind promotion -` prints a complete example")
}

func (p *parser) problem(pos Position, sev Severity, code, msg, hint string) {
	p.doc.Problems = append(p.doc.Problems, Problem{Pos: pos, Severity: sev, Code: code, Message: msg, Hint: hint})
}

// dateProblem words a date in the body that civil.Parse refused: one of
// a year the tool cannot use, or not a date at all.
func dateProblem(what, raw string, err error) (msg, hint string) {
	if errors.Is(err, civil.ErrOutOfRange) {
		return fmt.Sprintf("%s %q is outside the years %d to %d a roadmap's dates may use", what, raw, civil.MinYear, civil.MaxYear), "check the year"
	}
	return fmt.Sprintf("%s %q is not a date", what, raw), "write it as YYYY-MM-DD"
}

// datesInRange reports each well-formed date in the section whose year is
// outside civil.MinYear to MaxYear.
func (p *parser) datesInRange(s *Section) {
	if s == nil {
		return
	}
	for _, it := range blocks(s) {
		for _, sp := range civil.FindDates(it.Text) {
			raw := it.Text[sp[0]:sp[1]]
			if _, err := civil.Parse(raw); errors.Is(err, civil.ErrOutOfRange) {
				msg, hint := dateProblem("date", raw, err)
				p.problem(it.PosOf(sp[0]), SeverityWarning, "bad-date", msg, hint)
			}
		}
	}
}

func (p *parser) fatal(pos Position, code, msg, hint string) {
	p.doc.Problems = append(p.doc.Problems, Problem{Pos: pos, Severity: SeverityError, Code: code, Message: msg, Hint: hint, Fatal: true})
}

func (p *parser) sortProblems() {
	ps := p.doc.Problems
	// Insertion sort: a handful of problems, and it keeps equal lines stable.
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && less(ps[j].Pos, ps[j-1].Pos); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func less(a, b Position) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

// posLineCol is the Position of a 1-based line and rune column, clamped to
// the line's end.
func (p *parser) posLineCol(line, col int) Position {
	ln := p.src.lineStart(line).Line
	off, c := p.lineOffset(ln, col)
	// The text is valid UTF-8 (checked before any decoder runs), so off is
	// a character's start and c its column.
	return Position{Line: ln, Column: c, Offset: p.src.rawStarts[ln-1] + off}
}

// lineOffset returns the offset in line ln's text of its column col (or
// of the line's end, when col is past it) and the column found there. The
// decoders' nodes come in order along a line: it carries on from the last
// column asked for on the line, so a long flow list stays linear.
func (p *parser) lineOffset(ln, col int) (off, c int) {
	text := p.src.lineText(ln)
	off, c = 0, 1
	if m := p.lastCol; m.line == ln && m.col <= col {
		off, c = m.off, m.col
	}
	for ; c < col && off < len(text); c++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	p.lastCol = colMemo{line: ln, col: c, off: off}
	return off, c
}

// colMemo is the last column posLineCol found: its line, its column and
// its offset in the line's text.
type colMemo struct{ line, col, off int }

func trimSpaceBytes(b []byte) []byte {
	i, j := 0, len(b)
	for i < j && isSpace(b[i]) {
		i++
	}
	for j > i && isSpace(b[j-1]) {
		j--
	}
	return b[i:j]
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// HasRoadmapKey reports whether raw starts with a frontmatter block, found
// exactly as Parse finds it, whose top level has a `roadmap` key: how a
// directory walk tells a roadmap from a README or a static site's page.
// A block that is never closed counts when its lines have the key: the
// file is a broken roadmap, and linting it says so.
func HasRoadmapKey(raw []byte) bool {
	p := &parser{doc: &Document{Raw: raw}}
	p.src = newSource(raw)
	block := p.splitFrontmatter()
	if block == nil {
		return false
	}
	if block.syntax == "json" {
		return jsonHasKey(block.content, "roadmap")
	}
	lines, syntax := block.content, block.syntax
	for len(lines) > 0 {
		line := lines
		if i := indexByte(lines, '\n'); i >= 0 {
			line, lines = lines[:i], lines[i+1:]
		} else {
			lines = nil
		}
		if topLevelKey(line, "roadmap", syntax) {
			return true
		}
	}
	return false
}

// topLevelKey reports whether line sets key at the top level: `key:` (or
// `"key":`) in YAML, `key =` in TOML, starting in the first column.
func topLevelKey(line []byte, key, syntax string) bool {
	s := string(line)
	if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		if len(s) < len(key)+2 || s[1:len(key)+1] != key || s[len(key)+1] != q {
			return false
		}
		s = s[len(key)+2:]
	} else {
		if len(s) < len(key) || s[:len(key)] != key {
			return false
		}
		s = s[len(key):]
	}
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	if syntax == "toml" {
		return len(s) > 0 && s[0] == '='
	}
	return len(s) > 0 && s[0] == ':' && (len(s) == 1 || s[1] == ' ' || s[1] == '\t')
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
