package lintcorpus

import (
	"bytes"
	"regexp"
	"strings"
)

// Structure is a deliberately plain reading of a roadmap's blocks, for
// loose scoring only: which frontmatter key, list item, paragraph or
// section a line belongs to. It does not use pkg/roadmap, because the
// scorer must not inherit the reading it is measuring.
type Structure struct {
	lines []string
	// block[i] is the [first, last] line range (1-based) of the block that
	// holds line i+1: a top-level frontmatter key with its nested lines, a
	// top-level list item with its continuations and sub-lists, a
	// paragraph, or, for a heading, its whole section (the title, #, is
	// only its own line).
	block [][2]int
	// headings[i] are the section headings (## and deeper) that enclose
	// line i+1.
	headings [][]int
}

var (
	headingRe = regexp.MustCompile(`^ {0,3}(#{1,6})(\s|$)`)
	bulletRe  = regexp.MustCompile(`^( *)([-*+]|[0-9]{1,9}[.)])(\s|$)`)
	fenceRe   = regexp.MustCompile("^ {0,3}(```|~~~)")
	fmKeyRe   = regexp.MustCompile(`^(\[|[A-Za-z_"'][^:=]*\s*[:=])`)
)

// Lines is the number of lines in the file.
func (s *Structure) Lines() int { return len(s.lines) }

// Text returns line n (1-based) without its line ending.
func (s *Structure) Text(n int) string {
	if n < 1 || n > len(s.lines) {
		return ""
	}
	return s.lines[n-1]
}

// Region reports whether a finding on line got is in the region of an
// expected finding on line want: the same block (see Structure), or a
// heading that encloses want (a section-level report of a fault inside
// the section).
func (s *Structure) Region(want, got int) bool {
	if want < 1 || want > len(s.lines) {
		return false
	}
	b := s.block[want-1]
	if got >= b[0] && got <= b[1] {
		return true
	}
	for _, h := range s.headings[want-1] {
		if got == h {
			return true
		}
	}
	return false
}

// Block returns the [first, last] lines of the block holding line n.
func (s *Structure) Block(n int) (int, int) {
	b := s.block[n-1]
	return b[0], b[1]
}

// Parse reads the block structure of a roadmap file.
func Parse(raw []byte) *Structure {
	raw = bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF"))
	text := strings.ReplaceAll(string(raw), "\r\n", "\n")
	text = strings.TrimSuffix(text, "\n")
	s := &Structure{lines: strings.Split(text, "\n")}
	n := len(s.lines)
	s.block = make([][2]int, n)
	s.headings = make([][]int, n)
	for i := range s.block {
		s.block[i] = [2]int{i + 1, i + 1}
	}
	body := s.frontmatter()
	s.body(body)
	return s
}

// frontmatter assigns the frontmatter's blocks and returns the index of the
// first body line.
func (s *Structure) frontmatter() int {
	if len(s.lines) == 0 {
		return 0
	}
	fence := strings.TrimSpace(s.lines[0])
	if fence != "---" && fence != "+++" {
		return 0
	}
	end := len(s.lines) - 1 // unterminated: the whole file is its frontmatter
	for i := 1; i < len(s.lines); i++ {
		t := strings.TrimRight(s.lines[i], " \t")
		if t == fence || fence == "---" && t == "..." {
			end = i
			break
		}
	}
	whole := [2]int{1, end + 1}
	s.block[0], s.block[end] = whole, whole
	start := -1
	flush := func(last int) {
		if start >= 0 {
			for j := start; j <= last; j++ {
				s.block[j] = [2]int{start + 1, last + 1}
			}
		}
	}
	inTable := false // TOML: a [table] holds every key up to the next table
	for i := 1; i < end; i++ {
		l := s.lines[i]
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '-' || !fmKeyRe.MatchString(l) {
			continue
		}
		if fence == "+++" && l[0] == '[' {
			inTable = true
		} else if inTable {
			continue
		}
		flush(i - 1)
		start = i
	}
	flush(end - 1)
	return end + 1
}

func (s *Structure) body(from int) {
	n := len(s.lines)
	// Headings, outside fenced code.
	type head struct{ line, level int }
	var heads []head
	inFence := false
	isHeading := make([]bool, n)
	for i := from; i < n; i++ {
		if fenceRe.MatchString(s.lines[i]) {
			inFence = !inFence
			continue
		}
		if m := headingRe.FindStringSubmatch(s.lines[i]); m != nil && !inFence {
			heads = append(heads, head{i, len(m[1])})
			isHeading[i] = true
		}
	}
	for k, h := range heads {
		if h.level == 1 {
			continue // the title: its own line, not the whole document
		}
		last := n - 1
		for _, o := range heads[k+1:] {
			if o.level <= h.level {
				last = o.line - 1
				break
			}
		}
		s.block[h.line] = [2]int{h.line + 1, last + 1}
		for j := h.line + 1; j <= last; j++ {
			s.headings[j] = append(s.headings[j], h.line+1)
		}
	}
	// List items and paragraphs, between headings.
	i := from
	for i < n {
		if isHeading[i] || strings.TrimSpace(s.lines[i]) == "" {
			i++
			continue
		}
		start := i
		if m := bulletRe.FindStringSubmatch(s.lines[i]); m != nil && len(m[1]) <= 1 {
			i = s.itemEnd(i, isHeading)
		} else {
			for i+1 < n && !isHeading[i+1] && strings.TrimSpace(s.lines[i+1]) != "" && !isTopBullet(s.lines[i+1]) {
				i++
			}
		}
		for j := start; j <= i; j++ {
			s.block[j] = [2]int{start + 1, i + 1}
		}
		i++
	}
}

// itemEnd returns the last line of the top-level list item starting at i:
// it runs on over indented lines, lazy continuations and blank lines
// followed by indented lines, and ends at the next top-level bullet, a
// heading, or unindented text after a blank line.
func (s *Structure) itemEnd(i int, isHeading []bool) int {
	last := i
	for j := i + 1; j < len(s.lines); j++ {
		l := s.lines[j]
		if isHeading[j] || isTopBullet(l) {
			break
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		indented := strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "\t")
		if !indented && last != j-1 {
			break // unindented text after a blank line: a new paragraph
		}
		last = j
	}
	return last
}

func isTopBullet(l string) bool {
	m := bulletRe.FindStringSubmatch(l)
	return m != nil && len(m[1]) <= 1
}
