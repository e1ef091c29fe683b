package roadmap

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/roadmapcli/roadmap/pkg/ascii"
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

// span maps a stretch of an Item's Text back to the normalised source.
type span struct {
	textStart int // index into Item.Text
	srcStart  int // offset into the normalised file text
	length    int
}

// itemSource lets an Item map an index in its Text back to the file.
type itemSource struct {
	src   *source
	spans []span
}

// PosOf returns the file position of byte i of the item's Text, so a rule
// can point at the exact word it flags.
func (it Item) PosOf(i int) Position {
	if it.loc == nil || len(it.loc.spans) == 0 {
		return it.Pos
	}
	sp := it.loc.spans[0]
	for _, s := range it.loc.spans {
		if s.textStart <= i {
			sp = s
		}
	}
	d := i - sp.textStart
	if d > sp.length {
		d = sp.length
	}
	if d < 0 {
		d = 0
	}
	return it.loc.src.pos(sp.srcStart + d)
}

var (
	checkboxRe   = regexp.MustCompile(`^\[([ xX])\](?:[ \t]+|$)`)
	kindMarkerRe = regexp.MustCompile(`(?i)\(\s*(project|course|person)\s*\)`)
	boldLabelRe  = regexp.MustCompile(`^(?:\*\*|__)\s*([^*_]+?)\s*(?:\*\*|__)\s*:?\s*`)
	plainLabelRe = regexp.MustCompile(`(?i)^(skills|scope|mentorship|visibility)\s*:\s*`)
	reviewHeadRe = regexp.MustCompile(`^(\d{4}-\d{1,2}-\d{1,2})\s*(?:[·•|:–—-]+\s*)?(.*)$`)
	personWords  = regexp.MustCompile(`(?i)\b(ask|meet|call|email|message|coffee|chat|talk|interview|shadow|pair with|introduce|mentor)\b`)
	courseWords  = regexp.MustCompile(`(?i)\b(course|class|certification|certificate|book|read|reading|workshop|bootcamp|tutorial|lecture|training|study|enrol|enroll|module|lesson)\b`)
)

// sectionAliases maps normalised H2 headings to section keys.
var sectionAliases = map[string]string{
	"target": SectionTarget, "target role": SectionTarget, "the target": SectionTarget,
	"gap": SectionGap, "the gap": SectionGap, "gaps": SectionGap, "gap analysis": SectionGap,
	"next 30 days": SectionNext30Days, "30-day plan": SectionNext30Days, "30 day plan": SectionNext30Days,
	"next month": SectionNext30Days, "the next 30 days": SectionNext30Days, "30 days": SectionNext30Days,
	"next quarter": SectionQuarter, "the next quarter": SectionQuarter, "next 90 days": SectionQuarter,
	"quarter":   SectionQuarter,
	"years 2-3": SectionLongTerm, "year 2-3": SectionLongTerm, "years 2 - 3": SectionLongTerm,
	"year 2 - 3": SectionLongTerm, "long term": SectionLongTerm, "long-term": SectionLongTerm,
	"years two to three": SectionLongTerm, "years 2 to 3": SectionLongTerm,
	"review log": SectionReviewLog, "reviews": SectionReviewLog, "review history": SectionReviewLog,
	"bridge work": SectionBridgeWork, "bridge": SectionBridgeWork,
	"decision": SectionDecision, "the decision": SectionDecision, "stay or switch": SectionDecision,
	"candidates": SectionCandidates, "candidate roles": SectionCandidates,
	"assessment": SectionAssessment, "self-assessment": SectionAssessment, "ratings": SectionAssessment,
}

// SectionKey returns the key a heading's text stands for, or "".
func SectionKey(heading string) string {
	return sectionAliases[normalizeHeading(heading)]
}

// headingReplacer is built once: building a Replacer costs more than using it.
var headingReplacer = strings.NewReplacer("–", "-", "—", "-", "‑", "-", "*", "", "_", " ", "`", "")

func normalizeHeading(h string) string {
	h = strings.ToLower(h)
	h = headingReplacer.Replace(h)
	h = dropParenthesized(h)
	h = strings.TrimRight(strings.TrimSpace(h), ":")
	return strings.Join(strings.Fields(h), " ")
}

// dropParenthesized removes "(…)" groups and the spaces before them:
// "Years 2-3 (hypothesis)" is "Years 2-3". An unclosed "(" stays.
func dropParenthesized(h string) string {
	if strings.IndexByte(h, '(') < 0 {
		return h
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(h, '(')
		if open < 0 {
			break
		}
		closing := strings.IndexByte(h[open:], ')')
		if closing < 0 {
			break
		}
		b.WriteString(strings.TrimRight(h[:open], " \t\n\f\r"))
		h = h[open+closing+1:]
	}
	b.WriteString(h)
	return b.String()
}

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
	p.collect()
}

type bodyWalker struct {
	p       *parser
	body    []byte
	base    int
	current *Section
	review  *ReviewEntry
	seen    map[string]bool
}

func (b *bodyWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		it := b.textItem(n)
		switch {
		case n.Level == 1:
			b.closeSection()
			if b.p.doc.Title == "" {
				b.p.doc.Title, b.p.doc.TitlePos = it.Text, it.Pos
			}
		case n.Level == 2:
			b.closeSection()
			b.openSection(it)
		case b.current != nil:
			b.current.Subheadings = append(b.current.Subheadings, it)
			if b.current.Key == SectionReviewLog && n.Level == 3 {
				b.reviewEntry(it)
			}
		}
	case *ast.List:
		if b.current == nil {
			return
		}
		for li := n.FirstChild(); li != nil; li = li.NextSibling() {
			it := b.listItem(li)
			if b.review != nil {
				b.review.Notes = append(b.review.Notes, it)
			} else {
				b.current.Items = append(b.current.Items, it)
			}
		}
	default:
		if b.current == nil {
			return
		}
		if n.Type() == ast.TypeBlock && (n.Lines().Len() > 0 || n.HasChildren()) {
			it := b.textItem(n)
			if it.Text != "" {
				b.current.Paragraphs = append(b.current.Paragraphs, it)
			}
		}
	}
}

func (b *bodyWalker) openSection(h Item) {
	s := &Section{Key: SectionKey(h.Text), Heading: h.Text, Pos: h.Pos, EndLine: h.Pos.Line}
	if s.Key != "" {
		if b.seen == nil {
			b.seen = map[string]bool{}
		}
		if b.seen[s.Key] {
			b.p.problem(h.Pos, SeverityWarning, "duplicate-section",
				fmt.Sprintf("a second %q section; only the first is read", h.Text),
				"merge the two sections into one")
			s.Key = ""
		}
		b.seen[s.Key] = true
	}
	b.current = s
	b.p.doc.Sections = append(b.p.doc.Sections, s)
}

// closeSection ends the open section (its end line is computed in collect).
func (b *bodyWalker) closeSection() {
	b.current, b.review = nil, nil
}

func (b *bodyWalker) reviewEntry(h Item) {
	entry := ReviewEntry{Heading: h}
	m := reviewHeadRe.FindStringSubmatch(strings.TrimSpace(h.Text))
	if m == nil {
		b.p.problem(h.Pos, SeverityWarning, "review-heading",
			fmt.Sprintf("review log entry %q does not start with a date", h.Text),
			"write `### YYYY-MM-DD · check-in|quarterly|rewrite|re-plan`")
	} else {
		d, err := civil.Parse(m[1])
		if err != nil {
			b.p.problem(h.Pos, SeverityWarning, "bad-date",
				fmt.Sprintf("review log entry date %q is not a date", m[1]), "write it as YYYY-MM-DD")
		}
		entry.Date = d
		entry.Kind = ReviewKind(m[2])
		if entry.Kind == "" {
			b.p.problem(h.Pos, SeverityWarning, "review-kind",
				fmt.Sprintf("review log entry %q does not say which review it was", h.Text),
				"end the heading with check-in, quarterly, rewrite or re-plan")
		}
	}
	b.p.doc.Reviews = append(b.p.doc.Reviews, entry)
	b.review = &b.p.doc.Reviews[len(b.p.doc.Reviews)-1]
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

// textItem collects the text of a block (heading, paragraph) and, for
// container blocks, of its non-list descendants.
func (b *bodyWalker) textItem(n ast.Node) Item {
	var tb textBuilder
	b.collectText(n, &tb, true)
	return b.finish(n, &tb)
}

func (b *bodyWalker) collectText(n ast.Node, tb *textBuilder, top bool) {
	if !top {
		if _, ok := n.(*ast.List); ok {
			return
		}
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
			b.collectText(c, tb, false)
		}
	}
}

func (b *bodyWalker) listItem(n ast.Node) Item {
	var tb textBuilder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.collectText(c, &tb, false)
	}
	it := b.finish(n, &tb)
	if m := checkboxRe.FindStringSubmatch(it.Text); m != nil {
		it.Task = true
		it.Done = m[1] != " "
		it.Checkbox = it.PosOf(1)
		it.Text = it.trimPrefix(len(m[0]))
	}
	return it
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
		indent := len(line) - len(strings.TrimLeft(string(line), " \t"))
		it.Pos = b.p.src.pos(b.p.src.textStarts[it.Pos.Line-1] + indent)
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

// trimPrefix drops the first n bytes of the item's text, keeping the map
// from text to file positions right.
func (it Item) trimPrefix(n int) string {
	if it.loc != nil {
		var spans []span
		for _, s := range it.loc.spans {
			switch {
			case s.textStart+s.length < n:
				continue // wholly before the cut
			case s.textStart <= n:
				cut := n - s.textStart
				s = span{textStart: 0, srcStart: s.srcStart + cut, length: s.length - cut}
			default:
				s.textStart -= n
			}
			spans = append(spans, s)
		}
		it.loc.spans = spans
	}
	return it.Text[n:]
}

type textBuilder struct {
	text  strings.Builder
	spans []span
}

// add appends one source line, trimmed, joined to the previous with a space.
func (tb *textBuilder) add(line []byte, srcOff int) {
	s := string(line)
	trimmedLeft := strings.TrimLeft(s, " \t")
	srcOff += len(s) - len(trimmedLeft)
	s = strings.TrimRight(trimmedLeft, " \t\n")
	if s == "" {
		return
	}
	if tb.text.Len() > 0 {
		tb.text.WriteByte(' ')
	}
	tb.spans = append(tb.spans, span{textStart: tb.text.Len(), srcStart: srcOff, length: len(s)})
	tb.text.WriteString(s)
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

// collect derives actions, gap items and section ends from the sections.
func (p *parser) collect() {
	secs := p.doc.Sections
	for i, s := range secs {
		end := p.src.lineCount()
		if i+1 < len(secs) {
			end = secs[i+1].Pos.Line - 1
		}
		// A later H1 also ends a section.
		if p.doc.TitlePos.Line > s.Pos.Line && p.doc.TitlePos.Line-1 < end {
			end = p.doc.TitlePos.Line - 1
		}
		for end > s.Pos.Line && len(trimSpaceBytes(p.src.lineText(end))) == 0 {
			end--
		}
		s.EndLine = end
	}
	if s := p.doc.Section(SectionNext30Days); s != nil {
		for _, it := range s.Items {
			if it.Task {
				p.doc.Actions = append(p.doc.Actions, p.action(it, len(p.doc.Actions)+1))
			}
		}
	}
	if s := p.doc.Section(SectionGap); s != nil {
		for _, it := range s.Items {
			p.doc.Gap = append(p.doc.Gap, gapItem(it))
		}
	}
	p.collectAssessments()
}

func (p *parser) action(it Item, index int) Action {
	a := Action{Item: it, Index: index}
	if m := kindMarkerRe.FindStringSubmatch(it.Text); m != nil {
		a.Kind = strings.ToLower(m[1])
	} else {
		a.Kind, a.KindInferred = InferActionKind(it.Text), true
	}
	title := it.Text
	if m := findDue(it.Text); m != nil {
		raw := it.Text[m[4]:m[5]]
		a.DuePos = it.PosOf(m[4])
		d, err := civil.Parse(raw)
		if err != nil {
			p.problem(a.DuePos, SeverityWarning, "bad-date",
				fmt.Sprintf("action %d: due date %q is not a date", index, raw), "write it as YYYY-MM-DD")
		}
		a.Due = d
		title = cutDueClause(it.Text, m[0], m[1])
	}
	title = kindMarkerRe.ReplaceAllString(title, "")
	a.Title = strings.TrimRight(strings.Join(strings.Fields(title), " "), " —–-,;")
	return a
}

// cutDueClause removes "— due 2026-11-20" (or "(by 2026-11-20)") spanning
// text[start:end] from an action's text, with the dash or brackets around it.
func cutDueClause(text string, start, end int) string {
	before, after := text[:start], text[end:]
	if strings.HasSuffix(strings.TrimRight(before, " "), "(") && strings.HasPrefix(after, ")") {
		before = strings.TrimSuffix(strings.TrimRight(before, " "), "(")
		after = after[1:]
	}
	before = strings.TrimRight(before, " —–-,;:")
	if after != "" && before != "" {
		return before + " " + after
	}
	return before + after
}

// InferActionKind guesses an unmarked action's kind from its wording:
// people are asked, met or called; courses and books are taken or read;
// everything else is taken to be a project.
func InferActionKind(text string) string {
	switch {
	case matchesWord(personWords, text):
		return ActionPerson
	case courseWords.MatchString(text):
		return ActionCourse
	}
	return ActionProject
}

func gapItem(it Item) GapItem {
	g := GapItem{Item: it}
	labelEnd := 0
	if m := boldLabelRe.FindStringSubmatch(it.Text); m != nil {
		g.Label = strings.TrimRight(strings.TrimSpace(m[1]), ":")
		labelEnd = len(m[0])
	} else if m := plainLabelRe.FindStringSubmatch(it.Text); m != nil {
		g.Label = m[1]
		labelEnd = len(m[0])
	}
	g.Dimension = dimensionOf(g.Label)
	detailEnd := len(it.Text)
	if loc := findEvidence(it.Text[labelEnd:]); loc != nil {
		start, end := labelEnd+loc[0], labelEnd+loc[1]
		g.Evidence = strings.TrimSpace(it.Text[end:])
		g.EvidencePos = it.PosOf(start)
		detailEnd = start
	}
	g.Detail = strings.TrimSpace(it.Text[labelEnd:detailEnd])
	return g
}

// findEvidence finds the "Evidence:" label in a gap item's text (any case,
// with a colon or in bold, the colon inside or outside the bold) and returns
// the span of the label with the spaces after it, or nil. The word alone in
// a sentence is not the label. Written by hand: lint calls it for every gap
// item of every file, and a regular expression was a tenth of the run.
func findEvidence(s string) []int {
	const word = "evidence"
	for from := 0; from+len(word) <= len(s); {
		i := ascii.IndexFold(s[from:], word)
		if i < 0 {
			return nil
		}
		start, end := from+i, from+i+len(word)
		from = end
		boldBefore := start >= 2 && (s[start-2:start] == "**" || s[start-2:start] == "__")
		boldAfter := end+2 <= len(s) && (s[end:end+2] == "**" || s[end:end+2] == "__")
		if (start > 0 && !boldBefore && (ascii.IsWordByte(s[start-1]) || s[start-1] == '-')) ||
			(end < len(s) && !boldAfter && ascii.IsWordByte(s[end])) {
			continue
		}
		bold, colon := false, false
		if start >= 2 && (s[start-2:start] == "**" || s[start-2:start] == "__") {
			start -= 2
			bold = true
		}
		end = skipSpaces(s, end)
		if end < len(s) && s[end] == ':' {
			end = skipSpaces(s, end+1)
			colon = true
		}
		if end+2 <= len(s) && (s[end:end+2] == "**" || s[end:end+2] == "__") {
			end = skipSpaces(s, end+2)
		}
		if end < len(s) && s[end] == ':' {
			end = skipSpaces(s, end+1)
			colon = true
		}
		// "I have no evidence yet" is prose, not the label.
		if !colon && !bold {
			continue
		}
		return []int{start, end}
	}
	return nil
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
		i++
	}
	return i
}

// matchesWord reports whether re matches text somewhere other than inside
// a hyphenated compound: "call" is a person word, "on-call" is not.
func matchesWord(re *regexp.Regexp, text string) bool {
	for _, m := range re.FindAllStringIndex(text, -1) {
		if (m[0] > 0 && text[m[0]-1] == '-') || (m[1] < len(text) && text[m[1]] == '-') {
			continue
		}
		return true
	}
	return false
}

// dimensionOf reads a gap label in the method's own words as one of the
// four dimensions: "Scope of ownership" is scope, "Mentorship range" is
// mentorship, "Public visibility" is visibility, "Technical skills" is
// skills. Other labels stay as written, lower-cased.
func dimensionOf(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	for _, d := range Dimensions {
		if l == d {
			return d
		}
	}
	for _, word := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, d := range Dimensions {
			if word == d || word == strings.TrimSuffix(d, "s") {
				return d
			}
		}
	}
	return l
}

// findDue finds an action's due clause, "due 2026-12-01", "by: 2026-12-01"
// or "due on 2026-12-01" (any case), and returns the indexes a regexp
// submatch would: [whole start, end, keyword start, end, date start, end],
// or nil. By hand because it runs on every action of every file, and the
// regexp it replaces (dueRegexp in the tests, which pin the two together)
// was the largest single cost of lint after YAML and Markdown.
func findDue(s string) []int {
	for i := 0; i < len(s); i++ {
		if i > 0 && ascii.IsWordByte(s[i-1]) {
			continue
		}
		kw := 0
		switch {
		case hasPrefixFold(s[i:], "due"):
			kw = 3
		case hasPrefixFold(s[i:], "by"):
			kw = 2
		default:
			continue
		}
		if i+kw < len(s) && ascii.IsWordByte(s[i+kw]) {
			continue
		}
		j := skipSpaces(s, i+kw)
		if j < len(s) && s[j] == ':' {
			j = skipSpaces(s, j+1)
		}
		if end := dateAt(s, j); end > 0 {
			return []int{i, end, i, i + kw, j, end}
		}
		if hasPrefixFold(s[j:], "on") {
			if k := skipSpaces(s, j+2); k > j+2 {
				if end := dateAt(s, k); end > 0 {
					return []int{i, end, i, i + kw, k, end}
				}
			}
		}
	}
	return nil
}

// dateAt returns the end of a \d{4}-\d{1,2}-\d{1,2} date starting at i and
// followed by a word boundary, or 0.
func dateAt(s string, i int) int {
	digits := func(i, min, max int) int {
		n := 0
		for i+n < len(s) && n < max && '0' <= s[i+n] && s[i+n] <= '9' {
			n++
		}
		if n < min {
			return -1
		}
		return i + n
	}
	j := digits(i, 4, 4)
	if j < 0 || j >= len(s) || s[j] != '-' {
		return 0
	}
	j = digits(j+1, 1, 2)
	if j < 0 || j >= len(s) || s[j] != '-' {
		return 0
	}
	j = digits(j+1, 1, 2)
	if j < 0 || (j < len(s) && ascii.IsWordByte(s[j])) {
		return 0
	}
	return j
}

func hasPrefixFold(s, lower string) bool {
	return len(s) >= len(lower) && ascii.IndexFold(s[:len(lower)], lower) == 0
}
