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
// them.
func readBridge(s *Section, started civil.Date) *Bridge {
	if s == nil {
		return nil
	}
	b := &Bridge{}
	maxMonth := 0
	var lastDate civil.Date
	var named monthSpan
	for _, e := range entries(s) {
		it := e.Item
		full := it.Full()
		if isJobSearch(full.Text) {
			continue
		}
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
				maxMonth = max(maxMonth, from, to)
			}
		}
		// Months named with their year, only where no month label says it:
		// the expression is the costliest part of reading a milestone.
		var own monthSpan
		if m.FromMonth == 0 {
			own.add(full.Text)
			named.merge(own)
		}
		dates := civil.Dates(full.Text)
		for _, d := range dates {
			if d.After(lastDate) {
				lastDate = d
			}
		}
		switch {
		case m.FromMonth > 0 && m.ToMonth >= m.FromMonth && !started.IsZero():
			m.Start = started.AddMonths(m.FromMonth - 1)
			m.End = started.AddMonths(m.ToMonth).AddDays(-1)
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
		if c, ok := e.column(artifactLabels...); ok {
			if a := strings.TrimSpace(c.Text); a != "" && !saysNone(a) {
				m.Artifact, m.ArtifactPos = a, c.Pos
			}
		} else {
			m.Artifact, m.ArtifactPos = artifactOf(full)
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
	return b
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

func artifactOf(full Item) (string, Position) {
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
					return "", Position{} // "Artifact: none yet" names none
				}
				return a, full.PosOf(loc[0])
			}
		}
	}
	for _, w := range []string{"artifact", "artefact"} {
		if i := ascii.IndexFold(text, w); i >= 0 {
			return strings.TrimSpace(text), full.PosOf(i)
		}
	}
	return "", Position{}
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
}

var switchWords = []string{"switch", "leave", "quit", "elsewhere", "another company", "new company", "move on", "go external"}

func readDecision(s *Section) *Decision {
	if s == nil {
		return nil
	}
	d := &Decision{}
	for _, it := range blocks(s) {
		l := strings.ToLower(it.Text)
		if strings.Contains(l, "stay") {
			d.Stay = true
		}
		for _, w := range switchWords {
			if strings.Contains(l, w) {
				d.Switch = true
			}
		}
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

func readExploration(s *Section) *Exploration {
	if s == nil {
		return nil
	}
	e := &Exploration{}
	for _, en := range entries(s) {
		c := Candidate{Item: en.Item}
		if people, ok := en.column("people", "talk to", "contacts", "who", "who to ask", "conversations"); ok {
			c.Contacts = splitItem(people)
		} else {
			c.Contacts = contacts(en.Item)
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
