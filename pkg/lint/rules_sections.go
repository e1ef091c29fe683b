package lint

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/ascii"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/lint/vague"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

var (
	weekRe     = regexp.MustCompile(`(?i)\b(?:week|day)\s+\d+\b`)
	monthNumRe = regexp.MustCompile(`(?i)\bmonths?\s+(\d{1,2})(?:\s*(?:[–—-]|to)\s*(\d{1,2}))?\b`)
	// "Sep–Oct 2026", "March 2027", "Nov 2026 – Feb 2027": months named
	// with a year.
	monthNameRe = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s*(?:[–—-]|to)\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)?\s+(\d{4})\b`)
	talkToRe    = regexp.MustCompile(`(?i)\b(?:talk to|speak to|speak with|talk with|people|contacts?)\s*:?\s*`)
)

func checkQuarterSketch(c *Context) {
	s := c.Doc.Section(roadmap.SectionQuarter)
	if s == nil {
		c.ReportLine(c.anchor(), "there is no Next quarter section",
			"add `## Next quarter` with a few lines: what the 30 days should produce, what that unlocks, what comes next")
		return
	}
	texts := sectionTexts(s)
	if len(texts) == 0 {
		c.ReportLine(s.Pos, "the Next quarter section is empty",
			"sketch it in a few lines: the outcomes you expect, what they unlock, the next actions")
		return
	}
	dates, weeks := 0, 0
	for _, it := range texts {
		dates += len(isoDateSpans(it.Text))
		if ascii.IndexFold(it.Text, "week") >= 0 || ascii.IndexFold(it.Text, "day") >= 0 {
			weeks += len(weekRe.FindAllStringIndex(it.Text, -1))
		}
	}
	switch {
	case dates >= 4:
		c.ReportLine(s.Pos, fmt.Sprintf("the next quarter carries %d exact dates: that is a schedule, not a sketch", dates),
			"keep exact dates for the 30-day actions; sketch the quarter as outcomes and what they unlock")
	case weeks >= 3:
		c.ReportLine(s.Pos, "the next quarter is planned week by week",
			"sketch it as outcomes instead: quarterly plans always change, so detail there is wasted")
	case len(s.Items) > 10:
		c.ReportLine(s.Pos, fmt.Sprintf("the next quarter lists %d items: a sketch fits in a handful", len(s.Items)),
			"keep the few outcomes that matter; the rest will be pinned when their month comes")
	}
}

func checkBridgeWork(c *Context) {
	s := c.Doc.Section(roadmap.SectionBridgeWork)
	if s == nil {
		c.ReportLine(c.anchor(), "a career change without a Bridge work section",
			"add `## Bridge work`: 6–12 months of milestones (courses, projects, certifications), each ending in `Artifact:` and what people can see")
		return
	}
	var milestones []roadmap.Item
	maxMonth := 0
	var lastDate civil.Date
	var named monthSpan
	for _, it := range s.Items {
		if isJobSearch(it.Text) {
			continue
		}
		milestones = append(milestones, it)
		for _, m := range monthNumRe.FindAllStringSubmatch(it.Text, -1) {
			for _, g := range m[1:] {
				if n, err := strconv.Atoi(g); err == nil && n > maxMonth {
					maxMonth = n
				}
			}
		}
		for _, d := range isoDates(it.Text) {
			if d.After(lastDate) {
				lastDate = d
			}
		}
	}
	if len(milestones) < 2 {
		c.ReportLine(s.Pos, fmt.Sprintf("the bridge work has %s; plan it as a few milestones", plural(len(milestones), "milestone", "milestones")),
			"list the milestones as items (`- Months 1–2: … Artifact: …`), 6–12 months in all")
		return
	}
	// How long it runs: "Months 1–2 … Months 7–8" labels, else months
	// named with their year, else the plan's start to the last date given.
	months := maxMonth
	if months == 0 {
		for _, it := range milestones {
			named.add(it.Text)
		}
		months = named.months()
	}
	if months == 0 && !lastDate.IsZero() && !c.Doc.Frontmatter.Started.IsZero() {
		months = monthsBetween(c.Doc.Frontmatter.Started, lastDate)
	}
	switch {
	case months == 0:
		c.ReportLine(s.Pos, "the bridge work does not say how long it runs",
			"label the milestones by month (`Months 1–2`, `Months 3–4`) or date them, 6–12 months in all")
	case months < 6:
		c.ReportLine(s.Pos, fmt.Sprintf("the bridge work spans %d months; a career change usually needs 6–12", months),
			"plan enough bridge work to build the evidence a recruiter will look for")
	case months > 12:
		c.ReportLine(s.Pos, fmt.Sprintf("the bridge work spans %d months; past 12, start the search and keep building", months),
			"split it: 6–12 months of bridge work, then the job search")
	}
	for _, it := range milestones {
		if !strings.Contains(strings.ToLower(it.Text), "artifact") {
			c.ReportItem(it, "this bridge-work milestone names no visible artifact",
				"end it with `Artifact:` and what others will see: a portfolio piece, a certificate, a published post")
		}
	}
}

// monthSpan is the earliest and latest month named in bridge-work items,
// as year*12+month.
type monthSpan struct{ first, last int }

var monthIndex = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func (s *monthSpan) add(text string) {
	for _, m := range monthNameRe.FindAllStringSubmatch(text, -1) {
		year, _ := strconv.Atoi(m[3])
		for _, name := range m[1:3] {
			if name == "" {
				continue
			}
			n := year*12 + monthIndex[strings.ToLower(name)]
			if s.first == 0 || n < s.first {
				s.first = n
			}
			if n > s.last {
				s.last = n
			}
		}
	}
}

// months counts the span inclusively: Sep to Apr is eight months.
func (s monthSpan) months() int {
	if s.first == 0 {
		return 0
	}
	return s.last - s.first + 1
}

func isJobSearch(text string) bool {
	l := strings.ToLower(text)
	return strings.HasPrefix(l, "job search") || strings.HasPrefix(l, "search") || strings.HasPrefix(l, "**job search")
}

func isoDates(text string) []civil.Date {
	var out []civil.Date
	for _, sp := range isoDateSpans(text) {
		if d, err := civil.Parse(text[sp[0]:sp[1]]); err == nil {
			out = append(out, d)
		}
	}
	return out
}

// isoDateSpans finds YYYY-MM-DD on word boundaries. A scan by hand: lint
// looks for dates in every section of every file, and the regular
// expression was a tenth of the run.
func isoDateSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i+10 <= len(s); i++ {
		if s[i+4] != '-' || s[i+7] != '-' || !digits(s[i:i+4]) || !digits(s[i+5:i+7]) || !digits(s[i+8:i+10]) {
			continue
		}
		if (i > 0 && ascii.IsWordByte(s[i-1])) || (i+10 < len(s) && ascii.IsWordByte(s[i+10])) {
			continue
		}
		out = append(out, [2]int{i, i + 10})
		i += 9
	}
	return out
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func monthsBetween(a, b civil.Date) int {
	at, bt := a.Time(), b.Time()
	n := (bt.Year()-at.Year())*12 + int(bt.Month()) - int(at.Month())
	if bt.Day() > at.Day() {
		n++
	}
	return n
}

func checkStallDecision(c *Context) {
	s := c.Doc.Section(roadmap.SectionDecision)
	if s == nil {
		c.ReportLine(c.anchor(), "a stalled roadmap without a Decision section",
			"add `## Decision`: stay and engineer the move, or switch companies, and the date you decide by")
		return
	}
	var all strings.Builder
	for _, it := range inFileOrder(sectionTexts(s)) {
		all.WriteString(strings.ToLower(it.Text) + " ")
	}
	text := all.String()
	decideBy := deadline(s, "decid", "decision", "choose", "commit")
	if !strings.Contains(text, "stay") || !(strings.Contains(text, "switch") || strings.Contains(text, "leave")) {
		c.ReportLine(s.Pos, "the decision does not weigh both options, staying and switching",
			"say what would make you stay and what would make you switch; drifting between them is what loses years")
	}
	if decideBy.IsZero() {
		c.ReportLine(s.Pos, "the decision has no date",
			"write the date you decide by, e.g. `I decide by 2027-02-26`")
		return
	}
	if decideBy.Before(c.Today) && !reviewedSince(c.Doc, decideBy, roadmap.ReviewReplan, roadmap.ReviewRewrite) {
		c.ReportLine(s.Pos, fmt.Sprintf("the decision date %s has passed with no re-plan in the review log", decideBy),
			"record the decision as a `re-plan` entry and rewrite the plan for the path you chose")
	}
}

func checkExploreCandidates(c *Context) {
	s := c.Doc.Section(roadmap.SectionCandidates)
	if s == nil {
		c.ReportLine(c.anchor(), "an exploration without a Candidates section",
			"add `## Candidates`: 3–5 roles, 2–3 people to talk to for each, and the date you pick the target")
		return
	}
	if n := len(s.Items); n < 3 || n > 5 {
		c.ReportLine(s.Pos, fmt.Sprintf("the exploration lists %s; narrow to 3–5", plural(n, "candidate role", "candidate roles")),
			"one item per role: `- **Role** … Talk to: Name (role), Name (role)`")
	}
	pickBy := deadline(s, "pick", "choose", "decid", "narrow", "select")
	for _, it := range s.Items {
		if n := c.countPeople(it.Text); n < 2 {
			c.ReportItem(it, fmt.Sprintf("this candidate names %s to talk to; the method asks for 2–3", plural(n, "person", "people")),
				"add `Talk to:` and two or three named people who do this job")
		}
	}
	if pickBy.IsZero() {
		c.ReportLine(s.Pos, "the exploration sets no date to pick the target",
			"write the date you will choose by, e.g. `I pick the target by 2027-03-12`")
		return
	}
	if pickBy.Before(c.Today) && !reviewedSince(c.Doc, pickBy, roadmap.ReviewReplan, roadmap.ReviewRewrite) {
		c.ReportLine(s.Pos, fmt.Sprintf("the date to pick the target, %s, has passed with no re-plan in the review log", pickBy),
			"record the choice as a `re-plan` entry and rewrite the roadmap for the role you picked")
	}
}

// countPeople counts the named people in a candidate item: the list after
// "Talk to:" (or the whole item), split on commas and "and" outside
// parentheses.
func (c *Context) countPeople(text string) int {
	if loc := talkToRe.FindStringIndex(text); loc != nil {
		text = text[loc[1]:]
	}
	n := 0
	for _, part := range splitTopLevel(text) {
		if vague.NamesPerson(prose(part)) {
			n++
		}
	}
	return n
}

// splitTopLevel splits on ',', ';' and " and " outside brackets.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case ',', ';':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				parts = append(parts, s[start:i])
				start = i + len(" and ")
				i += len(" and ") - 1
			}
		}
	}
	return append(parts, s[start:])
}

func inFileOrder(items []roadmap.Item) []roadmap.Item {
	sort.SliceStable(items, func(i, j int) bool { return items[i].Pos.Line < items[j].Pos.Line })
	return items
}

// deadline finds the date a section sets for its decision: the first date
// written as "by DATE" (or "on DATE") shortly after one of the verbs
// ("I decide by 2027-02-26", "pick the target by …"), else the first
// "by DATE", else the first date at all, in file order. A date that only
// tells history ("after the 2026-09-30 calibration") loses to all three.
func deadline(s *roadmap.Section, verbs ...string) civil.Date {
	var byDate, anyDate civil.Date
	for _, it := range inFileOrder(sectionTexts(s)) {
		text := it.Text
		lower := strings.ToLower(text)
		for _, sp := range isoDateSpans(text) {
			d, err := civil.Parse(text[sp[0]:sp[1]])
			if err != nil {
				continue
			}
			if anyDate.IsZero() {
				anyDate = d
			}
			before := strings.TrimRight(lower[:sp[0]], " ")
			if !strings.HasSuffix(before, " by") && !strings.HasSuffix(before, " on") && before != "by" {
				continue
			}
			window := lower[max(0, sp[0]-60):sp[0]]
			for _, v := range verbs {
				if strings.Contains(window, v) {
					return d
				}
			}
			if byDate.IsZero() {
				byDate = d
			}
		}
	}
	if !byDate.IsZero() {
		return byDate
	}
	return anyDate
}
