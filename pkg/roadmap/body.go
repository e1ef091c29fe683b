package roadmap

import (
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// goldmark's parser is safe for concurrent use; build it once. Only block
// structure is read (an item's text comes from its block's lines), so no
// inline parsers: parsing emphasis and links nobody reads was a third of
// goldmark's time. Block structure does not depend on inlines in
// CommonMark; link reference definitions are a paragraph transformer and
// stay.
var markdown = gmparser.NewParser(
	gmparser.WithBlockParsers(gmparser.DefaultBlockParsers()...),
	gmparser.WithParagraphTransformers(gmparser.DefaultParagraphTransformers()...),
)

// parseBody walks the Markdown after the frontmatter. start is the body's
// offset in the normalised text.
func (p *parser) parseBody(start int) {
	body := p.src.text[start:]
	root := markdown.Parse(text.NewReader(body))
	b := &bodyWalker{p: p, body: body, base: start}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b.block(n)
	}
	b.closeSection()
	p.assignSectionKeys()
	p.collect()
}

type bodyWalker struct {
	p       *parser
	body    []byte
	base    int
	current *Section
	// sub is the open sub-heading (H3 and deeper) of the current section,
	// an index into current.Subheadings, or -1.
	sub int
}

func (b *bodyWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		it := b.textItem(n)
		it.level = n.Level
		b.p.headingLines = append(b.p.headingLines, headingLine{line: it.Pos.Line, level: n.Level})
		switch {
		case n.Level == 1 && !isSectionAlias(it.Text):
			b.closeSection()
			if b.p.doc.Title == "" {
				b.p.doc.Title, b.p.doc.TitlePos = it.Text, it.Pos
			}
		case n.Level <= 2:
			// An H1 that is exactly a section's name ("# Gap") is that
			// section: some people write every section as an H1.
			b.closeSection()
			b.openSection(it)
		case b.current != nil:
			b.current.Subheadings = append(b.current.Subheadings, it)
			b.sub = len(b.current.Subheadings) - 1
			b.current.seq = append(b.current.seq, blockRef{kind: refHeading, i: int32(b.sub)})
		}
	case *ast.List:
		if b.current == nil {
			return
		}
		for li := n.FirstChild(); li != nil; li = li.NextSibling() {
			it := b.listItem(li)
			b.current.Items = append(b.current.Items, it)
			b.add(it, blockRef{kind: refItem, i: int32(len(b.current.Items) - 1)})
		}
	default:
		if b.current == nil {
			return
		}
		if n.Type() == ast.TypeBlock && (n.Lines().Len() > 0 || n.HasChildren()) {
			it := b.textItem(n)
			if it.Text != "" && !isComment(n, it.Text) {
				b.current.Paragraphs = append(b.current.Paragraphs, it)
				b.add(it, blockRef{kind: refParagraph, i: int32(len(b.current.Paragraphs) - 1)})
			}
		}
	}
}

// add records a block of the current section in order, and as content of
// the open sub-heading.
func (b *bodyWalker) add(it Item, ref blockRef) {
	b.current.seq = append(b.current.seq, ref)
	if b.sub >= 0 {
		h := &b.current.Subheadings[b.sub]
		h.Children = append(h.Children, it)
	}
}

// isComment reports whether a block is an HTML comment and nothing else:
// a note to the author (the scaffold's guidance), not the plan's text.
func isComment(n ast.Node, text string) bool {
	_, html := n.(*ast.HTMLBlock)
	return html && strings.HasPrefix(text, "<!--") && strings.HasSuffix(text, "-->") && strings.Count(text, "-->") == 1
}

// blockRef is one block of a section in file order: an index into its
// Items, Paragraphs or Subheadings.
type blockRef struct {
	kind uint8
	i    int32
}

const (
	refItem = iota
	refParagraph
	refHeading
)

// blocksInOrder returns every block of the section in file order,
// sub-headings included.
func (s *Section) blocksInOrder() []Item {
	out := make([]Item, len(s.seq))
	for k, r := range s.seq {
		switch r.kind {
		case refItem:
			out[k] = s.Items[r.i]
		case refParagraph:
			out[k] = s.Paragraphs[r.i]
		default:
			out[k] = s.Subheadings[r.i]
		}
	}
	return out
}

func (b *bodyWalker) openSection(h Item) {
	s := &Section{Heading: h.Text, Pos: h.Pos, EndLine: h.Pos.Line}
	b.current, b.sub = s, -1
	b.p.doc.Sections = append(b.p.doc.Sections, s)
}

// closeSection ends the open section (its end line is computed in collect).
func (b *bodyWalker) closeSection() {
	b.current, b.sub = nil, -1
}

// textItem collects the text of a block (heading, paragraph) and, for
// container blocks (a block quote), of its descendants; a list inside a
// container becomes the item's Children.
func (b *bodyWalker) textItem(n ast.Node) Item {
	var tb textBuilder
	var children []Item
	b.collectText(n, &tb, &children, true)
	it := b.finish(n, &tb)
	it.Children = children
	return it
}

// collectText gathers the lines of n and its non-list descendants into tb,
// and turns the lists among them into items.
func (b *bodyWalker) collectText(n ast.Node, tb *textBuilder, children *[]Item, top bool) {
	if list, ok := n.(*ast.List); ok && !top {
		for li := list.FirstChild(); li != nil; li = li.NextSibling() {
			*children = append(*children, b.listItem(li))
		}
		return
	}
	if n.Type() == ast.TypeBlock {
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			start, stop := clamp(seg.Start, len(b.body)), clamp(seg.Stop, len(b.body))
			tb.add(b.body[start:stop], b.base+start)
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			b.collectText(c, tb, children, false)
		}
	}
}

// listItem reads a whole list item: its own lines (first line,
// continuation lines, later paragraphs) as Text, and its nested lists, at
// any depth, as Children.
func (b *bodyWalker) listItem(n ast.Node) Item {
	var tb textBuilder
	var children []Item
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.collectText(c, &tb, &children, false)
	}
	it := b.finish(n, &tb)
	it.Children = children
	it.Marker = b.marker(it.Pos)
	if m := checkboxAt(it.Text); m > 0 {
		it.Task = true
		it.Done = it.Text[1] != ' '
		it.Checkbox = it.PosOf(1)
		it.Text = it.trimPrefix(m)
	}
	return it
}

// checkboxAt returns the length of a task marker ("[ ] ", "[x]", "[X]\t")
// at the start of s with the spaces after it, or 0.
func checkboxAt(s string) int {
	if len(s) < 3 || s[0] != '[' || s[2] != ']' || (s[1] != ' ' && s[1] != 'x' && s[1] != 'X') {
		return 0
	}
	n := 3
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

// marker reads the list marker written at pos: "-", "*", "+", "1.", "12)".
func (b *bodyWalker) marker(pos Position) string {
	line := b.p.src.lineText(pos.Line)
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	j := i
	for j < len(line) && '0' <= line[j] && line[j] <= '9' {
		j++
	}
	if j < len(line) && (line[j] == '.' || line[j] == ')' || (j == i && (line[j] == '-' || line[j] == '*' || line[j] == '+'))) {
		return string(line[i : j+1])
	}
	return ""
}

func (b *bodyWalker) finish(n ast.Node, tb *textBuilder) Item {
	it := Item{Text: tb.text.String(), loc: &itemSource{src: b.p.src, spans: tb.spans}}
	switch {
	case len(tb.spans) > 0:
		first := tb.spans[0].srcStart
		// Point at the start of the line's content (the list marker or the
		// heading's '#'), which is where a person looks.
		it.Pos = b.p.src.pos(first)
		line := b.p.src.lineText(it.Pos.Line)
		indent := 0
		for indent < len(line) && (line[indent] == ' ' || line[indent] == '\t') {
			indent++
		}
		if off := b.p.src.textStarts[it.Pos.Line-1] + indent; off <= first {
			it.Pos = b.p.src.pos(off)
		}
		last := tb.spans[len(tb.spans)-1]
		it.End = b.p.src.pos(last.srcStart + last.length)
	default:
		off := n.Pos()
		if off < 0 {
			off = 0
		}
		it.Pos = b.p.src.pos(b.base + clamp(off, len(b.body)))
		it.End = it.Pos
	}
	return it
}

type textBuilder struct {
	text  strings.Builder
	spans []span
}

// add appends one source line, trimmed, joined to the previous with a space.
func (tb *textBuilder) add(line []byte, srcOff int) {
	i, j := 0, len(line)
	for i < j && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	for j > i && (line[j-1] == ' ' || line[j-1] == '\t' || line[j-1] == '\n') {
		j--
	}
	if i == j {
		return
	}
	if tb.text.Len() > 0 {
		tb.text.WriteByte(' ')
	}
	tb.spans = append(tb.spans, span{textStart: tb.text.Len(), srcStart: srcOff + i, length: j - i})
	tb.text.Write(line[i:j])
}

func clamp(v, hi int) int {
	if v < 0 {
		return 0
	}
	if v > hi {
		return hi
	}
	return v
}

// headingLine is an H1 or H2 heading's line, which ends a section.
type headingLine struct{ line, level int }

// collect derives section ends, actions, gap items, the review log and the
// kind-specific readings from the sections.
func (p *parser) collect() {
	secs := p.doc.Sections
	// A section ends before the next H1 or H2 heading: found by binary
	// search in their lines (file order), not by a scan from the top for
	// each section (60,000 headings took 15 s).
	var tops []int
	for _, h := range p.headingLines {
		if h.level <= 2 {
			tops = append(tops, h.line)
		}
	}
	for _, s := range secs {
		end := p.src.lineCount()
		if k := sort.SearchInts(tops, s.Pos.Line+1); k < len(tops) {
			end = tops[k] - 1
		}
		for end > s.Pos.Line && len(trimSpaceBytes(p.src.lineText(end))) == 0 {
			end--
		}
		s.EndLine = end
	}
	if s := p.doc.Section(SectionNext30Days); s != nil {
		for _, it := range s.Items {
			switch {
			case it.Task:
				p.doc.Actions = append(p.doc.Actions, p.action(it, len(p.doc.Actions)+1))
			default:
				// "- Week 1" with the tasks nested under it: the tasks are
				// the actions.
				for _, c := range it.Children {
					if c.Task {
						p.doc.Actions = append(p.doc.Actions, p.action(c, len(p.doc.Actions)+1))
					}
				}
			}
		}
	}
	if s := p.doc.Section(SectionGap); s != nil {
		p.doc.Gap = gapItems(s)
	}
	if s := p.doc.Section(SectionReviewLog); s != nil {
		p.reviewLog(s)
	}
	p.doc.Bridge = readBridge(p.doc.Section(SectionBridgeWork), p.doc.Frontmatter.Started)
	p.doc.Decision = readDecision(p.doc.Section(SectionDecision))
	p.doc.Exploration = readExploration(p.doc.Section(SectionCandidates))
	// The decision and pick dates are read from prose, where a date of a
	// year the tool cannot use was skipped without a word (the next date
	// became the decision's): say so at its place.
	p.datesInRange(p.doc.Section(SectionDecision))
	p.datesInRange(p.doc.Section(SectionCandidates))
	p.collectAssessments()
}

// reviewLog reads the entries of the review log: its H3 sub-headings (and
// deeper ones that start with a date), each with the list items under it
// as notes; or, in a log written as a list, the items that start with a
// date ("- 2026-12-01 · check-in: on track"), with their sub-bullets as
// notes. An undated H3 over dated deeper headings ("### 2026") groups
// them and is no entry.
func (p *parser) reviewLog(s *Section) {
	notes := map[int]bool{}
	for i, h := range s.Subheadings {
		dated := civil.DateAt(stripEmphasis(h.Text), 0) > 0
		if !dated && (h.level != 3 || groupsDatedHeadings(s.Subheadings[i+1:])) {
			continue
		}
		p.reviewEntry(h, true)
		for _, c := range h.Children {
			notes[c.Pos.Offset] = true
		}
	}
	if len(p.doc.Reviews) > 0 {
		// The notes are the entries', not the section's own items.
		items := s.Items[:0:0]
		for _, it := range s.Items {
			if !notes[it.Pos.Offset] {
				items = append(items, it)
			}
		}
		s.Items = items
		return
	}
	// A log written as a list, or as paragraphs ("**2026-12-01** check-in:
	// on track"), in file order.
	for _, it := range s.blocksInOrder() {
		if !it.IsHeading() && civil.DateAt(stripEmphasis(it.Text), 0) > 0 {
			p.reviewEntry(it, false)
		}
	}
}

// groupsDatedHeadings reports whether the sub-headings after an H3, up to
// the next H3, include a dated one.
func groupsDatedHeadings(after []Item) bool {
	for _, h := range after {
		if h.level <= 3 {
			return false
		}
		if civil.DateAt(stripEmphasis(h.Text), 0) > 0 {
			return true
		}
	}
	return false
}

// reviewEntry reads one entry from its heading (or list item). An H3 that
// does not start with a date is reported: the log's format asks for one.
func (p *parser) reviewEntry(h Item, heading bool) {
	entry := ReviewEntry{Heading: h}
	raw, rest, ok := datedHeading(h.Text)
	if !ok && heading {
		// "### December check-in (2026-12-01)": the date later in the
		// heading is still the entry's date.
		if sp := civil.FindDates(h.Text); len(sp) > 0 {
			raw = h.Text[sp[0][0]:sp[0][1]]
			rest, ok = h.Text[:sp[0][0]]+" "+h.Text[sp[0][1]:], true
		}
	}
	if !ok {
		p.problem(h.Pos, SeverityWarning, "review-heading",
			fmt.Sprintf("review log entry %q does not start with a date", h.Text),
			"write `### YYYY-MM-DD · check-in|quarterly|rewrite|re-plan`")
		p.doc.Reviews = append(p.doc.Reviews, entry)
		return
	}
	d, err := civil.Parse(raw)
	if err != nil {
		msg, hint := dateProblem("review log entry date", raw, err)
		p.problem(h.Pos, SeverityWarning, "bad-date", msg, hint)
	}
	entry.Date = d
	entry.Kind = ReviewKind(reviewKindWords(rest))
	if entry.Kind == "" && heading {
		p.problem(h.Pos, SeverityWarning, "review-kind",
			fmt.Sprintf("review log entry %q does not say which review it was", h.Text),
			"end the heading with check-in, quarterly, rewrite or re-plan")
	}
	if heading {
		for _, c := range h.Children {
			if c.Marker != "" {
				entry.Notes = append(entry.Notes, c)
			}
		}
	} else {
		entry.Notes = h.Children
	}
	p.doc.Reviews = append(p.doc.Reviews, entry)
}

// datedHeading splits a dated heading or entry ("2026-12-01 · check-in",
// "**2026-12-01** — with Lucía") into its date as written and the rest
// after the separator; ok is false when it does not start with a date.
func datedHeading(h string) (date, rest string, ok bool) {
	t := strings.TrimSpace(stripEmphasis(h))
	end := civil.DateAt(t, 0)
	if end == 0 {
		return "", "", false
	}
	return t[:end], strings.TrimSpace(strings.TrimLeft(t[end:], " \t·•|:–—-*_")), true
}

// reviewKindWords is the part of an entry's title that names its kind:
// for a list-item entry, the words before its first colon or dash
// ("check-in: on track" is a check-in).
func reviewKindWords(s string) string {
	if i := strings.IndexAny(s, ":—–"); i >= 0 {
		return s[:i]
	}
	return s
}

// ReviewKind normalises how people name a review ("Monthly check in",
// "Q1 review", "annual rewrite") to a Review* constant, or "".
func ReviewKind(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return ""
	case strings.Contains(s, "re-plan") || strings.Contains(s, "replan"):
		return ReviewReplan
	case strings.Contains(s, "rewrite") || strings.Contains(s, "annual") || strings.Contains(s, "yearly"):
		return ReviewRewrite
	case strings.Contains(s, "quarter") || s == "review":
		return ReviewQuarterly
	case strings.Contains(s, "check-in") || strings.Contains(s, "checkin") || strings.Contains(s, "check in") || strings.Contains(s, "monthly"):
		return ReviewCheckin
	}
	return ""
}
