package roadmap

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/roadmapcli/roadmap/pkg/ascii"
	"github.com/roadmapcli/roadmap/pkg/civil"
)

// Bridge is a career change's Bridge work section: its milestones and
// how long they run.
type Bridge struct {
	// Milestones are the section's items in file order, job-search items
	// (the search that follows the bridge) left out.
	Milestones []Milestone
	// Months is how long the bridge work runs: from month labels
	// ("Months 1–2" … "Months 7–8"), else from months named with their
	// year ("Sep–Oct 2026"), else from the plan's start to the last date
	// written; 0 when it does not say.
	Months int
	// Search is the job search that follows the bridge work (the first
	// item that begins "Job search", "Search", "Apply" or "Job hunt"),
	// read as a milestone is; nil when the section plans none.
	Search *Milestone
}

// Milestone is one bridge-work item, sub-bullets included.
type Milestone struct {
	Item
	// FromMonth and ToMonth are its "Month 3" or "Months 3–4" label,
	// counted from the plan's start (0 when it has none).
	FromMonth, ToMonth int
	// Start and End are the days it covers, from its month label and the
	// plan's start, or the months or dates it names; zero when unknown.
	Start, End civil.Date
	// Artifact is what it says people will see: the text after an
	// "Artifact:" label (or Deliverable, Output, Evidence, Proof), or the
	// whole text when it mentions an artifact without a label; "" when it
	// names none.
	Artifact    string
	ArtifactPos Position
	// Work is what the milestone says is done, sub-bullets included: its
	// text without the artifact's label and text (the whole text when the
	// artifact is not labelled).
	Work string
}

var (
	monthNumRe = regexp.MustCompile(`(?i)\bmonths?\s+(\d{1,2})(?:\s*(?:[–—-]|to)\s*(\d{1,2}))?\b`)
	// "Sep–Oct 2026", "March 2027", "Nov 2026 – Feb 2027": months named
	// with a year.
	monthNameRe = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s*(?:[–—-]|to)\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)?\s+(\d{4})\b`)
)

var monthIndex = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// artifactLabels introduce a milestone's visible artifact.
var artifactLabels = []string{"artifact", "artifacts", "artefact", "artefacts", "deliverable", "deliverables", "output", "evidence", "proof"}

// readBridge reads the Bridge work section; nil when there is none.
// Sub-headings ("### Months 1–2") are milestones too, with what is under
// them. The first job-search item is the Search, read as a milestone is.
func readBridge(s *Section, started civil.Date) *Bridge {
	if s == nil {
		return nil
	}
	b := &Bridge{}
	maxMonth := 0
	var lastDate civil.Date
	var named monthSpan
	for _, e := range entries(s) {
		if isJobSearch(e.Item.Full().Text) {
			if b.Search == nil {
				m, _ := readMilestone(e, started)
				b.Search = &m
			}
			continue
		}
		m, r := readMilestone(e, started)
		maxMonth = max(maxMonth, r.maxMonth)
		named.merge(r.named)
		if r.lastDate.After(lastDate) {
			lastDate = r.lastDate
		}
		b.Milestones = append(b.Milestones, m)
	}
	b.Months = maxMonth
	if b.Months == 0 {
		b.Months = named.months() // every milestone was read for month names
	}
	if b.Months == 0 && !lastDate.IsZero() && !started.IsZero() {
		b.Months = monthsBetween(started, lastDate)
	}
	// A search that names only the day it ends by ("offer by 2027-08-31")
	// runs from the day after the last phase.
	if sr := b.Search; sr != nil && !sr.End.IsZero() && sr.Start == sr.End && len(b.Milestones) > 0 {
		if last := b.Milestones[len(b.Milestones)-1].End; !last.IsZero() && last.Before(sr.End) {
			sr.Start = last.AddDays(1)
		}
	}
	return b
}

// PhaseSpan is the days a phase labelled "Months from–to" covers, counted
// from started: from the day its first month begins to the last day of
// its last month (Months 1–3 from 2026-12-02: 2026-12-02 to 2027-03-01),
// so that one phase ends the day before the next begins. It is the one
// reading of a phase's dates: the plan, its calendar and export read
// them from the milestone, and init writes them with it.
func PhaseSpan(started civil.Date, from, to int) (start, end civil.Date) {
	if started.IsZero() || from < 1 || to < from {
		return civil.Date{}, civil.Date{}
	}
	return started.AddMonths(from - 1), started.AddMonths(to).AddDays(-1)
}

// milestoneRead is what a milestone adds to the bridge's length.
type milestoneRead struct {
	maxMonth int
	named    monthSpan
	lastDate civil.Date
}

func readMilestone(e entry, started civil.Date) (Milestone, milestoneRead) {
	var r milestoneRead
	it := e.Item
	full := it.Full()
	m := Milestone{Item: it}
	monthText := full.Text
	if c, ok := e.column("months", "month"); ok {
		monthText = "months " + c.Text + "\n" + full.Text // a "Months" column: "1–2"
	}
	if ascii.IndexFold(monthText, "month") >= 0 {
		for k, loc := range monthNumRe.FindAllStringSubmatchIndex(monthText, -1) {
			from, _ := strconv.Atoi(monthText[loc[2]:loc[3]])
			to := from
			if loc[4] >= 0 {
				to, _ = strconv.Atoi(monthText[loc[4]:loc[5]])
			}
			if k == 0 {
				m.FromMonth, m.ToMonth = from, to
			}
			r.maxMonth = max(r.maxMonth, from, to)
		}
	}
	// Months named with their year, only where no month label says it:
	// the expression is the costliest part of reading a milestone.
	if m.FromMonth == 0 {
		r.named.add(full.Text)
	}
	dates := civil.Dates(full.Text)
	for _, d := range dates {
		if d.After(r.lastDate) {
			r.lastDate = d
		}
	}
	own := r.named
	switch {
	case m.FromMonth > 0 && m.ToMonth >= m.FromMonth && !started.IsZero():
		m.Start, m.End = PhaseSpan(started, m.FromMonth, m.ToMonth)
	case own.first > 0:
		m.Start = civil.New((own.first-1)/12, time.Month((own.first-1)%12+1), 1)
		m.End = civil.New((own.last-1)/12, time.Month((own.last-1)%12+1)+1, 0)
	case len(dates) > 0:
		m.Start, m.End = dates[0], dates[0]
		for _, d := range dates {
			if d.Before(m.Start) {
				m.Start = d
			}
			if d.After(m.End) {
				m.End = d
			}
		}
	}
	m.Work = strings.TrimSpace(full.Text)
	if c, ok := e.column(artifactLabels...); ok {
		if a := strings.TrimSpace(c.Text); a != "" && !saysNone(a) {
			m.Artifact, m.ArtifactPos = a, c.Pos
		}
		if i := e.tab.column(artifactLabels...); i >= 0 {
			m.Work = strings.TrimSpace(rowItem(without(e.row, i), 0).Text)
		}
	} else {
		var cut [2]int
		m.Artifact, m.ArtifactPos, cut = artifactOf(full)
		if cut[1] > cut[0] {
			m.Work = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(full.Text[:cut[0]]), "-–—*_;,") + keepRest(full.Text[cut[1]:]))
		}
	}
	return m, r
}

// without is a table row without its cell i.
func without(row []Item, i int) []Item {
	out := make([]Item, 0, len(row))
	for k, c := range row {
		if k != i {
			out = append(out, c)
		}
	}
	return out
}

// keepRest is what follows an artifact's line, on the lines after it.
func keepRest(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return "\n" + strings.TrimSpace(s)
}

// entries are a section's units: its top-level list items and, where it
// is organised by sub-headings, each sub-heading with the blocks under it.
// A section written as a table has one entry per row.
func entries(s *Section) []entry {
	var out []entry
	under := map[int]bool{}
	for _, h := range s.Subheadings {
		for _, c := range h.Children {
			under[c.Pos.Offset] = true
		}
	}
	for _, b := range s.blocksInOrder() {
		switch {
		case b.IsHeading():
			out = append(out, entry{Item: b})
		case under[b.Pos.Offset]:
		case b.Marker != "":
			out = append(out, entry{Item: b})
		default:
			if t, ok := readTable(b); ok {
				for k, row := range t.rows {
					it := rowItem(row, 0)
					it.Pos = t.rowPos[k]
					out = append(out, entry{Item: it, tab: &t, row: row})
				}
			}
		}
	}
	return out
}

// entry is one unit of a section: an item, a sub-heading with what is
// under it, or a table row (with its table, to read a cell by its header).
type entry struct {
	Item
	tab *table
	row []Item
}

// column is the cell of a table row under a header holding one of words,
// and whether there is such a column.
func (e entry) column(words ...string) (Item, bool) {
	if e.tab == nil {
		return Item{}, false
	}
	i := e.tab.column(words...)
	if i < 0 {
		return Item{}, false
	}
	return cell(e.row, i), true
}

// artifactOf is the artifact a milestone's text names, where, and the
// span of text its label and artifact take (empty when the artifact is
// the whole text or there is none).
func artifactOf(full Item) (string, Position, [2]int) {
	text := full.Text
	// A label needs its colon or its emphasis.
	for _, w := range artifactLabels {
		if strings.IndexByte(text, ':') < 0 && !strings.Contains(text, "**") && !strings.Contains(text, "__") {
			break
		}
		if loc := findLabelWord(text, w); loc != nil {
			rest := text[loc[1]:]
			if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) != "" {
				rest = rest[:i]
			}
			if a := strings.TrimSpace(rest); a != "" {
				if saysNone(a) {
					return "", Position{}, [2]int{} // "Artifact: none yet" names none
				}
				return a, full.PosOf(loc[0]), [2]int{labelStart(text, loc[0]), loc[1] + len(rest)}
			}
		}
	}
	for _, w := range []string{"artifact", "artefact"} {
		if i := ascii.IndexFold(text, w); i >= 0 {
			if negatedMention(text, i, len(w)) {
				return "", Position{}, [2]int{} // "No artifact for this one", "artifacts will follow"
			}
			return strings.TrimSpace(text), full.PosOf(i), [2]int{}
		}
	}
	return "", Position{}, [2]int{}
}

// negatedMention reports whether the word at text[i:i+n] is mentioned as
// missing: after "no", "without" or "not", or before "will follow",
// "optional", "later", "to follow", "tbd" ("No artifact for this one",
// "Artifacts will follow", "artifact optional").
func negatedMention(text string, i, n int) bool {
	before := strings.ToLower(strings.TrimRight(text[:i], " *_"))
	for _, w := range []string{"no", "without", "not", "not an", "not a", "no real", "no visible"} {
		if before == w || strings.HasSuffix(before, " "+w) || strings.HasSuffix(before, "("+w) {
			return true
		}
	}
	after := strings.ToLower(strings.TrimLeft(text[i+n:], "s:*_ "))
	for _, w := range []string{"will follow", "to follow", "optional", "later", "tbd", "pending", "not needed", "none"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// labelStart moves a label's start back over the emphasis and list
// marker before it ("**Artifact:**", "- Artifact:" on a sub-bullet line).
func labelStart(text string, i int) int {
	for i > 0 && strings.IndexByte("*_ ", text[i-1]) >= 0 {
		i--
	}
	return i
}

// monthSpan is the earliest and latest month named in bridge-work items,
// as year*12+month.
type monthSpan struct{ first, last int }

func (s *monthSpan) add(text string) {
	if !mayNameMonth(text) {
		return
	}
	for _, m := range monthNameRe.FindAllStringSubmatch(text, -1) {
		year, _ := strconv.Atoi(m[3])
		for _, name := range m[1:3] {
			if name == "" {
				continue
			}
			n := year*12 + monthIndex[strings.ToLower(name[:3])]
			if s.first == 0 || n < s.first {
				s.first = n
			}
			if n > s.last {
				s.last = n
			}
		}
	}
}

// merge widens s to cover o.
func (s *monthSpan) merge(o monthSpan) {
	if o.first == 0 {
		return
	}
	if s.first == 0 || o.first < s.first {
		s.first = o.first
	}
	if o.last > s.last {
		s.last = o.last
	}
}

// mayNameMonth is a cheap test before the month-name expression: a month
// named with its year has a four-digit number.
func mayNameMonth(text string) bool {
	digits := 0
	for i := 0; i < len(text); i++ {
		if '0' <= text[i] && text[i] <= '9' {
			digits++
			if digits == 4 {
				return true
			}
		} else {
			digits = 0
		}
	}
	return false
}

// months counts the span inclusively: Sep to Apr is eight months.
func (s monthSpan) months() int {
	if s.first == 0 {
		return 0
	}
	return s.last - s.first + 1
}

func isJobSearch(text string) bool {
	l := strings.ToLower(stripEmphasis(text))
	return strings.HasPrefix(l, "job search") || strings.HasPrefix(l, "search") || strings.HasPrefix(l, "apply") ||
		strings.HasPrefix(l, "job hunt")
}

func monthsBetween(a, b civil.Date) int {
	at, bt := a.Time(), b.Time()
	n := (bt.Year()-at.Year())*12 + int(bt.Month()) - int(at.Month())
	if bt.Day() > at.Day() {
		n++
	}
	return n
}

// Decision is a stalled roadmap's Decision section: the two options it
// weighs and the date it is made by.
type Decision struct {
	// Stay and Switch report whether the section weighs staying (and
	// engineering the move where you are) and switching (leaving).
	Stay, Switch bool
	// Date is the date the decision is made by, zero when none is written.
	Date    civil.Date
	DatePos Position
	// Points are the section's paragraphs and items in file order (each
	// item whole), each with the option it weighs.
	Points []DecisionPoint
}

// DecisionPoint is one paragraph or item of a Decision section.
type DecisionPoint struct {
	Item
	// Stay and Switch report whether it weighs staying, switching, or
	// both ("Stay and engineer the move, or switch companies").
	Stay, Switch bool
}

var switchWords = []string{"switch", "leave", "quit", "elsewhere", "another company", "new company", "move on", "go external"}

func readDecision(s *Section) *Decision {
	if s == nil {
		return nil
	}
	d := &Decision{}
	for _, it := range blocks(s) {
		p := DecisionPoint{Item: it}
		l := strings.ToLower(it.Text)
		p.Stay = strings.Contains(l, "stay")
		for _, w := range switchWords {
			if strings.Contains(l, w) {
				p.Switch = true
			}
		}
		d.Stay = d.Stay || p.Stay
		d.Switch = d.Switch || p.Switch
		d.Points = append(d.Points, p)
	}
	d.Date, d.DatePos = deadline(s, "decid", "decision", "choose", "commit")
	return d
}

// Exploration is an explore roadmap's Candidates section.
type Exploration struct {
	Candidates []Candidate
	// PickBy is the date the target is picked by, zero when none is written.
	PickBy    civil.Date
	PickByPos Position
}

// Candidate is one candidate role, sub-bullets included.
type Candidate struct {
	Item
	// Contacts are the parts of the item that may name a person to talk
	// to: the list after "Talk to:" split at commas and "and", or each
	// sub-bullet under the role (or under its "Talk to:"). Whether each
	// names someone is the linter's judgement.
	Contacts []Item
	// Role is the candidate role as written: the item's own text before
	// its "Talk to:" (a table row's first other cell), without the
	// punctuation that led into the label.
	Role string
}

// talkToRe finds the label before a candidate's people: "Talk to:",
// "**Speak with**", "People:", "Contacts:", "Ask:" (the generic words
// only with their colon).
var talkToRe = regexp.MustCompile(`(?i)\b(?:(?:talk|speak|chat)\s+(?:to|with)\s*(?:\*\*|__)?\s*:?|(?:people|contacts?|ask|who to ask|conversations?)\s*(?:\*\*|__)?\s*:)\s*(?:\*\*|__)?\s*`)

// findTalkTo is talkToRe's match, skipping the expression for texts that
// hold neither a colon nor a verb it starts with.
func findTalkTo(s string) []int {
	if strings.IndexByte(s, ':') < 0 && ascii.IndexFold(s, "talk") < 0 && ascii.IndexFold(s, "speak") < 0 && ascii.IndexFold(s, "chat") < 0 {
		return nil
	}
	return talkToRe.FindStringIndex(s)
}

// peopleColumns are the headers of a candidates table's people column.
var peopleColumns = []string{"people", "talk to", "contacts", "who", "who to ask", "conversations"}

func readExploration(s *Section) *Exploration {
	if s == nil {
		return nil
	}
	e := &Exploration{}
	for _, en := range entries(s) {
		c := Candidate{Item: en.Item, Role: en.Item.Text}
		if people, ok := en.column(peopleColumns...); ok {
			c.Contacts = splitItem(people)
			role := 0
			if en.tab.column(peopleColumns...) == 0 {
				role = 1
			}
			c.Role = cell(en.row, role).Text
		} else {
			c.Contacts = contacts(en.Item)
			if loc := findTalkTo(en.Item.Text); loc != nil && !en.Item.IsHeading() {
				c.Role = en.Item.Text[:loc[0]]
			}
		}
		c.Role = strings.TrimRight(strings.TrimSpace(c.Role), " .,;:—–-")
		if c.Role == "" {
			c.Role = strings.TrimSpace(en.Item.Text)
		}
		e.Candidates = append(e.Candidates, c)
	}
	e.PickBy, e.PickByPos = deadline(s, "pick", "choose", "decid", "narrow", "select")
	return e
}

// contacts splits a candidate into the parts that may each name a person.
func contacts(it Item) []Item {
	var out []Item
	own := it
	if !it.IsHeading() {
		if loc := findTalkTo(it.Text); loc != nil {
			out = append(out, splitItem(it.Slice(loc[1], len(it.Text)))...)
			own = Item{}
		}
	}
	for _, c := range it.Children {
		if loc := findTalkTo(c.Text); loc != nil && loc[0] == skipDecoration(c.Text, 0) {
			out = append(out, splitItem(c.Slice(loc[1], len(c.Text)))...)
			for _, g := range c.Descendants() {
				out = append(out, splitItem(g)...)
			}
			continue
		}
		out = append(out, splitItem(c)...)
		for _, g := range c.Descendants() {
			out = append(out, splitItem(g)...)
		}
	}
	if len(out) == 0 && own.Text != "" {
		out = splitItem(own)
	}
	return out
}

// splitItem splits an item's text on ',', ';' and " and " outside brackets.
func splitItem(it Item) []Item {
	var parts []Item
	s := it.Text
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case ',', ';':
			if depth == 0 {
				parts = append(parts, it.Slice(start, i))
				start = i + 1
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				parts = append(parts, it.Slice(start, i))
				start = i + len(" and ")
				i += len(" and ") - 1
			}
		}
	}
	parts = append(parts, it.Slice(start, len(s)))
	out := parts[:0]
	for _, p := range parts {
		t := strings.TrimSpace(p.Text)
		if t == "" {
			continue
		}
		i := strings.Index(p.Text, t)
		out = append(out, p.Slice(i, i+len(t)))
	}
	return out
}

// blocks are a section's paragraphs, items and sub-headings in file
// order, each item whole (its sub-bullets joined in).
func blocks(s *Section) []Item {
	out := s.blocksInOrder()
	for i, b := range out {
		out[i] = b.Full()
	}
	return out
}

// deadline finds the date a section sets for its decision: the first date
// written as "by DATE" (or "on DATE") shortly after one of the verbs
// ("I decide by 2027-02-26", "pick the target by …"), else the first
// "by DATE", else the first date at all, in file order. A date that only
// tells history ("after the 2026-09-30 calibration") loses to all three.
func deadline(s *Section, verbs ...string) (civil.Date, Position) {
	var byDate, anyDate civil.Date
	var byPos, anyPos Position
	for _, it := range blocks(s) {
		text := it.Text
		lower := strings.ToLower(text)
		for _, sp := range civil.FindDates(text) {
			d, err := civil.Parse(text[sp[0]:sp[1]])
			if err != nil {
				continue
			}
			if anyDate.IsZero() {
				anyDate, anyPos = d, it.PosOf(sp[0])
			}
			before := strings.TrimRight(lower[:sp[0]], " *_:")
			if !strings.HasSuffix(before, " by") && !strings.HasSuffix(before, " on") && before != "by" &&
				!strings.HasSuffix(before, "\nby") && !strings.HasSuffix(before, "deadline") && !strings.HasSuffix(before, "date") {
				continue
			}
			window := lower[max(0, sp[0]-60):sp[0]]
			for _, v := range verbs {
				if strings.Contains(window, v) {
					return d, it.PosOf(sp[0])
				}
			}
			if byDate.IsZero() {
				byDate, byPos = d, it.PosOf(sp[0])
			}
		}
	}
	if !byDate.IsZero() {
		return byDate, byPos
	}
	return anyDate, anyPos
}
