package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/ascii"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/lint/vague"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

var weekRe = regexp.MustCompile(`(?i)\b(?:week|day)\s+\d+\b`)

func checkQuarterSketch(c *Context) {
	s := c.Doc.Section(roadmap.SectionQuarter)
	if s == nil {
		c.MissingSection(roadmap.SectionQuarter, "there is no Next quarter section",
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
		dates += len(civil.FindDates(it.Text))
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
		c.MissingSection(roadmap.SectionBridgeWork, "a career change without a Bridge work section",
			"add `## Bridge work`: 6–12 months of milestones (courses, projects, certifications), each ending in `Artifact:` and what people can see")
		return
	}
	b := c.Doc.Bridge
	if len(b.Milestones) < 2 {
		c.ReportLine(s.Pos, fmt.Sprintf("the bridge work has %s; plan it as a few milestones", plural(len(b.Milestones), "milestone", "milestones")),
			"list the milestones as items (`- Months 1–2: … Artifact: …`), 6–12 months in all")
		return
	}
	switch months := b.Months; {
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
	for _, m := range b.Milestones {
		if m.Artifact == "" && !c.unfilled(m.Item) {
			c.ReportItem(m.Item, "this bridge-work milestone names no visible artifact",
				"end it with `Artifact:` and what others will see: a portfolio piece, a certificate, a published post")
		}
	}
}

func checkStallDecision(c *Context) {
	s := c.Doc.Section(roadmap.SectionDecision)
	if s == nil {
		c.MissingSection(roadmap.SectionDecision, "a stalled roadmap without a Decision section",
			"add `## Decision`: stay and engineer the move, or switch companies, and the date you decide by")
		return
	}
	d := c.Doc.Decision
	if !d.Stay || !d.Switch {
		c.ReportLine(s.Pos, "the decision does not weigh both options, staying and switching",
			"say what would make you stay and what would make you switch; drifting between them is what loses years")
	}
	if d.Date.IsZero() {
		c.ReportLine(s.Pos, "the decision has no date",
			"write the date you decide by, e.g. `I decide by 2027-02-26`")
		return
	}
	if d.Date.Before(c.Today) && !reviewedSince(c.Doc, d.Date, roadmap.ReviewReplan, roadmap.ReviewRewrite) {
		c.ReportLine(s.Pos, fmt.Sprintf("the decision date %s has passed with no re-plan in the review log", d.Date),
			"record the decision as a `re-plan` entry and rewrite the plan for the path you chose")
	}
}

func checkExploreCandidates(c *Context) {
	s := c.Doc.Section(roadmap.SectionCandidates)
	if s == nil {
		c.MissingSection(roadmap.SectionCandidates, "an exploration without a Candidates section",
			"add `## Candidates`: 3–5 roles, 2–3 people to talk to for each, and the date you pick the target")
		return
	}
	e := c.Doc.Exploration
	if n := len(e.Candidates); n < 3 || n > 5 {
		c.ReportLine(s.Pos, fmt.Sprintf("the exploration lists %s; narrow to 3–5", plural(n, "candidate role", "candidate roles")),
			"one item per role: `- **Role** … Talk to: Name (role), Name (role)`")
	}
	for _, cand := range e.Candidates {
		if c.unfilled(cand.Item) {
			continue
		}
		n, unnamed := 0, false
		for _, p := range cand.Contacts {
			if vague.NamesPerson(prose(p.Text)) {
				n++
			}
			unnamed = unnamed || roadmap.IsPlaceholder(strings.TrimSpace(prose(p.Text)))
		}
		if unnamed {
			continue // a person left to name ("…, TBD") is RM021's: one fault
		}
		if n < 2 {
			c.ReportItem(cand.Item, fmt.Sprintf("this candidate names %s to talk to; the method asks for 2–3", plural(n, "person", "people")),
				"add `Talk to:` and two or three named people who do this job")
		}
	}
	if e.PickBy.IsZero() {
		c.ReportLine(s.Pos, "the exploration sets no date to pick the target",
			"write the date you will choose by, e.g. `I pick the target by 2027-03-12`")
		return
	}
	if e.PickBy.Before(c.Today) && !reviewedSince(c.Doc, e.PickBy, roadmap.ReviewReplan, roadmap.ReviewRewrite) {
		c.ReportLine(s.Pos, fmt.Sprintf("the date to pick the target, %s, has passed with no re-plan in the review log", e.PickBy),
			"record the choice as a `re-plan` entry and rewrite the roadmap for the role you picked")
	}
}
