package roadmap

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// header is a valid frontmatter for body tests; bodies start on line 12.
const header = `---
roadmap: 1
title: T
kind: promotion
started: 2026-11-02
horizon: 2y
target:
  role: Staff Engineer
  level: staff
  industry: SaaS
  companies: [A, B]
---
`

func parseBody(t *testing.T, body string) *Document {
	t.Helper()
	d := Parse("r.md", []byte(header+body))
	if d.Fatal() || !d.Frontmatter.Decoded {
		t.Fatalf("header did not parse: %v", d.Problems)
	}
	return d
}

// at is "line:col" of a position.
func at(p Position) string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

func TestItemIsTheWholeListItem(t *testing.T) {
	d := parseBody(t, `## Next 30 days
* [X] Scope the proposal
  with Priya (project)
  - due 2026-11-20
  - notes
    1) deeper
+ [ ] Start the course (course) — due 2026-11-24
3. [x] Ask Marco Rossi for 15 minutes (person)
   due 2026-11-25
`)
	s := d.Section(SectionNext30Days)
	// '*' and '+' start new lists; the ordered item is a third list.
	if len(s.Items) != 3 || len(d.Actions) != 3 {
		t.Fatalf("items = %d, actions = %d, want 3 and 3", len(s.Items), len(d.Actions))
	}
	a := d.Actions[0]
	if a.Text != "Scope the proposal with Priya (project)" || a.Marker != "*" || !a.Done || a.Kind != ActionProject {
		t.Errorf("action 1 = %q marker %q done %v kind %q", a.Text, a.Marker, a.Done, a.Kind)
	}
	if a.Due.String() != "2026-11-20" || at(a.DuePos) != "16:9" {
		t.Errorf("the due date on a sub-bullet: %s at %s, want 2026-11-20 at 16:9", a.Due, at(a.DuePos))
	}
	if a.Title != "Scope the proposal with Priya" {
		t.Errorf("title = %q", a.Title)
	}
	if len(a.Children) != 2 || len(a.Children[1].Children) != 1 || a.Children[1].Children[0].Marker != "1)" {
		t.Fatalf("children = %+v", a.Children)
	}
	full := a.Full()
	if want := "Scope the proposal with Priya (project)\ndue 2026-11-20\nnotes\ndeeper"; full.Text != want {
		t.Errorf("Full().Text = %q, want %q", full.Text, want)
	}
	if i := strings.Index(full.Text, "deeper"); at(full.PosOf(i)) != "18:8" {
		t.Errorf("a word of a nested item maps to %s, want 18:8", at(full.PosOf(i)))
	}
	if at(a.Last()) != "18:14" || at(a.End) != "15:23" {
		t.Errorf("End %s, Last %s; want 15:23 and 18:14", at(a.End), at(a.Last()))
	}
	if len(a.Descendants()) != 3 {
		t.Errorf("descendants = %d, want 3", len(a.Descendants()))
	}
	if b := d.Actions[1]; b.Marker != "+" || b.Done || b.Due.String() != "2026-11-24" {
		t.Errorf("action 2 = %+v", b)
	}
	if c := d.Actions[2]; c.Marker != "3." || !c.Done || c.Due.String() != "2026-11-25" || c.Kind != ActionPerson {
		t.Errorf("action 3 (ordered, date on the continuation line) = %+v", c)
	}
}

func TestTasksNestedUnderAGroupAreActions(t *testing.T) {
	d := parseBody(t, `## Next 30 days
- Week 1
  - [ ] Scope the proposal (project) — due 2026-11-20
- Week 2
  - [ ] Ask Ana Souza (person) — due 2026-11-27
  - not a task
`)
	if len(d.Actions) != 2 || d.Actions[1].Index != 2 || d.Actions[1].Pos.Line != 17 {
		t.Fatalf("actions = %+v", d.Actions)
	}
}

func gapSummary(d *Document) string {
	var out []string
	for _, g := range d.Gap {
		s := fmt.Sprintf("%s@%d", g.Dimension, g.Pos.Line)
		if g.Evidence != "" {
			s += fmt.Sprintf(" ev=%q@%s", g.Evidence, at(g.EvidencePos))
		}
		if g.Near != "" {
			s += " near=" + g.Near
		}
		if g.EvidenceNear != "" {
			s += fmt.Sprintf(" evnear=%s@%s", g.EvidenceNear, at(g.EvidenceNearPos))
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestGapLabelForms(t *testing.T) {
	for name, tc := range map[string]struct{ body, want string }{
		"bold colon inside and out, plain, italic": {`## Gap
- **Skills:** x. Evidence: the RFC.
- **Scope**: y. **Evidence:** the migration.
- Mentorship: z. Evidence: mentor Kai.
- *Visibility:* w. Proof: three posts.
`, `skills@14 ev="the RFC."@14:18; scope@15 ev="the migration."@15:17; mentorship@16 ev="mentor Kai."@16:18; visibility@17 ev="three posts."@17:20`},
		"label alone with sub-bullets, evidence nested": {`## Gap
- **Scope**
  - today: one service
  - Evidence: lead the migration
- 🛠 **Skills** — design docs
  - Proof:
    - the ledger RFC
    - the sharding RFC
`, `scope@14 ev="lead the migration"@16:5; skills@17 ev="the ledger RFC; the sharding RFC"@18:5`},
		"sub-headings per dimension": {`## Gap
Intro prose is not an item.

### 1. Scope 🎯
I own one service.

- Evidence: lead the migration.

### Mentoring
- today: nobody
- **Evidence:** mentor Kai

### Notes
Just notes, no dimension.
`, `scope@16 ev="lead the migration."@19:3; mentorship@21 ev="mentor Kai"@23:3`},
		"group heading over labelled items": {`## Gap
### Must close
- **Scope:** one service. Evidence: migration.
- **Skills:** design. Evidence: RFC.
`, `scope@15 ev="migration."@15:27; skills@16 ev="RFC."@16:23`},
		"label alone on a line, then a list": {`## Gap
**Visibility**
- today: unknown outside the team
- Evidence: three posts

Skills: design. Evidence: the RFC.
`, `visibility@14 ev="three posts"@16:3; skills@18 ev="the RFC."@18:17`},
		"sibling evidence belongs to the item before": {`## Gap
- **Scope:** one service.
- **Evidence:** lead the migration.
- **Note:** the ladder's words.
`, `scope@14 ev="lead the migration."@15:3`},
		"items nested under a group item": {`## Gap
- Promotion gaps:
  - **Scope:** one service. Evidence: migration.
  - **Skills:** design.
`, `scope@15 ev="migration."@15:29; skills@16`},
		"near misses": {`## Gap
- **Mentorsip:** nobody. Evidence: mentor Kai.
- **Visiblity:** unknown. Evidense: three posts.
- **Skills:** design.
  - **Proff:** the RFC
- **Domain knowledge:** payments. Evidence: the course.
`, `mentorsip@14 ev="mentor Kai."@14:26 near=mentorship; visiblity@15 near=visibility evnear=Evidense@15:27; skills@16 evnear=Proff@17:5; domain knowledge@18 ev="the course."@18:35`},
		"evidence that says there is none": {`## Gap
- **Mentorship**
  - Now: I help in code review.
  - Evidence: none yet.
- **Scope:** one service. Evidence: nothing so far, maybe the migration.
- **Skills:** design. Evidence: the "None of the above" RFC.
`, `mentorship@14; scope@17; skills@18 ev="the \"None of the above\" RFC."@18:23`},
		"a group label over labelled sub-items": {`## Gap
- **Technical:**
  - **Skills:** design. Evidence: the RFC.
  - **Scope:** one service. Evidence: the migration.
`, `skills@15 ev="the RFC."@15:25; scope@16 ev="the migration."@16:29`},
		"today: is detail, not a label": {`## Gap
- **Scope:** one service.
  Today: I own refunds. Evidence: the migration.
`, `scope@14 ev="the migration."@15:25`},
	} {
		t.Run(name, func(t *testing.T) {
			d := parseBody(t, tc.body)
			if got := gapSummary(d); got != tc.want {
				t.Errorf("gap =\n  %s\nwant\n  %s", got, tc.want)
			}
		})
	}
}

func TestGapDetail(t *testing.T) {
	d := parseBody(t, `## Gap
- **Scope**
  - today: one service
  - expected: initiatives across teams
  - Evidence: lead the migration
- **Skills:** does not apply: entry level.
`)
	if d.Gap[0].Detail != "today: one service; expected: initiatives across teams" {
		t.Errorf("detail from sub-bullets = %q", d.Gap[0].Detail)
	}
	if na, why := d.Gap[1].NotApplicable(); !na || why != "entry level." {
		t.Errorf("not applicable = %v %q", na, why)
	}
}

func TestHeadingsWithNumbersEmojiAndWords(t *testing.T) {
	d := parseBody(t, `# My plan
## 1. 🎯 Target role
## Closing the gap
## 3. Next 30 days 🎯
## Next quarter: a sketch
## Years 2–3 (hypothesis)
## Nxt 30 days
## Review log
## The target, again
`)
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Key+"|"+s.Near)
	}
	want := "target|gap|next-30-days|next-quarter|long-term||review-log||"
	if strings.Join(got, "") != want {
		t.Errorf("keys|near = %q, want %q", strings.Join(got, ""), want)
	}
	for _, p := range d.Problems {
		if p.Code == "duplicate-section" {
			t.Errorf("a second heading that only mentions a section is not a duplicate: %v", p)
		}
	}
	// A misspelt heading names the section it is near when that one is missing.
	for heading, want := range map[string]string{
		"Targte": SectionTarget, "Nxt quarter": SectionQuarter, "This week's actions": SectionNext30Days,
		"Future": SectionLongTerm, "Hobbies": "", "Next 60 days": SectionNext30Days,
	} {
		d = parseBody(t, "## "+heading+"\n")
		if s := d.Sections[0]; s.Key != "" || s.Near != want {
			t.Errorf("## %s: key %q, near %q; want near %q", heading, s.Key, s.Near, want)
		}
	}
	// A heading near a section that is there is just another section.
	d = parseBody(t, "## Next quarter\n## Nxt quarter\n")
	if d.Sections[1].Near != "" {
		t.Errorf("near a present section: %q", d.Sections[1].Near)
	}
}

func TestH1SectionsAndDuplicates(t *testing.T) {
	d := parseBody(t, "# Path to Staff\n# Gap\n- **Scope:** x\n## Gap\n")
	if d.Title != "Path to Staff" || d.Sections[0].Key != SectionGap || len(d.Gap) != 1 {
		t.Errorf("title %q, first section %q, gap %d", d.Title, d.Sections[0].Key, len(d.Gap))
	}
	dup := false
	for _, p := range d.Problems {
		dup = dup || p.Code == "duplicate-section"
	}
	if !dup {
		t.Errorf("a second exact Gap heading is a duplicate")
	}
}

func TestReviewLogForms(t *testing.T) {
	d := parseBody(t, `## Review log
### 2026
#### 2026-11-16 · check-in
- On track.
### **2026-12-01 · quarterly**
- Assumptions hold.
`)
	if len(d.Reviews) != 2 || d.Reviews[0].Kind != ReviewCheckin || d.Reviews[1].Kind != ReviewQuarterly || len(d.Reviews[1].Notes) != 1 {
		t.Fatalf("reviews = %+v", d.Reviews)
	}
	if len(d.Problems) != 0 {
		t.Errorf("a year heading over dated entries is no entry: %v", d.Problems)
	}
	if len(d.Section(SectionReviewLog).Items) != 0 {
		t.Errorf("entry notes are not the section's own items")
	}
	d = parseBody(t, "## Review log\n### December check-in (2026-12-01)\n- fine\n### No date here\n")
	if len(d.Reviews) != 2 || d.Reviews[0].Date.String() != "2026-12-01" || d.Reviews[0].Kind != ReviewCheckin || len(d.Problems) != 1 {
		t.Errorf("a date later in the heading: %+v, %v", d.Reviews, d.Problems)
	}
	d = parseBody(t, `## Review log
- 2026-11-16 · check-in: on track
  - shipped the RFC
- 2026-12-01 quarterly — assumptions hold
- a loose note
`)
	if len(d.Reviews) != 2 || d.Reviews[0].Kind != ReviewCheckin || len(d.Reviews[0].Notes) != 1 || d.Reviews[1].Kind != ReviewQuarterly {
		t.Fatalf("list entries = %+v", d.Reviews)
	}
	if d.WindowStart().String() != "2026-12-01" {
		t.Errorf("window starts %s", d.WindowStart())
	}
	d = parseBody(t, "## Review log\n**2026-11-16** · check-in: on track.\n\n2026-12-01 quarterly review: assumptions hold.\n")
	if len(d.Reviews) != 2 || d.Reviews[1].Kind != ReviewQuarterly {
		t.Errorf("paragraph entries = %+v", d.Reviews)
	}
}

func TestBridgeDecisionCandidates(t *testing.T) {
	d := Parse("r.md", []byte(strings.Replace(header, "promotion", "career-change", 1)+`## Bridge work
- **Months 1–2:** the Google UX certificate. Artifact: the certificate.
- Months 3–5: a case study
  - Artifact: the published case study
### Months 6–8
Redesign the clinic booking flow.
- Deliverable: a portfolio piece
- Job search: apply to five studios.

## Decision
- Stay if the promotion case is heard in Q1.
- Switch otherwise.
  - I decide by 2027-02-26.

## Candidates
- **Product designer**
  - Talk to:
    - Ana Souza (Figma)
    - Ben Lee (Canva)
- **UX researcher** — Talk to: Chi Park (Google), Dev Rao and Eve Kim.
`))
	b := d.Bridge
	if b == nil || len(b.Milestones) != 3 || b.Months != 8 {
		t.Fatalf("bridge = %+v", b)
	}
	m := b.Milestones[1]
	if m.FromMonth != 3 || m.ToMonth != 5 || m.Start.String() != "2027-01-02" || m.End.String() != "2027-04-01" {
		t.Errorf("milestone 2 = months %d-%d, %s..%s", m.FromMonth, m.ToMonth, m.Start, m.End)
	}
	if m.Artifact != "the published case study" || at(m.ArtifactPos) != "16:5" {
		t.Errorf("artifact in a sub-bullet = %q at %s", m.Artifact, at(m.ArtifactPos))
	}
	if h := b.Milestones[2]; !h.IsHeading() || h.Artifact != "a portfolio piece" {
		t.Errorf("a sub-heading milestone = %+v", h)
	}
	dec := d.Decision
	if dec == nil || !dec.Stay || !dec.Switch || dec.Date.String() != "2027-02-26" || at(dec.DatePos) != "25:17" {
		t.Errorf("decision = %+v", dec)
	}
	e := d.Exploration
	if e == nil || len(e.Candidates) != 2 {
		t.Fatalf("exploration = %+v", e)
	}
	var people []string
	for _, c := range e.Candidates {
		var names []string
		for _, p := range c.Contacts {
			names = append(names, p.Text+"@"+at(p.Pos))
		}
		people = append(people, strings.Join(names, ","))
	}
	want := "Ana Souza (Figma)@30:7,Ben Lee (Canva)@31:7 | Chi Park (Google)@32:32,Dev Rao@32:51,Eve Kim.@32:63"
	if got := strings.Join(people, " | "); got != want {
		t.Errorf("contacts =\n  %s\nwant\n  %s", got, want)
	}
}

func TestPlaceholders(t *testing.T) {
	for s, want := range map[string]bool{
		"TBD": true, "tbd.": true, "TODO": true, "**TBD**": true, "???": true, "…": true, "...": true, "XXX": true,
		"TBD / TBC": true, "<company>": true, "<your name>": true, "[fill in]": true, "[placeholder]": true,
		"[TODO: the project]": true, "[TODO]": true, "?": true, "[name]": true,
		"TODO: book the slot with Ines": false, "TBD pending the reorg": false, "Todo list cleared": false,
		"the [TODO] tags": false, "<br>": false, "Xerox": false, "": false, "—": false, "n/a": false,
		"Stripe": false, "x": false, "[x]": false, "<https://x.io>": false, "<a@b.co>": false,
	} {
		if got := IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"TBD — probably the migration": true, "TODO: write this": true, "TBD (ask Ana)": true, "TBD": true,
		"TBD pending the reorg": false, "Todo list": false, "the migration": false,
	} {
		if got := StartsWithPlaceholder(s); got != want {
			t.Errorf("StartsWithPlaceholder(%q) = %v, want %v", s, want, got)
		}
	}
	for s, want := range map[string]string{
		"Ask [name] at <company> for 15 minutes":                              "[[4 10] [14 23]]",
		"[TODO: a title] and [fill in: x] and [TODO]":                         "[[0 15] [20 32]]",
		"`<file>` <!-- <x> --> [Stripe](https://s) <details open> a <b>c</b>": "[]",
		"[your name], [Your Company], [the date]":                             "[[0 11] [13 27] [29 39]]",
		"Ask ___ for 20 minutes":                                              "[[4 7]]",
		"___":                                                                 "[]",
		"my___var and __init__ and a ____":                                    "[[28 32]]",
	} {
		if got := fmt.Sprint(FindPlaceholders(s)); got != want && !(want == "[]" && got == "[]") {
			t.Errorf("FindPlaceholders(%q) = %s, want %s", s, got, want)
		}
	}
}

// A date's format left where the date belongs is a placeholder; dates,
// words and half-formats are not.
func TestDateFormatPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"YYYY-MM-DD": true, "yyyy-mm-dd": true, "DD/MM/YYYY": true, "MM/DD/YY": true, "DD.MM.YYYY": true,
		"YYYY-MM": true, "MM/DD": true, "2027-MM-DD": true, "YYYY/MM/DD": true,
		"2027-12-01": false, "YYYY": false, "MM": false, "DD-DD": false, "YYYY-MM-DD-MM": false,
		"YYY-MM-DD": false, "MMM-YYYY": false, "YYYY-MM/DD": false, "Day-Month": false, "my-dd": false,
		"2027-12-DD": false, "mm": false, "Model": false, "YYYY-MM-DDx": false,
	} {
		if got := IsDateFormat(s); got != want {
			t.Errorf("IsDateFormat(%q) = %v, want %v", s, got, want)
		}
		if got := IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
	if got := FindLabelledPlaceholders("Due: YYYY-MM-DD. Date format: YYYY-MM-DD."); fmt.Sprint(got) != "[[5 15]]" {
		t.Errorf("FindLabelledPlaceholders = %v, want the due date's only", got)
	}
}

// A list of nothing but placeholders is one problem, a warning (the list
// is empty, the rest of the file readable), and counts no company.
func TestPlaceholderList(t *testing.T) {
	for _, list := range []string{"[TBD, TBD]", "[TBD]", "\n    - TBD\n    - \"???\"", "[\"<company>\", \"[fill in]\"]"} {
		d := Parse("r.md", []byte(strings.Replace(header, "companies: [A, B]", "companies: "+list, 1)))
		var got []Problem
		for _, p := range d.Problems {
			if p.Code == CodePlaceholder {
				got = append(got, p)
			}
		}
		if len(got) != 1 || got[0].Severity != SeverityWarning || got[0].Path != "target.companies" || len(d.Frontmatter.Target.Companies) != 0 || d.Err() != nil {
			t.Errorf("companies: %s: problems %+v, companies %q, err %v; want one placeholder warning", list, got, d.Frontmatter.Target.Companies, d.Err())
		}
	}
	d := Parse("r.md", []byte(strings.Replace(header, "companies: [A, B]", "companies: [TBD, Stripe]", 1)))
	if got := d.Frontmatter.Target.Companies; len(got) != 2 || d.FieldProblem("target.companies") {
		t.Errorf("[TBD, Stripe]: companies %q, field problem %v; want both read, no list problem", got, d.FieldProblem("target.companies"))
	}
}

func TestOneFaultOneProblem(t *testing.T) {
	d := Parse("r.md", []byte(strings.Replace(header, "companies: [A, B]", "companies: Stripe, Adyen", 1)))
	if got := d.Frontmatter.Target.Companies; len(got) != 1 || got[0] != "Stripe, Adyen" {
		t.Errorf("a list written as one value is read as one item: %q", got)
	}
	if !d.FieldProblem("target.companies") || d.FieldProblem("target.role") || d.FieldProblem("target") {
		t.Errorf("FieldProblem is wrong: %v", d.Problems)
	}
	d = Parse("r.md", []byte(strings.Replace(header, "started: 2026-11-02", "started: TBD", 1)))
	if len(d.Problems) != 1 || d.Problems[0].Code != CodePlaceholder || d.Problems[0].Value != "TBD" {
		t.Errorf("a placeholder date is one placeholder problem: %v", d.Problems)
	}
	d = Parse("r.md", []byte("---\nroadmap: 1\ntitle: [unclosed\n---\n## Gap\n"))
	if d.Frontmatter.Decoded || d.Frontmatter.Syntax != "yaml" {
		t.Errorf("a header with a syntax error is not decoded")
	}
}

func TestParseHorizon(t *testing.T) {
	for s, want := range map[string]int{"2y": 24, "18m": 18, " 3Y ": 36, "100m": 100, "0y": -1, "2 y": -1, "y": -1, "-1y": -1, "+2y": -1, "2w": -1, "1000m": -1} {
		n, ok := ParseHorizon(s)
		if (want < 0 && ok) || (want >= 0 && (!ok || n != want)) {
			t.Errorf("ParseHorizon(%q) = %d, %v; want %d", s, n, ok, want)
		}
	}
}

func TestReadLabel(t *testing.T) {
	for s, want := range map[string]string{
		"**Skills:** x": "Skills|12|e:", "**Skills**: x": "Skills|12|e:", "__Scope__ x": "Scope|10|e",
		"*Scope*: x": "Scope|9|e:", "Skills: x": "Skills|8|:", "Talk to: Ana": "Talk to|9|:",
		"Months 1–2: the course": "Months 1–2|14|:", "🛠 **Skills** — x": "Skills|20|e",
		"https://x.io": "", "10:30 standup": "", "I own one small service: refunds": "",
		"**": "", "Ask Ana": "",
	} {
		l, ok := ReadLabel(s)
		got := ""
		if ok {
			got = fmt.Sprintf("%s|%d|", l.Name, l.End)
			if l.Emphasised {
				got += "e"
			}
			if l.Colon {
				got += ":"
			}
		}
		if got != want {
			t.Errorf("ReadLabel(%q) = %q, want %q", s, got, want)
		}
	}
}

// The walk's test for a roadmap is the parser's own frontmatter reading.
func TestHasRoadmapKey(t *testing.T) {
	for src, want := range map[string]bool{
		"---\nroadmap: 1\ntitle: x\n---\n":                     true,
		"\xEF\xBB\xBF---\r\ntitle: x\r\nroadmap: 1\r\n---\r\n": true,
		"+++\nroadmap = 1\n+++\n":                              true,
		"+++\nroadmap=1\n+++\n":                                true,
		"---\n\"roadmap\": 1\n---\n":                           true,
		"---\nroadmap: 1\ntitle: never closed\n":               true,
		"---\ntitle: x\n---\nroadmap: 1\n":                     false,
		"---\ntitle: x\n...\n# README\nroadmap: 1\n":           false, // closed by "...", as Parse reads it
		"# README\n\nroadmap: 1\n":                             false,
		"---\nroadmaps: 1\n---\n":                              false,
		"---\n  roadmap: 1\n---\n":                             false,
		"---\nroadmap:1\n---\n":                                false,
		"----\nroadmap: 1\n---\n":                              false,
		"+++\nroadmap: 1\n+++\n":                               false,
		"":                                                     false,
	} {
		if got := HasRoadmapKey([]byte(src)); got != want {
			t.Errorf("HasRoadmapKey(%q) = %v, want %v", src, got, want)
		}
	}
}

// README's file-format section documents every heading and label the
// reader accepts, so people can write what it reads.
func TestReadmeListsEveryAcceptedForm(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	start, end := strings.Index(s, "## The roadmap file"), strings.Index(s, "## The rules")
	if start < 0 || end < start {
		t.Fatal("README has no file-format section before its rules")
	}
	section := strings.ToLower(strings.ReplaceAll(s[start:end], "–", "-"))
	for alias := range sectionAliases {
		if !strings.Contains(section, alias) {
			t.Errorf("README's file format does not list the heading %q", alias)
		}
	}
	for word := range dimensionWords {
		if !strings.Contains(section, "`"+word) && !strings.Contains(section, word+"`") {
			t.Errorf("README's file format does not list the gap label %q", word)
		}
	}
	for _, w := range evidenceWords {
		if !strings.Contains(section, "`"+w+":`") {
			t.Errorf("README's file format does not list the Evidence label %q", w)
		}
	}
}

func TestTables(t *testing.T) {
	d := parseBody(t, `## Gap
Dimension | Today | Evidence
:-- | --- | ---:
**Scope** | one service, a \| pipe | the migration
Skils | design | none yet

A paragraph | with pipes | is not a table.
`)
	if got := gapSummary(d); got != `scope@16 ev="the migration"@16:38; skils@17 near=skills` {
		t.Errorf("gap from a table = %s", got)
	}
	if d.Gap[0].Detail != `one service, a \| pipe` || at(d.Gap[0].LabelPos) != "16:1" {
		t.Errorf("detail %q, label at %s", d.Gap[0].Detail, at(d.Gap[0].LabelPos))
	}
	// A table that names no dimension is not the gap's items.
	d = parseBody(t, "## Gap\n| a | b |\n|---|---|\n| x | y |\n- **Scope:** z. Evidence: w.\n")
	if len(d.Gap) != 1 || d.Gap[0].Dimension != DimensionScope {
		t.Errorf("gap = %s", gapSummary(d))
	}
}

func TestDueDatesPeopleWrite(t *testing.T) {
	for text, want := range map[string]string{
		"Scope the proposal (project) — due Fri 2026-11-20":        "2026-11-20|Scope the proposal",
		"Scope the proposal (project) due on Friday, 2026-11-20":   "2026-11-20|Scope the proposal",
		"Scope the proposal 📅 2026-11-20 (project)":                "2026-11-20|Scope the proposal",
		"Scope the proposal (project) — 2026-11-20":                "2026-11-20|Scope the proposal",
		"Scope the proposal (project), 2026-11-20.":                "2026-11-20|Scope the proposal",
		"Scope the proposal (project) [2026-11-20]":                "2026-11-20|Scope the proposal",
		"Read the 2026-11-01 incident review (course)":             "|Read the 2026-11-01 incident review",
		"Re-read the RFC from 2026-11-01 (course)":                 "|Re-read the RFC from 2026-11-01",
		"**Course:** Finish chapters 1–3 of DDIA — due 2026-11-20": "2026-11-20|Finish chapters 1–3 of DDIA",
	} {
		d := parseBody(t, "## Next 30 days\n- [ ] "+text+"\n")
		a := d.Actions[0]
		if got := a.Due.String() + "|" + a.Title; got != want {
			t.Errorf("%q: due|title = %q, want %q", text, got, want)
		}
	}
}

func TestLabelledPlaceholders(t *testing.T) {
	for s, want := range map[string]string{
		"Months 5–6: acting PM. Artifact: TBD":        "[[35 38]]",
		"Talk to: ???.":                               "[[9 12]]",
		"**Owner:** TODO":                             "[[11 15]]",
		"TODO: book the slot with Ines":               "[]",
		"Artifact: TBD pending the reorg":             "[]",
		"Status: TBD, pending the reorg":              "[[8 11]]",
		"a long sentence with many words before: TBD": "[]",
	} {
		if got := fmt.Sprint(FindLabelledPlaceholders(s)); got != want && !(want == "[]" && got == "[]") {
			t.Errorf("FindLabelledPlaceholders(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestKindAsALabel(t *testing.T) {
	d := parseBody(t, "## Next 30 days\n- [ ] **Person:** Ask Ana Souza for 15 minutes — due 2026-11-20\n- [ ] Projected growth review (course)\n")
	if a := d.Actions[0]; a.Kind != ActionPerson || a.KindInferred || a.Title != "Ask Ana Souza for 15 minutes" {
		t.Errorf("action 1 = %q %q %v", a.Title, a.Kind, a.KindInferred)
	}
	if a := d.Actions[1]; a.Kind != ActionCourse || a.KindInferred {
		t.Errorf("action 2 = %q %q", a.Title, a.Kind)
	}
}

func TestArtifactThatSaysNone(t *testing.T) {
	d := parseBody(t, "## Bridge work\n- Months 1–2: the CKA exam. Artifact: none yet.\n- Months 3–4: Artifact: the certificate.\n")
	if b := d.Bridge; len(b.Milestones) != 2 || b.Milestones[0].Artifact != "" || b.Milestones[1].Artifact != "the certificate." {
		t.Errorf("milestones = %+v", b.Milestones)
	}
}

// The job search is the bridge's Search, read as a phase is, and left out
// of the milestones lint counts; a phase ends the day before the next
// begins (PhaseSpan), and its Work is its text without the artifact.
func TestBridgeSearchAndWork(t *testing.T) {
	d := Parse("r.md", []byte(strings.Replace(header, "promotion", "career-change", 1)+`## Bridge work
- Months 1–3 (to 2027-03-01): a course. Artifact: the capstone, online.
- Months 4–8: a project
  - Artifact: the case study
- Job search (months 9–12, to 2027-12-01): five applications a week.
`))
	b := d.Bridge
	if b == nil || len(b.Milestones) != 2 || b.Months != 8 || b.Search == nil {
		t.Fatalf("bridge = %+v", b)
	}
	start := d.Frontmatter.Started
	if s, e := PhaseSpan(start, 1, 3); s != start || e != start.AddMonths(3).AddDays(-1) {
		t.Errorf("PhaseSpan(1, 3) = %s..%s", s, e)
	}
	m0, m1, sr := b.Milestones[0], b.Milestones[1], b.Search
	if m1.Start != m0.End.AddDays(1) || sr.Start != m1.End.AddDays(1) {
		t.Errorf("phases do not meet: %s..%s, %s..%s, %s..%s", m0.Start, m0.End, m1.Start, m1.End, sr.Start, sr.End)
	}
	if sr.FromMonth != 9 || sr.ToMonth != 12 || sr.End != start.AddMonths(12).AddDays(-1) {
		t.Errorf("search = months %d-%d to %s", sr.FromMonth, sr.ToMonth, sr.End)
	}
	if m0.Work != "Months 1–3 (to 2027-03-01): a course." || m0.Artifact != "the capstone, online." {
		t.Errorf("milestone 1 work %q, artifact %q", m0.Work, m0.Artifact)
	}
	if m1.Work != "Months 4–8: a project" || m1.Artifact != "the case study" {
		t.Errorf("milestone 2 work %q, artifact %q", m1.Work, m1.Artifact)
	}
	// A search that names only its last day starts after the last phase.
	d = Parse("r.md", []byte(strings.Replace(header, "promotion", "career-change", 1)+`## Bridge work
- Months 1–2: a course. Artifact: the certificate.
- Months 3–6: a project. Artifact: the case study.
- Apply to 15 roles; offer by 2027-12-20.
`))
	if sr := d.Bridge.Search; sr == nil || sr.Start != d.Bridge.Milestones[1].End.AddDays(1) || sr.End.String() != "2027-12-20" {
		t.Errorf("search = %+v", sr)
	}
}

// The Decision keeps each point with the option it weighs; a candidate
// keeps its role apart from the people to talk to.
func TestDecisionPointsCandidateRoles(t *testing.T) {
	d := Parse("r.md", []byte(strings.Replace(header, "promotion", "stalled", 1)+`## Decision
Stay and engineer the move, or switch companies. I decide by 2027-02-26.
- Stay if the charter is signed by 2027-01-29.
- Switch if it is not.
- The outcome goes into the review log.

## Candidates
- **Engineering Manager, Infrastructure** (front-runner). Talk to: Aisha Bello (EM), Kenji Watanabe.
- **Staff SRE.** Talk to: Marta Nowak.
- **Solutions Architect**
  - Talk to: Tobias Brenner

| Role | People |
|---|---|
| Data PM | Ana Souza |
`))
	var got []string
	for _, p := range d.Decision.Points {
		got = append(got, fmt.Sprintf("%v/%v", p.Stay, p.Switch))
	}
	if strings.Join(got, " ") != "true/true true/false false/true false/false" {
		t.Errorf("points weigh %v", got)
	}
	got = nil
	for _, c := range d.Exploration.Candidates {
		got = append(got, c.Role)
	}
	want := "**Engineering Manager, Infrastructure** (front-runner)|**Staff SRE.**|**Solutions Architect**|Data PM"
	if strings.Join(got, "|") != want {
		t.Errorf("roles = %q", got)
	}
}
